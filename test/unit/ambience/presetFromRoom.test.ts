import { describe, expect, it } from 'vitest';
import { presetFileFor, presetIdFor } from '../../../main/hub/ambience/presetFromRoom.ts';
import { parsePreset } from '../../../main/hub/ambience/presetLibrary.ts';
import type { Preset } from '../../../main/hub/ambience/presetSchema.ts';

// "Save this room as a preset": what is written must read back as the same setting.
const calm = { id: 'calm', name: 'Calm', description: 'Lamps low and warm.', swatch: '#d9a46c', transitionSeconds: 15, lights: {}, sound: null, session: { doorSign: true, masking: false } } as unknown as Preset;

describe('a room saved as a preset', () => {
  it('reads back as the room was set: each light role, the sound, the fade, and the session extras it came from', () => {
    const desired = {
      presetId: 'calm',
      lights: { all: { on: true as const, brightness: 20, kelvin: 2400 }, ceiling: { on: false as const }, accent: { on: true as const, brightness: 30, colour: [255, 140, 60] as [number, number, number] } },
      sound: { stillroom: 'stream' as const, volume: 0.1, fadeInSeconds: 15, fadeOutSeconds: 10 },
      transitionSeconds: 15,
    };
    const made = presetFileFor({ name: 'Soft evening', roomName: 'Willow room', desired, basedOn: calm });
    if ('problem' in made) throw new Error(made.problem);
    const read = parsePreset(made.text, 'soft-evening.yaml');
    expect(read).toEqual({ preset: made.preset });
    expect(made.preset).toMatchObject({ id: 'soft-evening', name: 'Soft evening', swatch: '#d9a46c', transitionSeconds: 15, lights: desired.lights, sound: desired.sound, session: { doorSign: true, masking: false } });
    expect(made.preset.description).toBe('Saved in the Willow room, from Calm as it was adjusted there.');
  });

  it('writes silence as silence', () => {
    const made = presetFileFor({ name: 'Quiet', roomName: 'Cedar room', desired: { presetId: null, lights: { all: { on: false } }, sound: null, transitionSeconds: 5 }, basedOn: undefined });
    expect('preset' in made && made.preset.sound).toBeNull();
  });

  it('takes its id from the name, and refuses a name with no letter or digit', () => {
    expect(presetIdFor('Soft évening!')).toBe('soft-evening');
    expect(presetIdFor('  Rain, 2  ')).toBe('rain-2');
    expect(presetIdFor('***')).toBeNull();
    expect(presetFileFor({ name: '***', roomName: 'Willow room', desired: { presetId: null, lights: { all: { on: false } }, sound: null, transitionSeconds: 5 }, basedOn: undefined })).toEqual({ problem: 'A preset name needs at least one letter or digit.' });
  });
});
