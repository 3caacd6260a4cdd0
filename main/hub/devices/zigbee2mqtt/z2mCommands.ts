/**
 * The planner's light steps (Home Assistant `light.turn_on`/`turn_off` calls) in zigbee2mqtt's words
 * and units: a JSON payload for `<base>/<friendly name>/set`. Pure.
 *
 * Units (zigbee2mqtt 2.x): `brightness` 0–254, `color_temp` in mireds within the device's range,
 * `color` as `{r,g,b}` (zigbee2mqtt converts it to xy), `{x,y}` or `{hue,saturation}`, and
 * `transition` in seconds.
 */
import type { ServiceCall } from '../../ambience/homeAssistantCalls.ts';

export interface Z2mLight {
  /** zigbee2mqtt's friendly name (may contain `/`), or the IEEE address. */
  friendlyName: string;
  /** The device's colour temperature range in mireds, as its "Exposes" says; 150–500 when unknown. */
  minMireds?: number;
  maxMireds?: number;
}

/**
 * What a light can do, read from its `light` expose in `<base>/bridge/devices` (`definition.exposes`).
 * The feature names are zigbee2mqtt's own: `brightness`, `color_temp` (mireds, `value_min`/`value_max`),
 * `color_xy` and `color_hs` (both set through the `color` property); see Koenkk/zigbee2mqtt
 * lib/extension/groups.ts STATE_PROPERTIES, which decides from the same features which keys a light takes.
 */
export interface Z2mCapabilities {
  brightness: boolean;
  colourTemperature: boolean;
  /** How the light takes a colour, or null for a white-only or plain light. */
  colour: 'xy' | 'hs' | null;
  minMireds?: number;
  maxMireds?: number;
}

/** Everything a light can be sent, for a light whose exposes are not known (yet). */
export const assumedCapabilities: Z2mCapabilities = { brightness: true, colourTemperature: true, colour: 'xy' };

const record = (value: unknown): Record<string, unknown> | null => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

/** A light's capabilities from its exposes list, or null if it exposes no light. Never throws on odd input. */
export function capabilitiesFromExposes(exposes: unknown): Z2mCapabilities | null {
  if (!Array.isArray(exposes)) return null;
  const light = exposes.map(record).find((expose) => expose?.['type'] === 'light');
  const features = Array.isArray(light?.['features']) ? light['features'].map(record).filter((feature) => feature !== null) : null;
  if (!features) return null;
  const named = (name: string) => features.find((feature) => feature['name'] === name);
  const temperature = named('color_temp');
  const min = temperature?.['value_min'];
  const max = temperature?.['value_max'];
  const range = isNumber(min) && isNumber(max) && min > 0 && max > min ? { minMireds: min, maxMireds: max } : {};
  return {
    brightness: named('brightness') !== undefined,
    colourTemperature: temperature !== undefined,
    colour: named('color_xy') ? 'xy' : named('color_hs') ? 'hs' : null,
    ...range,
  };
}

export type Z2mColour = { r: number; g: number; b: number } | { x: number; y: number } | { hue: number; saturation: number };

export interface Z2mSetPayload {
  state: 'ON' | 'OFF';
  brightness?: number;
  color_temp?: number;
  color?: Z2mColour;
  transition?: number;
}

export type Z2mCommand = { ok: true; topic: string; payload: Z2mSetPayload } | { ok: false; message: string };

export const defaultMiredRange = { min: 150, max: 500 } as const;
export const maxZ2mBrightness = 254;

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isPair = (value: unknown): value is [number, number] => Array.isArray(value) && value.length === 2 && value.every(isNumber);
const isTriple = (value: unknown): value is [number, number, number] => Array.isArray(value) && value.length === 3 && value.every(isNumber);

export const setTopic = (baseTopic: string, light: Z2mLight) => `${baseTopic}/${light.friendlyName}/set`;

/** Percent (0–100) to zigbee2mqtt's 1–254; a light that is on is never sent 0, which would mean off. */
export const brightnessFromPercent = (percent: number) => clamp(Math.round((percent / 100) * maxZ2mBrightness), 1, maxZ2mBrightness);

/** Kelvin to mireds, clamped to what the device can do. */
export function miredsFromKelvin(kelvin: number, light: Z2mLight): number {
  return clamp(Math.round(1_000_000 / kelvin), light.minMireds ?? defaultMiredRange.min, light.maxMireds ?? defaultMiredRange.max);
}

/**
 * The CIE 1931 xy of a black body at `kelvin` (Kim et al.'s cubic fit of the Planckian locus,
 * 1667–25000 K), for a colour light that has no colour-temperature channel: zigbee2mqtt has no
 * converter for `color_temp` on such a light and would drop the key.
 */
export function xyFromKelvin(kelvin: number): { x: number; y: number } {
  const t = clamp(kelvin, 1667, 25_000);
  const x = t <= 4000
    ? -0.2661239e9 / t ** 3 - 0.2343589e6 / t ** 2 + 0.8776956e3 / t + 0.17991
    : -3.0258469e9 / t ** 3 + 2.1070379e6 / t ** 2 + 0.2226347e3 / t + 0.24039;
  const y = t <= 2222
    ? -1.1063814 * x ** 3 - 1.3481102 * x ** 2 + 2.18555832 * x - 0.20219683
    : t <= 4000
      ? -0.9549476 * x ** 3 - 1.37418593 * x ** 2 + 2.09137015 * x - 0.16748867
      : 3.081758 * x ** 3 - 5.8733867 * x ** 2 + 3.75112997 * x - 0.37001483;
  return { x: Math.round(x * 10_000) / 10_000, y: Math.round(y * 10_000) / 10_000 };
}

/** Colour fields for what the light can take; a field it has no converter for is not sent (zigbee2mqtt would log an error and drop it). */
function colourFields(data: Record<string, unknown>, light: Z2mLight, can: Z2mCapabilities): Pick<Z2mSetPayload, 'color_temp' | 'color'> {
  const fields = wantedColour(data, light);
  if (fields.color_temp !== undefined && !can.colourTemperature) {
    const kelvin = data['color_temp_kelvin'];
    return can.colour && isNumber(kelvin) ? { color: xyFromKelvin(kelvin) } : {};
  }
  if (fields.color !== undefined && !can.colour) return {};
  return fields;
}

function wantedColour(data: Record<string, unknown>, light: Z2mLight): Pick<Z2mSetPayload, 'color_temp' | 'color'> {
  const kelvin = data['color_temp_kelvin'];
  if (isNumber(kelvin) && kelvin > 0) return { color_temp: miredsFromKelvin(kelvin, light) };
  const rgb = data['rgb_color'];
  if (isTriple(rgb)) return { color: { r: clamp(Math.round(rgb[0]), 0, 255), g: clamp(Math.round(rgb[1]), 0, 255), b: clamp(Math.round(rgb[2]), 0, 255) } };
  const xy = data['xy_color'];
  if (isPair(xy)) return { color: { x: clamp(xy[0], 0, 1), y: clamp(xy[1], 0, 1) } };
  const hs = data['hs_color'];
  if (isPair(hs)) return { color: { hue: clamp(hs[0], 0, 360), saturation: clamp(hs[1], 0, 100) } };
  return {};
}

/** One planner call for one zigbee2mqtt light. Calls for anything but `light.turn_on`/`turn_off` are refused. */
export function z2mSetCommand(call: ServiceCall, light: Z2mLight, baseTopic = 'zigbee2mqtt', can: Z2mCapabilities = assumedCapabilities): Z2mCommand {
  if (call.domain !== 'light' || (call.service !== 'turn_on' && call.service !== 'turn_off')) {
    return { ok: false, message: `${call.domain}.${call.service} has no zigbee2mqtt equivalent; only lights are driven over zigbee2mqtt.` };
  }
  const data = call.serviceData;
  const transition = isNumber(data['transition']) && data['transition'] >= 0 ? { transition: data['transition'] } : {};
  const topic = setTopic(baseTopic, light);
  if (call.service === 'turn_off') return { ok: true, topic, payload: { state: 'OFF', ...transition } };

  const percent = data['brightness_pct'];
  const raw = data['brightness'];
  if (isNumber(percent) && percent <= 0) return { ok: true, topic, payload: { state: 'OFF', ...transition } };
  const brightness = !can.brightness ? {} : isNumber(percent)
    ? { brightness: brightnessFromPercent(percent) }
    : isNumber(raw) ? { brightness: clamp(Math.round(raw), 1, maxZ2mBrightness) } : {};
  return { ok: true, topic, payload: { state: 'ON', ...brightness, ...colourFields(data, light, can), ...transition } };
}
