import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOfficeConfig } from '../../main/hub/config/loadConfig.ts';
import { parsePreset } from '../../main/hub/ambience/presetLibrary.ts';

// An admin copies the README's examples on a Saturday: they must be valid as written.
const repoRoot = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const yamlBlocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe('the README', () => {
  it('shows an office configuration that loads', () => {
    const office = yamlBlocks.find((block) => block.startsWith('practice:'));
    expect(office).toBeDefined();
    const config = parseOfficeConfig(office!, 'README office.yaml');
    expect(config.clinicians[0]?.notify?.push?.service).toBe('mobile_app_sams_phone');
  });

  it('shows a preset file that loads', () => {
    const preset = yamlBlocks.find((block) => block.startsWith('name: Calm'));
    expect(preset).toBeDefined();
    expect(parsePreset(preset!, 'calm.yaml')).toHaveProperty('preset');
  });

  it('shows only pictures that are in the repository, each described in words', () => {
    const images = [...readme.matchAll(/<img src="([^"]+)" alt="([^"]*)"/g)];
    expect(images.length).toBeGreaterThanOrEqual(4);
    for (const [, src, alt] of images) expect({ src, exists: existsSync(join(repoRoot, src!)), described: alt!.length > 20 }).toEqual({ src, exists: true, described: true });
    expect(readme.match(/<img /g)).toHaveLength(images.length);
  });
});
