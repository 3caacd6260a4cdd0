import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liveSections, restartSections } from '../../main/hub/config/liveConfig.ts';
import { ConfigError, parseOfficeConfig } from '../../main/hub/config/loadConfig.ts';

const demoFile = join(import.meta.dirname, '../../config/demo-office.yaml');
const demo = readFileSync(demoFile, 'utf8');
const office = (extra: string) => parseOfficeConfig(`${demo}\n${extra}`, demoFile);

describe('the presets section of a running office', () => {
  it('takes a hidden list at once, without a restart', () => {
    const running = office('');
    const next = office('presets:\n  hidden: [focus]\n');
    expect(restartSections(running, next)).toEqual([]);
    expect(liveSections(running, next).presets).toEqual({ hidden: ['focus'] });
  });

  it('keeps the folder it started with: a new one waits for the restart', () => {
    const running = office('');
    const next = office('presets:\n  folder: ./my-presets\n  hidden: [calm]\n');
    expect(restartSections(running, next)).toEqual(['presets']);
    expect(liveSections(running, next).presets).toEqual({ hidden: ['calm'] });
  });

  it('refuses a preset hidden twice, naming the field', () => {
    expect(() => office('presets:\n  hidden: [calm, calm]\n')).toThrow(ConfigError);
    try {
      office('presets:\n  hidden: [calm, calm]\n');
    } catch (error) {
      expect((error as ConfigError).message).toContain('presets.hidden: each preset once');
    }
  });
});
