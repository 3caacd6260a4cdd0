/**
 * `scene.apply`: entities described as desired states (state string plus state attributes),
 * reproduced per domain the way each integration's `reproduce_state` does it.
 */
import { z } from 'zod';
import type { Context } from './context.ts';
import { turnOffLight, turnOnLight, type TurnOnParameters } from './lightService.ts';
import { writeMediaPlayer } from './mediaPlayerService.ts';
import type { DeviceWorld, ServiceDefinition } from './services.ts';
import { domainOf, type Attributes, type EntityState } from './stateMachine.ts';
import { clamped, dict, float } from './voluptuous.ts';

interface DesiredState {
  state: string;
  attributes: Attributes;
}

/** `scene._convert_states`: `"on"` or `{state, ...attributes}`; YAML booleans become on/off, other non-strings are refused. */
const desiredStates = dict().transform((entities, refinement) => {
  const converted: Record<string, DesiredState> = {};
  for (const [entityId, info] of Object.entries(entities)) {
    const { state, ...attributes } = info !== null && typeof info === 'object' ? (info as Attributes) : { state: info };
    const asString = typeof state === 'boolean' ? (state ? 'on' : 'off') : state;
    if (typeof asString !== 'string') {
      refinement.addIssue({ code: 'custom', message: `State for ${entityId} should be a string`, input: entities });
      return z.NEVER;
    }
    converted[entityId] = { state: asString, attributes };
  }
  return converted;
});

/**
 * Light attributes that `light.reproduce_state` turns back into turn_on parameters, per colour mode
 * (homeassistant/components/light/reproduce_state.py COLOR_MODE_TO_ATTRIBUTE). Up to 2024.12 the
 * colour-temperature mode reads the `color_temp` state attribute (mireds) into the `color_temp`
 * parameter; home-assistant/core#132854 (2025.1) changed it to `color_temp_kelvin`.
 */
const colourAttributeByMode: Record<string, keyof TurnOnParameters> = {
  color_temp: 'color_temp_kelvin', hs: 'hs_color', xy: 'xy_color', rgb: 'rgb_color', rgbw: 'rgbw_color', rgbww: 'rgbww_color',
};

/** `2024.12.3`, `2025.1.0b2` as [year, month]; an unreadable version counts as the newest. */
export function releaseOf(haVersion: string): [number, number] {
  const match = /^(\d{4})\.(\d{1,2})/.exec(haVersion);
  return match ? [Number(match[1]), Number(match[2])] : [9999, 12];
}

/** Whether this Home Assistant's reproduce_state reads colour temperature in kelvin (2025.1 and later). */
export const reproducesKelvin = (haVersion: string) => {
  const [year, month] = releaseOf(haVersion);
  return year > 2025 || (year === 2025 && month >= 1);
};

function reproduceLight(world: DeviceWorld, entity: EntityState, desired: DesiredState, transition: number | undefined, context: Context, haVersion: string): void {
  if (desired.state === 'off') return turnOffLight(world, entity, context);
  if (desired.state !== 'on') return;
  const parameters: Record<string, unknown> = {};
  if (transition !== undefined) parameters.transition = transition;
  if (typeof desired.attributes.brightness === 'number') parameters.brightness = desired.attributes.brightness;
  if (typeof desired.attributes.effect === 'string') parameters.effect = desired.attributes.effect;
  const mode = desired.attributes.color_mode;
  const byMode = reproducesKelvin(haVersion) ? colourAttributeByMode : { ...colourAttributeByMode, color_temp: 'color_temp' as const };
  if (typeof mode === 'string' && mode !== 'unknown' && byMode[mode]) {
    const key = byMode[mode];
    // "Color mode %s specified but attribute %s missing for: %s": the light is left as it is.
    if (!(key in desired.attributes)) return;
    parameters[key] = desired.attributes[key];
  } else {
    const colourKey = Object.values(byMode).find((key) => desired.attributes[key] != null);
    if (colourKey) parameters[colourKey] = desired.attributes[colourKey];
  }
  turnOnLight(world, entity, parameters as TurnOnParameters, context);
}

const mediaPlayerStates = new Set(['on', 'off', 'idle', 'playing', 'paused', 'standby', 'buffering']);
const reproducedPlayerAttributes = ['volume_level', 'is_volume_muted', 'source', 'media_content_id', 'media_content_type'];

function reproduceMediaPlayer(world: DeviceWorld, entity: EntityState, desired: DesiredState, context: Context): void {
  if (!mediaPlayerStates.has(desired.state)) return;
  const changes = Object.fromEntries(reproducedPlayerAttributes.filter((key) => key in desired.attributes).map((key) => [key, desired.attributes[key]]));
  const state = desired.state === 'on' ? (entity.state === 'off' ? 'idle' : entity.state) : desired.state;
  writeMediaPlayer(world, entity, state, changes, context);
}

function reproduce(world: DeviceWorld, entity: EntityState, desired: DesiredState, transition: number | undefined, context: Context, haVersion: string): void {
  switch (domainOf(entity.entityId)) {
    case 'light': return reproduceLight(world, entity, desired, transition, context, haVersion);
    case 'media_player': return reproduceMediaPlayer(world, entity, desired, context);
    case 'switch':
    case 'input_boolean':
      if (desired.state === 'on' || desired.state === 'off') world.states.set(entity.entityId, desired.state, entity.attributes, context);
      return;
    default:
      return;
  }
}

export function sceneServices(haVersion = '2025.1.0'): Record<string, ServiceDefinition> {
  return {
    apply: {
      description: {
        name: 'Apply',
        description: 'Activates a scene with configuration.',
        fields: { entities: { required: true, selector: { object: null } }, transition: { selector: { number: { min: 0, max: 300, unit_of_measurement: 'seconds' } } } },
      },
      schema: z.strictObject({ entities: desiredStates, transition: clamped(float(), 0, 6553).optional() }) as unknown as ServiceDefinition['schema'],
      run(world, data, context) {
        const { entities, transition } = data as { entities: Record<string, DesiredState>; transition?: number };
        const targets = Object.entries(entities).flatMap(([entityId, desired]) => {
          const entity = world.states.get(entityId);
          // Each light's reproduce_state calls light.turn_on, whose entity_service_call skips an
          // unavailable entity (homeassistant/helpers/service.py): the scene still "succeeds".
          return entity && entity.state !== 'unavailable' ? [{ entity, desired }] : [];
        });
        for (const { entity, desired } of targets) reproduce(world, entity, desired, transition, context, haVersion);
        return undefined;
      },
    },
  };
}
