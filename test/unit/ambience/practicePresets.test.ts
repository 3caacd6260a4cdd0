import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mostOwnPresets, preparePresetFolder, writeOwnPreset } from '../../../main/hub/ambience/practicePresets.ts';
import { createLog } from '../../../main/hub/log.ts';
import { tempDir } from '../../support/tempDir.ts';

// The practice's preset folder on a bad day: it must never stop the hub, and a save says why it failed.
describe("the practice's preset folder", () => {
  it('a folder that cannot be made is logged, not thrown, so the hub still starts', () => {
    const blocker = join(tempDir('presets'), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const lines: string[] = [];
    expect(() => preparePresetFolder(join(blocker, 'presets'), createLog((line) => lines.push(line)))).not.toThrow();
    expect(lines.join('\n')).toContain('ENOTDIR');
  });

  it('a save into a folder that cannot be written is refused in words, and nothing is written', () => {
    const blocker = join(tempDir('presets'), 'a-file');
    writeFileSync(blocker, 'not a folder');
    expect(writeOwnPreset(blocker, 'soft-evening', 'name: x\n')).toEqual({ ok: false, error: { code: 'unavailable', message: 'The preset could not be saved (the preset folder cannot be written: ENOTDIR). Nothing was changed.' } });
  });

  it(`keeps at most ${mostOwnPresets} of the practice's own presets`, () => {
    const folder = tempDir('presets');
    for (let n = 0; n < mostOwnPresets; n++) writeFileSync(join(folder, `p${n}.yaml`), '');
    expect(writeOwnPreset(folder, 'one-more', 'name: x\n')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(existsSync(join(folder, 'one-more.yaml'))).toBe(false);
  });
});
