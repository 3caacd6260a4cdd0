/**
 * Realistic entities to seed a simulator with: each constructor returns the state Home Assistant
 * would report for such a device, with the attributes its integration would set.
 */
import { lightAttributes, lightFeature, type ColorMode, type LightOutput } from './lightAttributes.ts';
import type { Attributes } from './stateMachine.ts';

/** An entity as it is added to the simulator: its id, state string and attributes. */
export interface EntitySeed {
  entityId: string;
  state: string;
  attributes: Attributes;
}

const titleFromId = (entityId: string) =>
  entityId.slice(entityId.indexOf('.') + 1).split('_').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');

export interface LightOptions {
  name?: string;
  supportedColorModes?: ColorMode[];
  minKelvin?: number;
  maxKelvin?: number;
  supportsTransition?: boolean;
  /** `LightEntityFeature.FLASH`: the light can blink (light/const.py). */
  supportsFlash?: boolean;
  effects?: string[];
  on?: boolean;
  brightness?: number;
  colorTempKelvin?: number;
}

export function light(entityId: string, options: LightOptions = {}): EntitySeed {
  const supportedColorModes = options.supportedColorModes ?? ['color_temp'];
  const capabilities = {
    friendlyName: options.name ?? titleFromId(entityId),
    supportedColorModes,
    minKelvin: options.minKelvin ?? 2000,
    maxKelvin: options.maxKelvin ?? 6535,
    effectList: options.effects ?? null,
    supportedFeatures: (options.supportsTransition === false ? 0 : lightFeature.transition) | (options.effects ? lightFeature.effect : 0) | (options.supportsFlash ? lightFeature.flash : 0),
  };
  let output: LightOutput | null = null;
  if (options.on) {
    const mode = supportedColorModes.includes('color_temp') ? 'color_temp' : supportedColorModes[0]!;
    output = { colorMode: mode, brightness: options.brightness ?? 255, effect: null };
    if (mode === 'color_temp') output.colorTempKelvin = options.colorTempKelvin ?? 2700;
    if (mode === 'hs') output.hs = [30, 60];
    if (mode === 'xy') output.xy = [0.5, 0.4];
    if (mode === 'rgb') output.rgb = [255, 180, 110];
  }
  return { entityId, state: options.on ? 'on' : 'off', attributes: lightAttributes(capabilities, output) };
}

/** `MediaPlayerEntityFeature` bits of a typical networked speaker. */
export const mediaPlayerFeature = {
  pause: 1, volumeSet: 4, volumeMute: 8, turnOn: 128, turnOff: 256, playMedia: 512, volumeStep: 1024,
  selectSource: 2048, stop: 4096, play: 16384,
} as const;

export interface MediaPlayerOptions {
  name?: string;
  state?: 'off' | 'on' | 'idle' | 'playing' | 'paused';
  volumeLevel?: number;
  isVolumeMuted?: boolean;
  sourceList?: string[];
  source?: string;
}

/**
 * HA's `MediaPlayerEntity` attributes: capabilities always, playback attributes only while not
 * off, and only those that are not null.
 */
export function mediaPlayerAttributes(state: string, capabilities: Attributes, playback: Attributes): Attributes {
  const attributes: Attributes = {};
  if (capabilities.source_list) attributes.source_list = capabilities.source_list;
  if (state !== 'off') {
    for (const [key, value] of Object.entries(playback)) if (value !== null && value !== undefined) attributes[key] = value;
  }
  attributes.friendly_name = capabilities.friendly_name;
  attributes.supported_features = capabilities.supported_features;
  return attributes;
}

export function mediaPlayer(entityId: string, options: MediaPlayerOptions = {}): EntitySeed {
  const state = options.state ?? 'off';
  const capabilities: Attributes = {
    source_list: options.sourceList ?? null,
    friendly_name: options.name ?? titleFromId(entityId),
    supported_features: Object.values(mediaPlayerFeature).reduce((all, bit) => all | bit, 0) & (options.sourceList ? ~0 : ~mediaPlayerFeature.selectSource),
  };
  const playback: Attributes = { volume_level: options.volumeLevel ?? 0.3, is_volume_muted: options.isVolumeMuted ?? false, source: options.source ?? null };
  return { entityId, state, attributes: mediaPlayerAttributes(state, capabilities, playback) };
}

export function switchEntity(entityId: string, options: { name?: string; on?: boolean } = {}): EntitySeed {
  return { entityId, state: options.on ? 'on' : 'off', attributes: { friendly_name: options.name ?? titleFromId(entityId) } };
}

export function inputBoolean(entityId: string, options: { name?: string; on?: boolean; icon?: string } = {}): EntitySeed {
  const attributes: Attributes = { editable: true };
  if (options.icon) attributes.icon = options.icon;
  attributes.friendly_name = options.name ?? titleFromId(entityId);
  return { entityId, state: options.on ? 'on' : 'off', attributes };
}
