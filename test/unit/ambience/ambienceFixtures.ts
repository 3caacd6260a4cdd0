/** A room and device states as Home Assistant would report them, for the planner tests. */
import type { DesiredAmbience } from '../../../main/hub/ambience/clampToRoom.ts';
import type { AmbiencePlan, EntityState, ServiceCall } from '../../../main/hub/ambience/homeAssistantCalls.ts';
import { PresetFile, type Preset } from '../../../main/hub/ambience/presetSchema.ts';
import { RoomAmbienceConfig } from '../../../main/hub/ambience/roomDevices.ts';
import type { SoundUrl } from '../../../main/hub/ambience/planAmbience.ts';

export const room = RoomAmbienceConfig.parse({
  lights: { ceiling: ['light.ceiling_a', 'light.ceiling_b'], lamp: 'light.lamp', accent: 'light.accent' },
  speaker: 'media_player.room',
  doorSign: 'switch.door_sign',
  masking: 'media_player.hallway',
  maskingSource: { stillroom: 'pink-noise', volume: 0.3 },
  limits: { minBrightness: 10, maxBrightness: 80, maxVolume: 0.25 },
});

/** The hub's address for its sounds, as the planner is given it: a room's own generator under the room's name. */
export const soundUrl: SoundUrl = (name, generator) => `http://192.168.1.20:4280/sounds/${name}${generator === 'room' ? '/room' : ''}.mp3`;

type ColourMode = 'onoff' | 'brightness' | 'color_temp' | 'hs' | 'xy' | 'rgb' | 'rgbw' | 'rgbww';

/** A light that is off, with the capability attributes its integration would report. */
export function lightState(modes: ColourMode[], options: { transition?: boolean; minKelvin?: number; maxKelvin?: number } = {}): EntityState {
  return {
    state: 'off',
    attributes: {
      supported_color_modes: modes,
      supported_features: options.transition === false ? 0 : 32,
      ...(modes.includes('color_temp') ? { min_color_temp_kelvin: options.minKelvin ?? 2000, max_color_temp_kelvin: options.maxKelvin ?? 6535 } : {}),
    },
  };
}

export function playerState(state: string, attributes: Record<string, unknown> = {}): EntityState {
  return { state, attributes: { supported_features: 152463, ...attributes } };
}

export const states = {
  'light.ceiling_a': lightState(['color_temp']),
  'light.ceiling_b': lightState(['color_temp']),
  'light.lamp': lightState(['color_temp', 'xy']),
  'light.accent': lightState(['hs', 'color_temp']),
  'media_player.room': playerState('idle', { volume_level: 0.4 }),
  'media_player.hallway': playerState('off'),
};

export function preset(fields: Record<string, unknown>): Preset {
  const parsed = PresetFile.parse({ name: 'Test', description: 'A test preset.', swatch: '#ffffff', transitionSeconds: 10, ...fields });
  return { ...parsed, id: parsed.id ?? 'test' };
}

export function desired(fields: Record<string, unknown>): DesiredAmbience {
  const { id, lights, sound, transitionSeconds } = preset(fields);
  return { presetId: id, lights, sound, transitionSeconds };
}

/** The single call planned for `entityId` (lights get exactly one). */
export function callFor(plan: AmbiencePlan, entityId: string): ServiceCall {
  const device = plan.devices.find((candidate) => candidate.entityId === entityId);
  if (!device) throw new Error(`nothing planned for ${entityId}`);
  if (device.steps.length !== 1) throw new Error(`${entityId} has ${device.steps.length} steps`);
  return device.steps[0]!.call;
}

export const plannedEntities = (plan: AmbiencePlan) => plan.devices.map((device) => device.entityId);
