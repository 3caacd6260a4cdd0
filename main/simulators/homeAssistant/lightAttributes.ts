/**
 * A light's state attributes as HA's `LightEntity` computes them (§3.2 of the reference):
 * capability attributes always, state attributes with `null` values when the light is off.
 */
import { hsToRgb, kelvinToRgb, rgbToHs, rgbToXy, xyToRgb, type Hs, type Rgb, type Xy } from './lightColour.ts';
import type { Attributes } from './stateMachine.ts';

export const colorModes = ['onoff', 'brightness', 'color_temp', 'hs', 'xy', 'rgb', 'rgbw', 'rgbww', 'white'] as const;
export type ColorMode = (typeof colorModes)[number];
export const colourModes: readonly ColorMode[] = ['hs', 'xy', 'rgb', 'rgbw', 'rgbww'];

export const lightFeature = { effect: 4, flash: 8, transition: 32 } as const;

export interface LightCapabilities {
  friendlyName: string;
  supportedColorModes: ColorMode[];
  minKelvin: number;
  maxKelvin: number;
  effectList: string[] | null;
  supportedFeatures: number;
}

/** What a light that is on is showing, in its current colour mode. */
export interface LightOutput {
  colorMode: ColorMode;
  brightness: number | null;
  colorTempKelvin?: number;
  hs?: Hs;
  xy?: Xy;
  rgb?: Rgb;
  rgbw?: [number, number, number, number];
  rgbww?: [number, number, number, number, number];
  effect: string | null;
}

export const supportsBrightness = (modes: readonly ColorMode[]) => modes.some((mode) => mode !== 'onoff');
export const supportsColorTemp = (modes: readonly ColorMode[]) => modes.includes('color_temp');
export const supportsColour = (modes: readonly ColorMode[]) => modes.some((mode) => colourModes.includes(mode));

const mireds = (kelvin: number) => Math.round(1_000_000 / kelvin);

/** Reads a light's capabilities back from its attributes, which keep them even when it is off or unavailable. */
export function lightCapabilities(attributes: Attributes): LightCapabilities {
  return {
    friendlyName: String(attributes.friendly_name ?? ''),
    supportedColorModes: (attributes.supported_color_modes as ColorMode[] | undefined) ?? ['onoff'],
    minKelvin: Number(attributes.min_color_temp_kelvin ?? 2000),
    maxKelvin: Number(attributes.max_color_temp_kelvin ?? 6535),
    effectList: (attributes.effect_list as string[] | undefined) ?? null,
    supportedFeatures: Number(attributes.supported_features ?? 0),
  };
}

/** Reads what a light that is on shows back from its attributes. */
export function lightOutput(attributes: Attributes): LightOutput | null {
  const colorMode = attributes.color_mode as ColorMode | null | undefined;
  if (!colorMode) return null;
  return {
    colorMode,
    brightness: (attributes.brightness as number | null | undefined) ?? null,
    colorTempKelvin: (attributes.color_temp_kelvin as number | null | undefined) ?? undefined,
    hs: (attributes.hs_color as Hs | null | undefined) ?? undefined,
    xy: (attributes.xy_color as Xy | null | undefined) ?? undefined,
    rgb: (attributes.rgb_color as Rgb | null | undefined) ?? undefined,
    rgbw: (attributes.rgbw_color as LightOutput['rgbw'] | null | undefined) ?? undefined,
    rgbww: (attributes.rgbww_color as LightOutput['rgbww'] | null | undefined) ?? undefined,
    effect: (attributes.effect as string | null | undefined) ?? null,
  };
}

function rgbOf(output: LightOutput): Rgb | undefined {
  switch (output.colorMode) {
    case 'color_temp': return output.colorTempKelvin === undefined ? undefined : kelvinToRgb(output.colorTempKelvin);
    case 'hs': return output.hs && hsToRgb(output.hs);
    case 'xy': return output.xy && xyToRgb(output.xy);
    case 'rgb': return output.rgb;
    case 'rgbw': return output.rgbw && [output.rgbw[0], output.rgbw[1], output.rgbw[2]];
    case 'rgbww': return output.rgbww && [output.rgbww[0], output.rgbww[1], output.rgbww[2]];
    default: return undefined;
  }
}

export function capabilityAttributes(capabilities: LightCapabilities): Attributes {
  const attributes: Attributes = {};
  const modes = capabilities.supportedColorModes;
  if (supportsColorTemp(modes)) {
    attributes.min_color_temp_kelvin = capabilities.minKelvin;
    attributes.max_color_temp_kelvin = capabilities.maxKelvin;
    attributes.min_mireds = mireds(capabilities.maxKelvin);
    attributes.max_mireds = mireds(capabilities.minKelvin);
  }
  if (capabilities.supportedFeatures & lightFeature.effect) attributes.effect_list = capabilities.effectList ?? [];
  attributes.supported_color_modes = [...modes].sort();
  return attributes;
}

/** The full attribute set; `output` is null when the light is off. */
export function lightAttributes(capabilities: LightCapabilities, output: LightOutput | null): Attributes {
  const attributes = capabilityAttributes(capabilities);
  const modes = capabilities.supportedColorModes;
  if (capabilities.supportedFeatures & lightFeature.effect) attributes.effect = output?.effect ?? null;
  attributes.color_mode = output?.colorMode ?? null;
  if (supportsBrightness(modes)) attributes.brightness = output && output.colorMode !== 'onoff' ? output.brightness : null;
  if (supportsColorTemp(modes)) {
    const kelvin = output?.colorMode === 'color_temp' ? output.colorTempKelvin ?? null : null;
    attributes.color_temp_kelvin = kelvin;
    attributes.color_temp = kelvin === null ? null : mireds(kelvin);
  }
  if (supportsColour(modes) || supportsColorTemp(modes)) {
    const rgb = output ? rgbOf(output) : undefined;
    attributes.hs_color = output?.colorMode === 'hs' ? output.hs ?? null : rgb ? rgbToHs(rgb) : null;
    attributes.rgb_color = rgb ?? null;
    attributes.xy_color = output?.colorMode === 'xy' ? output.xy ?? null : rgb ? rgbToXy(rgb) : null;
    if (modes.includes('rgbw')) attributes.rgbw_color = output?.colorMode === 'rgbw' ? output.rgbw ?? null : null;
    if (modes.includes('rgbww')) attributes.rgbww_color = output?.colorMode === 'rgbww' ? output.rgbww ?? null : null;
  }
  attributes.friendly_name = capabilities.friendlyName;
  attributes.supported_features = capabilities.supportedFeatures;
  return attributes;
}
