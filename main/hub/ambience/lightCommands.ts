/**
 * Turns what one light should do into what that light can do: `light.turn_on`/`turn_off` data for
 * the per-device strategy, or a state representation for `scene.apply`. Reads the light's
 * `supported_color_modes`, kelvin range and `supported_features` as Home Assistant reports them.
 */
import { clampBrightness } from './clampToRoom.ts';
import { kelvinNearestTo } from './colour.ts';
import { serviceCall, type EntityState, type ServiceCall } from './homeAssistantCalls.ts';
import type { LightSetting } from './presetSchema.ts';
import type { RoomLimits } from './roomDevices.ts';

/** `LightEntityFeature.TRANSITION`. */
const transitionFeature = 32;

/** The colour attributes a light reports and accepts, each belonging to one colour mode. */
const modeOfAttribute = {
  color_temp_kelvin: 'color_temp',
  hs_color: 'hs',
  xy_color: 'xy',
  rgb_color: 'rgb',
  rgbw_color: 'rgbw',
  rgbww_color: 'rgbww',
} as const;
type ColourAttribute = keyof typeof modeOfAttribute;
const colourModes = new Set(['hs', 'xy', 'rgb', 'rgbw', 'rgbww']);

/**
 * What one light should end up as: brightness in percent (absent for on/off-only lights) and at most
 * one colour attribute, so `light.turn_on` never gets two fields of one exclusive group.
 */
export type LightTarget = { on: false } | { on: true; brightnessPct?: number; colour?: { attribute: ColourAttribute; value: unknown } };

export interface LightCapabilities {
  /** False when Home Assistant has not told us the light's modes; then we send everything and let it filter. */
  known: boolean;
  dimmable: boolean;
  colourTemperature: boolean;
  colour: boolean;
  minKelvin?: number;
  maxKelvin?: number;
  transition: boolean;
}

export function lightCapabilities(state: EntityState | undefined): LightCapabilities {
  const modes = state?.attributes['supported_color_modes'];
  const features = state?.attributes['supported_features'];
  const transition = typeof features === 'number' ? (features & transitionFeature) !== 0 : true;
  if (!Array.isArray(modes)) return { known: false, dimmable: true, colourTemperature: true, colour: true, transition };
  const minKelvin = state?.attributes['min_color_temp_kelvin'];
  const maxKelvin = state?.attributes['max_color_temp_kelvin'];
  return {
    known: true,
    dimmable: modes.some((mode) => mode !== 'onoff' && mode !== 'unknown'),
    colourTemperature: modes.includes('color_temp'),
    colour: modes.some((mode) => colourModes.has(mode)),
    ...(typeof minKelvin === 'number' ? { minKelvin } : {}),
    ...(typeof maxKelvin === 'number' ? { maxKelvin } : {}),
    transition,
  };
}

const clampKelvin = (kelvin: number, capabilities: LightCapabilities) =>
  Math.round(Math.min(capabilities.maxKelvin ?? kelvin, Math.max(capabilities.minKelvin ?? kelvin, kelvin)));

/** A preset's light setting, within the room's limits and the light's abilities. */
export function lightTargetFromSetting(setting: LightSetting, capabilities: LightCapabilities, limits: RoomLimits): LightTarget {
  if (!setting.on) return { on: false };
  const brightnessPct = capabilities.dimmable ? clampBrightness(setting.brightness, limits) : undefined;
  return { on: true, ...(brightnessPct === undefined ? {} : { brightnessPct }), ...colourFor(setting, capabilities) };
}

function colourFor(setting: { kelvin?: number; colour?: [number, number, number] }, capabilities: LightCapabilities): Pick<Extract<LightTarget, { on: true }>, 'colour'> {
  if (setting.colour !== undefined) {
    if (capabilities.colour) return { colour: { attribute: 'rgb_color', value: setting.colour } };
    // A white-only light gets the white nearest the colour, so "warm amber" still reads as warm.
    if (capabilities.colourTemperature) return { colour: { attribute: 'color_temp_kelvin', value: clampKelvin(kelvinNearestTo(setting.colour), capabilities) } };
    return {};
  }
  if (setting.kelvin !== undefined) {
    // On a colour light without `color_temp` we still send `color_temp_kelvin`: Home Assistant
    // emulates it with its own conversion, which on RGBW/RGBWW lights uses the white channels and
    // gives a far better warm white than an RGB mix we could compute (reference §3.1).
    if (capabilities.colourTemperature) return { colour: { attribute: 'color_temp_kelvin', value: clampKelvin(setting.kelvin, capabilities) } };
    if (capabilities.colour) return { colour: { attribute: 'color_temp_kelvin', value: setting.kelvin } };
  }
  return {};
}

/**
 * What a light was, read back from its state, to restore it after a session: brightness and the
 * colour of the mode it was in. `null` when the state says nothing useful (`unavailable`).
 */
export function lightTargetFromState(state: EntityState | undefined, limits: RoomLimits): LightTarget | null {
  if (state?.state === 'off') return { on: false };
  if (state?.state !== 'on') return null;
  const brightness = state.attributes['brightness'];
  // Two decimals survive Home Assistant's round(255 * pct / 100) exactly.
  const brightnessPct = typeof brightness === 'number' ? clampBrightness(Math.round((brightness / 255) * 10_000) / 100, limits) : undefined;
  const mode = state.attributes['color_mode'];
  const attribute = (Object.keys(modeOfAttribute) as ColourAttribute[]).find((key) => modeOfAttribute[key] === mode);
  const value = attribute && state.attributes[attribute];
  return {
    on: true,
    ...(brightnessPct === undefined ? {} : { brightnessPct }),
    ...(attribute && value !== undefined && value !== null ? { colour: { attribute, value } } : {}),
  };
}

export function lightCall(entityId: string, target: LightTarget, capabilities: LightCapabilities, transitionSeconds: number): ServiceCall {
  // Home Assistant drops `transition` silently for lights without the feature; leaving it out keeps
  // the plan honest about what will happen.
  const transition = capabilities.transition ? { transition: transitionSeconds } : {};
  if (!target.on) return serviceCall(entityId, 'turn_off', transition);
  return serviceCall(entityId, 'turn_on', {
    ...(target.brightnessPct === undefined ? {} : { brightness_pct: target.brightnessPct }),
    ...(target.colour ? { [target.colour.attribute]: target.colour.value } : {}),
    ...transition,
  });
}

/**
 * The same target as a `scene.apply` state representation (state attribute names, §3.3).
 *
 * A colour temperature goes in both units. `light/reproduce_state.py` turns a state in colour mode
 * `color_temp` into a `light.turn_on` parameter through its COLOR_MODE_TO_ATTRIBUTE table, and
 * skips the light ("Color mode color_temp specified but attribute ... missing") when that table's
 * state attribute is absent. Up to Home Assistant 2024.12 the table reads `color_temp` (mireds);
 * home-assistant/core#132854 (2025.1) made it `color_temp_kelvin`. Each version reads its own and
 * ignores the other, so a colour-temperature light is set on both. Only the table's parameter is
 * passed to `light.turn_on` (service_data[color_mode_attr.parameter]); the mireds attribute is never
 * a service parameter on 2025.1 and later, so Home Assistant 2026.3 removing `color_temp` from
 * `light.turn_on` (developers.home-assistant.io blog 2026-02-23, remove-deprecate-light-features)
 * does not touch it; at most the extra attribute is compared in the "already there" check.
 */
export function lightSceneState(target: LightTarget): 'off' | Record<string, unknown> {
  if (!target.on) return 'off';
  const colour = target.colour;
  const mireds = colour?.attribute === 'color_temp_kelvin' && typeof colour.value === 'number' && colour.value > 0 ? { color_temp: Math.round(1_000_000 / colour.value) } : {};
  return {
    state: 'on',
    ...(target.brightnessPct === undefined ? {} : { brightness: Math.round((255 * target.brightnessPct) / 100) }),
    ...(colour ? { color_mode: modeOfAttribute[colour.attribute], [colour.attribute]: colour.value, ...mireds } : {}),
  };
}
