/**
 * A gentler variant of a preset for a client's comfort wishes from the kiosk. Each wish moves the
 * room a noticeable but small step, never past the room's limits.
 */
import type { ComfortWish } from '../../contract/contract.ts';
import { clampBrightness, clampVolume } from './clampToRoom.ts';
import { mixRgb, type Rgb } from './colour.ts';
import type { LightSetting, Preset, SoundSource } from './presetSchema.ts';
import type { RoomLimits } from './roomDevices.ts';

const softerBrightness = 0.7;
const warmerByKelvin = 300;
/** Warmer than this reads as orange rather than soft. */
const warmestKelvin = 2200;
const candleLight: Rgb = [255, 180, 107];
const quieterVolume = 0.6;

/** The soft source added when a client would like some sound and the preset has none. */
export const softBackgroundSound: SoundSource = {
  stillroom: 'soft-rain',
  volume: 0.12,
  fadeInSeconds: 12,
  fadeOutSeconds: 8,
};

function softer(light: LightSetting, limits: RoomLimits): LightSetting {
  if (!light.on) return light;
  return {
    ...light,
    brightness: clampBrightness(Math.round(light.brightness * softerBrightness), limits),
    ...(light.kelvin === undefined ? {} : { kelvin: Math.max(Math.min(light.kelvin, warmestKelvin), light.kelvin - warmerByKelvin) }),
    ...(light.colour === undefined ? {} : { colour: mixRgb(light.colour, candleLight, 0.3) }),
  };
}

export function adaptForWishes(preset: Preset, wishes: readonly ComfortWish[], limits: RoomLimits): Preset {
  let { lights, sound } = preset;
  if (wishes.includes('softer-light')) {
    lights = Object.fromEntries(Object.entries(lights).map(([role, light]) => [role, softer(light, limits)]));
  }
  if (wishes.includes('background-sound') && sound === null) sound = softBackgroundSound;
  if (wishes.includes('quieter-room') && sound !== null) sound = { ...sound, volume: Math.round(sound.volume * quieterVolume * 100) / 100 };
  return { ...preset, lights, sound: sound && { ...sound, volume: clampVolume(sound.volume, limits) } };
}
