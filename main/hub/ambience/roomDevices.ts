/**
 * Which Home Assistant entities make up a room's ambience, and the room's safety limits. Meant to be
 * spliced into the office config's `rooms[]`; it has no refinement at its top level so it can still
 * be `.extend`ed there (zod refuses to extend a refined object).
 */
import { z } from 'zod';
import { Slug } from '../../contract/contract.ts';
import { LightRole, allLights, soundOrigin, withSoundOrigin } from './presetSchema.ts';

const objectId = '[a-z0-9_]+';

/** An entity id in one of `domains`, e.g. `light.desk_lamp`. */
function entityIn(...domains: string[]) {
  const pattern = new RegExp(`^(${domains.join('|')})\\.${objectId}$`);
  const example = `${domains[0]}.${domains[0] === 'light' ? 'desk_lamp' : 'room_one'}`;
  return z.string().regex(pattern, `expected a ${domains.join(' or ')} entity such as ${example}`);
}

const LightEntity = entityIn('light');
const MediaPlayerEntity = entityIn('media_player');

const RoleLights = z.union([LightEntity, z.array(LightEntity).min(1)]).transform((ids) => (Array.isArray(ids) ? ids : [ids]));

const RoomLimits = z
  .strictObject({
    /** A floor so nobody sits (or walks) in the dark; applies to every light that is on. */
    minBrightness: z.int().min(1).max(100).default(5),
    maxBrightness: z.int().min(1).max(100).default(100),
    maxVolume: z.number().min(0).max(1).default(0.4),
  })
  .refine((limits) => limits.minBrightness <= limits.maxBrightness, { path: ['maxBrightness'], message: 'must not be below minBrightness' });

/** What the masking player plays: Stillroom's own masking sound (its own generator for this room) unless the practice names another. */
export const MaskingSource = withSoundOrigin({ volume: z.number().min(0).max(1) }).transform(({ stillroom, mediaContentId, mediaContentType, volume }) => ({
  ...soundOrigin({ stillroom, mediaContentId, mediaContentType }),
  volume,
}));

export const RoomAmbienceConfig = z.strictObject({
  lights: z
    .record(LightRole, RoleLights)
    .refine((lights) => !(allLights in lights), { message: `"${allLights}" is reserved for presets; name the role instead` })
    .default({}),
  speaker: MediaPlayerEntity.optional(),
  doorSign: entityIn('switch', 'input_boolean').optional(),
  /** A player outside the door that hides voices during a session. */
  masking: MediaPlayerEntity.optional(),
  maskingSource: MaskingSource.default({ stillroom: 'masking', volume: 0.3 }),
  limits: RoomLimits.prefault({}),
  /** What ending a session does: put back what was there before it, or apply the preset with this id. */
  sessionEnd: z.union([z.literal('restore'), Slug]).default('restore'),
});

export type RoomAmbienceConfig = z.infer<typeof RoomAmbienceConfig>;
export type RoomLimits = RoomAmbienceConfig['limits'];
export type MaskingSource = z.infer<typeof MaskingSource>;
