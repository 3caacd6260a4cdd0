/**
 * "Save this room as a preset" (issue 11): the room's desired state as it is now (a preset and
 * the therapist's fine-tuning) written as a preset file the practice can keep, read back by the
 * same schema as any other preset before anything is written.
 */
import { stringify } from 'yaml';
import type { DesiredAmbience } from './clampToRoom.ts';
import { parsePreset } from './presetLibrary.ts';
import type { LightSetting, Preset } from './presetSchema.ts';

/** A preset's id from its name: "Soft evening" is `soft-evening`; null when nothing usable is left. */
export function presetIdFor(name: string): string | null {
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return id.length > 0 ? id : null;
}

const hex = ([r, g, b]: readonly [number, number, number]) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;

function lightEntry(light: LightSetting) {
  if (!light.on) return { on: false };
  return { on: true, brightness: Math.round(light.brightness), ...(light.kelvin === undefined ? {} : { kelvin: light.kelvin }), ...(light.colour === undefined ? {} : { colour: hex(light.colour) }) };
}

export interface PresetFromRoom {
  name: string;
  roomName: string;
  desired: DesiredAmbience;
  /** The preset the room was set from, whose colour swatch and session extras the new one keeps. */
  basedOn: Preset | undefined;
}

/** The preset file's text and the preset it reads back as. */
export function presetFileFor({ name, roomName, desired, basedOn }: PresetFromRoom): { text: string; preset: Preset } | { problem: string } {
  const id = presetIdFor(name);
  if (!id) return { problem: 'A preset name needs at least one letter or digit.' };
  const file = {
    name,
    description: `Saved in the ${roomName}${basedOn ? `, from ${basedOn.name} as it was adjusted there` : ''}.`.slice(0, 140),
    swatch: basedOn?.swatch ?? '#d9a46c',
    transitionSeconds: desired.transitionSeconds,
    lights: Object.fromEntries(Object.entries(desired.lights).map(([role, light]) => [role, lightEntry(light)])),
    sound: desired.sound ?? 'none',
    session: basedOn?.session ?? { doorSign: true, masking: true },
  };
  const text = `# Saved from the room screen. Edit it like any preset; see presets/ for the fields.\n${stringify(file, { lineWidth: 0 })}`;
  const read = parsePreset(text, `${id}.yaml`);
  if ('problems' in read) return { problem: `This room's settings could not be kept as a preset (${read.problems.join('; ')}).` };
  return { text, preset: read.preset };
}
