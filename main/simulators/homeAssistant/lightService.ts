/**
 * `light.turn_on`, `light.turn_off` and `light.toggle` as HA's light integration validates and
 * applies them: exclusive brightness and colour groups, `brightness_pct` range, clamped
 * `transition` and kelvin, parameters the light cannot honour filtered out without an error.
 */
import { z } from 'zod';
import type { Context } from './context.ts';
import {
  lightAttributes, lightCapabilities, lightFeature, lightOutput, supportsBrightness, supportsColorTemp,
  type ColorMode, type LightCapabilities, type LightOutput,
} from './lightAttributes.ts';
import { hsToRgb, kelvinToRgb, rgbFromColourName, rgbToHs, rgbToXy, xyToRgb, type Rgb } from './lightColour.ts';
import { entityService, type DeviceWorld, type ServiceDefinition } from './services.ts';
import type { EntityState } from './stateMachine.ts';
import { clamped, float, int, oneOf, ranged, str } from './voluptuous.ts';

const byte = () => ranged(int(), 0, 255);
const nonNegativeInt = () => int().pipe(z.number().min(0, { error: 'value must be at least 0' }));
const transition = () => clamped(float(), 0, 6553);

/** Group labels as in HA's light/__init__.py, since they appear in error texts. */
const exclusiveGroups = {
  brightness: ['brightness', 'brightness_pct', 'brightness_step', 'brightness_step_pct'],
  'Color descriptors': ['profile', 'color_name', 'color_temp', 'color_temp_kelvin', 'kelvin', 'hs_color', 'rgb_color', 'rgbw_color', 'rgbww_color', 'xy_color', 'white'],
} as const;

const turnOnFields = {
  transition: transition().optional(),
  brightness: clamped(int(), 0, 255).optional(),
  brightness_pct: ranged(float(), 0, 100).optional(),
  brightness_step: clamped(int(), -255, 255).optional(),
  brightness_step_pct: clamped(float(), -100, 100).optional(),
  profile: str().optional(),
  color_name: str().optional(),
  color_temp: int().pipe(z.number().min(1, { error: 'value must be at least 1' })).optional(),
  color_temp_kelvin: nonNegativeInt().optional(),
  kelvin: nonNegativeInt().optional(),
  hs_color: z.tuple([ranged(float(), 0, 360), ranged(float(), 0, 100)], { error: 'expected list' }).optional(),
  rgb_color: z.tuple([byte(), byte(), byte()], { error: 'expected list' }).optional(),
  rgbw_color: z.tuple([byte(), byte(), byte(), byte()], { error: 'expected list' }).optional(),
  rgbww_color: z.tuple([byte(), byte(), byte(), byte(), byte()], { error: 'expected list' }).optional(),
  xy_color: z.tuple([ranged(float(), 0, 1), ranged(float(), 0, 1)], { error: 'expected list' }).optional(),
  white: z.union([z.literal(true), byte()], { error: 'expected bool or int' }).optional(),
  flash: oneOf(['short', 'long']).optional(),
  effect: str().optional(),
};

export type TurnOnParameters = z.infer<z.ZodObject<typeof turnOnFields>>;

/** Colour modes a light prefers when it has to convert a colour, best first. */
const conversionPreference: ColorMode[] = ['hs', 'xy', 'rgb', 'rgbw', 'rgbww'];

function colourFromRgb(mode: ColorMode, rgb: Rgb): Partial<LightOutput> {
  switch (mode) {
    case 'hs': return { hs: rgbToHs(rgb) };
    case 'xy': return { xy: rgbToXy(rgb) };
    case 'rgbw': return { rgbw: [...rgb, 0] };
    case 'rgbww': return { rgbww: [...rgb, 0, 0] };
    default: return { rgb };
  }
}

/** The colour part of a turn_on, converted to a mode the light supports, or undefined to keep the current colour. */
function requestedColour(capabilities: LightCapabilities, parameters: TurnOnParameters): Partial<LightOutput> | undefined {
  const modes = capabilities.supportedColorModes;
  const colourMode = conversionPreference.find((mode) => modes.includes(mode));
  const asColour = (exact: ColorMode, exactValue: Partial<LightOutput>, rgb: () => Rgb) => {
    if (modes.includes(exact)) return { colorMode: exact, ...exactValue };
    return colourMode ? { colorMode: colourMode, ...colourFromRgb(colourMode, rgb()) } : undefined;
  };
  // Mireds become kelvin by util/color.py color_temperature_mired_to_kelvin: math.floor(1000000 / mireds).
  const kelvin = parameters.color_temp_kelvin ?? parameters.kelvin ?? (parameters.color_temp ? Math.floor(1_000_000 / parameters.color_temp) : undefined);
  if (kelvin !== undefined) {
    const inRange = Math.min(capabilities.maxKelvin, Math.max(capabilities.minKelvin, kelvin));
    if (supportsColorTemp(modes)) return { colorMode: 'color_temp', colorTempKelvin: inRange };
    return colourMode ? { colorMode: colourMode, ...colourFromRgb(colourMode, kelvinToRgb(kelvin)) } : undefined;
  }
  if (parameters.hs_color) return asColour('hs', { hs: parameters.hs_color }, () => hsToRgb(parameters.hs_color!));
  if (parameters.xy_color) return asColour('xy', { xy: parameters.xy_color }, () => xyToRgb(parameters.xy_color!));
  if (parameters.rgb_color) return asColour('rgb', { rgb: parameters.rgb_color }, () => parameters.rgb_color!);
  if (parameters.color_name) {
    const rgb = rgbFromColourName(parameters.color_name);
    return asColour('rgb', { rgb }, () => rgb);
  }
  if (parameters.rgbw_color) return asColour('rgbw', { rgbw: parameters.rgbw_color }, () => parameters.rgbw_color!.slice(0, 3) as Rgb);
  if (parameters.rgbww_color) return asColour('rgbww', { rgbww: parameters.rgbww_color }, () => parameters.rgbww_color!.slice(0, 3) as Rgb);
  if (parameters.white !== undefined && modes.includes('white')) return { colorMode: 'white' };
  return undefined;
}

function requestedBrightness(current: LightOutput | null, remembered: LightOutput, parameters: TurnOnParameters): number | null {
  if (parameters.brightness_pct !== undefined) return Math.round((255 * parameters.brightness_pct) / 100);
  if (parameters.brightness !== undefined) return parameters.brightness;
  if (typeof parameters.white === 'number') return parameters.white;
  const step = parameters.brightness_step ?? (parameters.brightness_step_pct !== undefined ? Math.round((255 * parameters.brightness_step_pct) / 100) : undefined);
  if (step !== undefined) return Math.min(255, Math.max(0, (current?.brightness ?? 0) + step));
  return remembered.brightness;
}

function defaultOutput(capabilities: LightCapabilities): LightOutput {
  const modes = capabilities.supportedColorModes;
  if (supportsColorTemp(modes)) return { colorMode: 'color_temp', brightness: 255, colorTempKelvin: Math.min(capabilities.maxKelvin, Math.max(capabilities.minKelvin, 2700)), effect: null };
  const colourMode = conversionPreference.find((mode) => modes.includes(mode));
  if (colourMode) return { colorMode: colourMode, brightness: 255, ...colourFromRgb(colourMode, [255, 255, 255]), effect: null };
  return { colorMode: supportsBrightness(modes) ? modes.find((mode) => mode !== 'onoff')! : 'onoff', brightness: 255, effect: null };
}

export function turnOffLight(world: DeviceWorld, entity: EntityState, context: Context): void {
  const current = lightOutput(entity.attributes);
  if (current && entity.state === 'on') world.memory.set(entity.entityId, current);
  world.states.set(entity.entityId, 'off', lightAttributes(lightCapabilities(entity.attributes), null), context);
}

/** Applies validated turn_on parameters to one light; a brightness of 0 turns it off, as in HA. */
export function turnOnLight(world: DeviceWorld, entity: EntityState, parameters: TurnOnParameters, context: Context): void {
  const capabilities = lightCapabilities(entity.attributes);
  const current = entity.state === 'on' ? lightOutput(entity.attributes) : null;
  const remembered = current ?? (world.memory.get(entity.entityId) as LightOutput | undefined) ?? defaultOutput(capabilities);
  const brightness = requestedBrightness(current, remembered, parameters);
  if (brightness === 0) return turnOffLight(world, entity, context);
  const colour = requestedColour(capabilities, parameters);
  const output: LightOutput = colour ? { brightness, effect: remembered.effect, ...colour } as LightOutput : { ...remembered, brightness };
  if (!supportsBrightness(capabilities.supportedColorModes)) output.brightness = null;
  if (parameters.effect !== undefined && capabilities.supportedFeatures & lightFeature.effect) {
    output.effect = parameters.effect === 'None' ? null : parameters.effect;
  }
  world.memory.set(entity.entityId, output);
  world.states.set(entity.entityId, 'on', lightAttributes(capabilities, output), context);
}

const parameters = (data: Record<string, unknown>) => data as TurnOnParameters;

const turnOnDescription = {
  name: 'Turn on',
  description: 'Turns on one or more lights and adjusts their properties, even when they are turned on already.',
  fields: {
    transition: { selector: { number: { min: 0, max: 300, unit_of_measurement: 'seconds' } } },
    brightness_pct: { selector: { number: { min: 0, max: 100, unit_of_measurement: '%' } } },
    brightness: { selector: { number: { min: 0, max: 255 } } },
    color_temp_kelvin: { selector: { color_temp: { unit: 'kelvin', min: 2000, max: 6500 } } },
    hs_color: { selector: { object: null } },
    rgb_color: { selector: { color_rgb: null } },
    xy_color: { selector: { object: null } },
    effect: { selector: { text: null } },
    flash: { selector: { select: { options: ['long', 'short'] } } },
  },
};

export function lightServices(): Record<string, ServiceDefinition> {
  const withExclusiveGroups = (definition: ServiceDefinition): ServiceDefinition => ({ ...definition, exclusiveGroups });
  return {
    turn_on: withExclusiveGroups(entityService('light', turnOnDescription, turnOnFields, (world, entity, data, context) => turnOnLight(world, entity, parameters(data), context))),
    turn_off: entityService(
      'light',
      { name: 'Turn off', description: 'Turns off one or more lights.', fields: { transition: turnOnDescription.fields.transition, flash: turnOnDescription.fields.flash } },
      { transition: transition().optional(), flash: oneOf(['short', 'long']).optional() },
      (world, entity, _data, context) => turnOffLight(world, entity, context),
    ),
    toggle: withExclusiveGroups(entityService('light', { ...turnOnDescription, name: 'Toggle', description: 'Toggles one or more lights, from on to off, or, off to on.' }, turnOnFields, (world, entity, data, context) =>
      entity.state === 'on' ? turnOffLight(world, entity, context) : turnOnLight(world, entity, parameters(data), context))),
  };
}
