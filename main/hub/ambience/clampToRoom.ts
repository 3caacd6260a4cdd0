/**
 * A room's desired ambience and the room's safety limits. The desired state is what the hub records
 * when a preset is applied (possibly fine-tuned afterwards); it is always clamped to the room before
 * it is recorded or planned, so no preset or slider can go past the floor or the ceiling.
 */
import type { LightSetting, Preset, SoundSource } from './presetSchema.ts';
import type { RoomLimits } from './roomDevices.ts';

/** Lights by role (or `all`), sound (`null` for silence), and how long light changes take. */
export interface DesiredAmbience {
  presetId: string | null;
  lights: Record<string, LightSetting>;
  sound: SoundSource | null;
  transitionSeconds: number;
}

export function desiredFromPreset(preset: Preset): DesiredAmbience {
  return { presetId: preset.id, lights: preset.lights, sound: preset.sound, transitionSeconds: preset.transitionSeconds };
}

export const clampBrightness = (percent: number, limits: RoomLimits) =>
  Math.min(limits.maxBrightness, Math.max(limits.minBrightness, percent));

export const clampVolume = (volume: number, limits: RoomLimits) => Math.min(limits.maxVolume, Math.max(0, volume));

export function clampToRoom(desired: DesiredAmbience, limits: RoomLimits): DesiredAmbience {
  const lights = Object.fromEntries(
    Object.entries(desired.lights).map(([role, light]) => [role, light.on ? { ...light, brightness: clampBrightness(light.brightness, limits) } : light]),
  );
  const sound = desired.sound && { ...desired.sound, volume: clampVolume(desired.sound.volume, limits) };
  return { ...desired, lights, sound };
}
