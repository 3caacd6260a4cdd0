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

function colourFields(data: Record<string, unknown>, light: Z2mLight): Pick<Z2mSetPayload, 'color_temp' | 'color'> {
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
export function z2mSetCommand(call: ServiceCall, light: Z2mLight, baseTopic = 'zigbee2mqtt'): Z2mCommand {
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
  const brightness = isNumber(percent)
    ? { brightness: brightnessFromPercent(percent) }
    : isNumber(raw) ? { brightness: clamp(Math.round(raw), 1, maxZ2mBrightness) } : {};
  return { ok: true, topic, payload: { state: 'ON', ...brightness, ...colourFields(data, light), ...transition } };
}
