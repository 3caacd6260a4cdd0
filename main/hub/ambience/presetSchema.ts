/**
 * What a preset file may say: one YAML file per preset, for example `presets/calm.yaml`. Every
 * object is strict so a misspelt key is reported rather than ignored. Colours are read once here
 * (hex or `[r, g, b]`) so the planner only ever sees an `Rgb` triple.
 */
import { z } from 'zod';
import { Slug } from '../../contract/contract.ts';
import { rgbFromHex, type Rgb } from './colour.ts';
import { SoundName, soundNames } from '../sounds/catalogue.ts';

const HexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour such as #f2c48d');

const Colour = z.union([
  HexColour.transform(rgbFromHex),
  z.tuple([z.int().min(0).max(255), z.int().min(0).max(255), z.int().min(0).max(255)]),
]);

/** A light role (`ceiling`, `lamp`, `accent`, …); `all` is the reserved name for every light. */
export const LightRole = Slug;
export const allLights = 'all';

/**
 * One light role's setting. `kelvin` and `colour` are exclusive, as they are in Home Assistant's
 * `light.turn_on`; an off light carries nothing else. Checked by hand (not a union) so a mistake is
 * reported on its own field instead of as "not one of the accepted forms".
 */
const LightSettingInput = z
  .strictObject({
    on: z.boolean(),
    brightness: z.int().min(1).max(100).optional(),
    kelvin: z.int().min(1500).max(6500).optional(),
    colour: Colour.optional(),
  })
  .superRefine((light, context) => {
    if (light.on && light.brightness === undefined) {
      context.addIssue({ code: 'custom', path: ['brightness'], message: 'a light that is on needs a brightness (1 to 100 percent)' });
    }
    if (light.kelvin !== undefined && light.colour !== undefined) {
      context.addIssue({ code: 'custom', path: ['colour'], message: 'give either kelvin or colour, not both' });
    }
    if (!light.on) {
      for (const field of ['brightness', 'kelvin', 'colour'] as const) {
        if (light[field] !== undefined) context.addIssue({ code: 'custom', path: [field], message: 'an off light takes no other setting' });
      }
    }
  });

export type LightSetting = { on: false } | { on: true; brightness: number; kelvin?: number; colour?: Rgb };

const LightSetting = LightSettingInput.transform((light): LightSetting => {
  if (!light.on) return { on: false };
  return {
    on: true,
    brightness: light.brightness ?? 100,
    ...(light.kelvin === undefined ? {} : { kelvin: light.kelvin }),
    ...(light.colour === undefined ? {} : { colour: light.colour }),
  };
});

/**
 * Lights by role. `all` reaches every light of the room that no other role in the same preset names,
 * so `{ all: off, lamp: on }` means "only the lamp"; a role the room lacks is ignored, and a room
 * role the preset does not name (and no `all`) is left as it is.
 */
const Lights = z.record(LightRole, LightSetting).refine((lights) => Object.keys(lights).length > 0, 'name at least one light role, or all');

/**
 * Where a sound comes from: one of Stillroom's own (`stillroom: rain`, served by the hub, see
 * sounds/catalogue.ts), or the practice's own media in Home Assistant (`mediaContentId`, as its
 * media browser shows it, e.g. `media-source://media_source/local/ocean.mp3`, or a URL).
 * Checked by hand so a mistake is reported on its own field.
 */
export type SoundOrigin = { stillroom: SoundName } | { mediaContentId: string; mediaContentType: string };

/** `fields` plus the origin fields, refined to exactly one origin. */
export function withSoundOrigin<Fields extends z.ZodRawShape>(fields: Fields) {
  return z
    .strictObject({ stillroom: SoundName.optional(), mediaContentId: z.string().min(1).optional(), mediaContentType: z.string().min(1).optional(), ...fields })
    .superRefine((value, context) => {
      const sound = value as { stillroom?: SoundName; mediaContentId?: string; mediaContentType?: string };
      if (sound.stillroom === undefined && sound.mediaContentId === undefined) {
        context.addIssue({ code: 'custom', path: ['stillroom'], message: `name one of Stillroom's own sounds (${soundNames.join(', ')}) or give the mediaContentId of your own media` });
      }
      if (sound.stillroom !== undefined && (sound.mediaContentId !== undefined || sound.mediaContentType !== undefined)) {
        context.addIssue({ code: 'custom', path: ['mediaContentId'], message: 'give either stillroom or mediaContentId, not both' });
      }
    });
}

/** Drops the unused origin fields: `{ stillroom }` or `{ mediaContentId, mediaContentType }` (type "music" unless given). */
export function soundOrigin(sound: { stillroom?: SoundName | undefined; mediaContentId?: string | undefined; mediaContentType?: string | undefined }): SoundOrigin {
  return sound.stillroom !== undefined ? { stillroom: sound.stillroom } : { mediaContentId: sound.mediaContentId!, mediaContentType: sound.mediaContentType ?? 'music' };
}

/** A sound a media player can play; `volume` is 0..1 before the room's ceiling. */
export const SoundSource = withSoundOrigin({
  volume: z.number().min(0).max(1),
  fadeInSeconds: z.number().min(0).max(120).default(8),
  fadeOutSeconds: z.number().min(0).max(120).default(6),
}).transform(({ stillroom, mediaContentId, mediaContentType, ...rest }) => ({ ...soundOrigin({ stillroom, mediaContentId, mediaContentType }), ...rest }));
export type SoundSource = z.infer<typeof SoundSource>;

/** `none` for silence; read before the source so a mistake in a source is reported on its own field. */
const Sound = z.preprocess((value) => (value === 'none' ? null : value), SoundSource.nullable());

/** What starting a session with this preset adds; both default to on. */
const SessionExtras = z.strictObject({
  doorSign: z.boolean().default(true),
  masking: z.boolean().default(true),
});

export const PresetFile = z.strictObject({
  /** Defaults to the file name without `.yaml`; a user preset with a built-in's id replaces it. */
  id: Slug.optional(),
  name: z.string().min(1).max(40),
  description: z.string().min(1).max(140).regex(/^[^\n\r]*$/, 'keep the description to one line'),
  swatch: HexColour,
  transitionSeconds: z.number().min(0).max(600).default(10),
  lights: Lights,
  sound: Sound.default(null),
  session: SessionExtras.prefault({}),
});

export type Preset = Omit<z.infer<typeof PresetFile>, 'id'> & { id: string };
export type SessionExtras = Preset['session'];
