import { cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPresetLibrary, watchPresetLibrary, type PresetLibrary } from '../../../main/hub/ambience/presetLibrary.ts';
import { tempDir } from '../../support/tempDir.ts';

const builtInFolder = join(import.meta.dirname, '../../../presets');

const calm = `
name: Calm
description: Lamps low and warm.
swatch: '#d9a46c'
transitionSeconds: 12
lights:
  lamp: { on: true, brightness: 35, kelvin: 2400 }
  ceiling: { on: false }
sound: none
`;

function folderWith(files: Record<string, string>): string {
  const folder = tempDir('presets');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

/** Loads `calm.yaml` with `text` beside a good `rest.yaml`; returns the messages and the ids that loaded. */
function loadBadCalm(text: string) {
  const rest = calm.replace('name: Calm', 'name: Rest');
  const library = loadPresetLibrary([folderWith({ 'calm.yaml': text, 'rest.yaml': rest })]);
  return { messages: library.problems.map((problem) => problem.message), ids: [...library.presets.keys()] };
}

describe('built-in presets', () => {
  const library = loadPresetLibrary([builtInFolder]);

  it('all load without a problem', () => {
    expect(library.problems).toEqual([]);
  });

  it('include the six a therapist reaches for, plus an evening one', () => {
    expect([...library.presets.keys()].sort()).toEqual(['bright-cleaning', 'calm', 'evening-rain', 'focus', 'grounding', 'rest', 'warm-welcome']);
  });

  it('stay quiet and warm: volume at most 0.3, kelvin 2200–4000 outside cleaning, gentle transitions', () => {
    for (const preset of library.presets.values()) {
      expect(preset.sound?.volume ?? 0, preset.id).toBeLessThanOrEqual(0.3);
      const cleaning = preset.id === 'bright-cleaning';
      for (const light of Object.values(preset.lights)) {
        if (light.on && light.kelvin !== undefined && !cleaning) expect(light.kelvin, preset.id).toBeGreaterThanOrEqual(2200);
        if (light.on && light.kelvin !== undefined && !cleaning) expect(light.kelvin, preset.id).toBeLessThanOrEqual(4000);
      }
      if (!cleaning) expect(preset.transitionSeconds, preset.id).toBeGreaterThanOrEqual(8);
    }
  });
});

describe('a malformed preset file', () => {
  it('names the file, the field and the limit for a brightness over 100', () => {
    const { messages, ids } = loadBadCalm(calm.replace('brightness: 35', 'brightness: 140'));
    expect(messages).toEqual(['calm.yaml: lights.lamp.brightness: must be at most 100']);
    expect(ids).toEqual(['rest']);
  });

  it('refuses kelvin and colour together on one light', () => {
    const { messages, ids } = loadBadCalm(calm.replace('kelvin: 2400', "kelvin: 2400, colour: '#ffaa55'"));
    expect(messages).toEqual(['calm.yaml: lights.lamp.colour: give either kelvin or colour, not both']);
    expect(ids).toEqual(['rest']);
  });

  it('asks for a brightness when a light is on', () => {
    const { messages } = loadBadCalm(calm.replace('brightness: 35, ', ''));
    expect(messages).toEqual(['calm.yaml: lights.lamp.brightness: a light that is on needs a brightness (1 to 100 percent)']);
  });

  it('reports a misspelt field', () => {
    const { messages } = loadBadCalm(calm.replace('swatch:', 'swatchh:'));
    expect(messages).toContain('calm.yaml: swatchh: is not a known field (check the spelling)');
  });

  it('reports a swatch that is not a colour', () => {
    const { messages } = loadBadCalm(calm.replace("'#d9a46c'", 'warm'));
    expect(messages).toEqual(['calm.yaml: swatch: expected a colour such as #f2c48d']);
  });

  it('reports a sound field with its path, not just "not one of the accepted forms"', () => {
    const sound = 'sound:\n  mediaContentId: media-source://stillroom/rain\n  mediaContentType: music\n  volume: 1.5\n';
    const { messages } = loadBadCalm(calm.replace('sound: none\n', sound));
    expect(messages).toEqual(['calm.yaml: sound.volume: must be at most 1']);
  });

  it("names Stillroom's own sounds when a preset asks for one that does not exist", () => {
    const { messages } = loadBadCalm(calm.replace('sound: none\n', 'sound: { stillroom: thunder, volume: 0.2 }\n'));
    expect(messages).toEqual(["calm.yaml: sound.stillroom: expected one of masking, pink-noise, brown-noise, rain, soft-rain, stream, room-tone"]);
  });

  it('asks for one source, not two and not none', () => {
    const both = loadBadCalm(calm.replace('sound: none\n', 'sound: { stillroom: rain, mediaContentId: media-source://media_source/local/rain.mp3, volume: 0.2 }\n'));
    expect(both.messages).toEqual(['calm.yaml: sound.mediaContentId: give either stillroom or mediaContentId, not both']);
    const neither = loadBadCalm(calm.replace('sound: none\n', 'sound: { volume: 0.2 }\n'));
    expect(neither.messages).toEqual([
      "calm.yaml: sound.stillroom: name one of Stillroom's own sounds (masking, pink-noise, brown-noise, rain, soft-rain, stream, room-tone) or give the mediaContentId of your own media",
    ]);
  });

  it('reports YAML that does not parse, with the line', () => {
    const { messages, ids } = loadBadCalm('name: Calm\nlights: { lamp: [\n');
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).toMatch(/^calm\.yaml: line \d+, column \d+: this is not valid YAML/);
    expect(ids).toEqual(['rest']);
  });

  it('reports an empty file', () => {
    expect(loadBadCalm('').messages).toEqual(['calm.yaml: the file is empty']);
  });

  it('reports a file name that cannot be an id', () => {
    const library = loadPresetLibrary([folderWith({ 'Calm Evening.yaml': calm })]);
    expect(library.problems.map((problem) => problem.message)).toEqual([
      'Calm Evening.yaml: id: the file name is not a usable id; rename the file (lowercase letters, digits, dashes) or add an id field',
    ]);
  });

  it('reports a second file with the same id in one folder', () => {
    const library = loadPresetLibrary([folderWith({ 'calm.yaml': calm, 'calm-copy.yaml': `id: calm\n${calm}` })]);
    expect(library.problems.map((problem) => problem.message)).toEqual(['calm.yaml: id: "calm" is already used by calm-copy.yaml']);
  });
});

describe('the user folder', () => {
  it('replaces a built-in preset with the same id', () => {
    const user = folderWith({ 'my-calm.yaml': `id: calm\n${calm.replace('name: Calm', 'name: Our calm')}` });
    const library = loadPresetLibrary([builtInFolder, user]);
    expect(library.presets.get('calm')?.name).toBe('Our calm');
    expect(library.presets.has('focus')).toBe(true);
  });

  it('may not exist yet', () => {
    const library = loadPresetLibrary([builtInFolder, join(tmpdir(), 'stillroom-no-such-folder')]);
    expect(library.problems).toEqual([]);
  });
});

describe('watching the presets', () => {
  let stop = () => {};
  afterEach(() => stop());

  it('reloads and reports when a file changes', async () => {
    const builtIn = tempDir('presets');
    cpSync(builtInFolder, builtIn, { recursive: true });
    const user = tempDir('user-presets');
    const reloaded = new Promise<PresetLibrary>((resolve) => {
      stop = watchPresetLibrary([builtIn, user], resolve);
    });
    writeFileSync(join(user, 'calm.yaml'), calm.replace('name: Calm', 'name: Calmer'));
    const library = await reloaded;
    expect(library.presets.get('calm')?.name).toBe('Calmer');
  });
});
