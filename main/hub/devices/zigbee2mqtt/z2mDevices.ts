/**
 * zigbee2mqtt lights over the hub's MQTT link: their live state from `<base>/<name>`, their
 * availability from `<base>/<name>/availability` and `<base>/bridge/state` (JSON, zigbee2mqtt 2.x),
 * and the planner's light calls sent to `<base>/<name>/set`. Every incoming payload is checked;
 * a bad one is logged with its reason and dropped, and the link carries on.
 */
import { z } from 'zod';
import type { EntityState, ServiceCall } from '../../ambience/homeAssistantCalls.ts';
import { silentLog, type Log } from '../../log.ts';
import { Listeners } from '../../listeners.ts';
import { jsonPayload } from '../mqtt/jsonPayload.ts';
import type { MqttLink, MqttMessage, PublishResult } from '../mqtt/mqttLink.ts';
import { defaultMiredRange, maxZ2mBrightness, z2mSetCommand, type Z2mLight } from './z2mCommands.ts';

/** zigbee2mqtt 2.x availability and bridge state (the plain-string form was removed in 2.0). */
export const Z2mAvailability = z.looseObject({ state: z.enum(['online', 'offline']) });

/** The light fields of a device's state message; zigbee2mqtt adds others (linkquality, update…), which are kept out. */
export const Z2mLightState = z.looseObject({
  state: z.enum(['ON', 'OFF']).optional(),
  brightness: z.number().int().min(0).max(255).optional(),
  color_temp: z.number().int().min(50).max(1000).nullable().optional(),
  color_mode: z.string().max(20).optional(),
  color: z.looseObject({ x: z.number().min(0).max(1).optional(), y: z.number().min(0).max(1).optional() }).nullable().optional(),
});

export interface Z2mDeviceState {
  /** null until the device's availability is known (availability may be disabled in zigbee2mqtt). */
  available: boolean | null;
  on: boolean | null;
  /** 0–254 as zigbee2mqtt reports it. */
  brightness?: number;
  /** Mireds. */
  colorTemp?: number;
  colorMode?: string;
  xy?: [number, number];
}

export interface Zigbee2mqttOptions {
  baseTopic?: string;
  /** The lights Stillroom drives, by the id the room configuration uses for them. */
  lights: Readonly<Record<string, Z2mLight>>;
  log?: Log;
  /** Called after a light's state or availability (or the bridge's) changes. */
  onChange?: (lightId: string | null) => void;
}

export interface Zigbee2mqtt {
  bridgeOnline(): boolean | null;
  state(lightId: string): Z2mDeviceState | undefined;
  /** The bridge is online and the device is not known to be offline. */
  reachable(lightId: string): boolean;
  /** The light as the planner reads Home Assistant entities, so one planner serves both. */
  entityState(lightId: string): EntityState | undefined;
  /** Sends one planner call to one light; resolves on the broker's PUBACK. */
  send(lightId: string, call: ServiceCall): Promise<PublishResult>;
  /** A light's state or availability changed (null: the bridge's). */
  onChange(listener: (lightId: string | null) => void): () => void;
  stop(): void;
}

/** zigbee2mqtt's device messages are a few hundred bytes; anything this big is not one. */
export const maxZ2mPayloadBytes = 64 * 1024;

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

function parsePayload<T>(message: MqttMessage, schema: z.ZodType<T>): Parsed<T> {
  const json = jsonPayload(message.payload, maxZ2mPayloadBytes);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  // The path (the schema's keys) and the code, never zod's message, which can quote the sender's keys.
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: `unexpected payload: ${parsed.error.issues[0]?.path.join('.') || 'root'} ${parsed.error.issues[0]?.code ?? ''}`.slice(0, 200) };
}

export function watchZigbee2mqtt(link: Pick<MqttLink, 'subscribe' | 'publish' | 'onConnected' | 'status'>, options: Zigbee2mqttOptions): Zigbee2mqtt {
  const base = options.baseTopic ?? 'zigbee2mqtt';
  const log = options.log ?? silentLog;
  const states = new Map<string, Z2mDeviceState>(Object.keys(options.lights).map((id) => [id, { available: null, on: null }]));
  let bridge: boolean | null = null;
  const changeListeners = new Listeners<[string | null]>();
  if (options.onChange) changeListeners.add(options.onChange);
  const changed = (lightId: string | null) => changeListeners.emit(lightId);
  const drop = (message: MqttMessage, reason: string) => log.warn('zigbee2mqtt message dropped', { topic: message.topic.slice(0, 200), reason });

  const unsubscribes = [
    link.subscribe(`${base}/bridge/state`, (message) => {
      const parsed = parsePayload(message, Z2mAvailability);
      if (!parsed.ok) return drop(message, parsed.reason);
      bridge = parsed.value.state === 'online';
      changed(null);
    }),
  ];

  for (const [lightId, light] of Object.entries(options.lights)) {
    const current = () => states.get(lightId)!;
    unsubscribes.push(
      link.subscribe(`${base}/${light.friendlyName}`, (message) => {
        // An empty retained payload is zigbee2mqtt clearing a removed device's state.
        if (message.payload.length === 0) {
          states.set(lightId, { available: current().available, on: null });
          return changed(lightId);
        }
        const parsed = parsePayload(message, Z2mLightState);
        if (!parsed.ok) return drop(message, parsed.reason);
        const { state, brightness, color_temp: colorTemp, color_mode: colorMode, color } = parsed.value;
        const next: Z2mDeviceState = { ...current() };
        if (state !== undefined) next.on = state === 'ON';
        if (brightness !== undefined) next.brightness = Math.min(brightness, maxZ2mBrightness);
        if (typeof colorTemp === 'number') next.colorTemp = colorTemp;
        if (colorMode !== undefined) next.colorMode = colorMode;
        if (typeof color?.x === 'number' && typeof color.y === 'number') next.xy = [color.x, color.y];
        states.set(lightId, next);
        changed(lightId);
      }),
      link.subscribe(`${base}/${light.friendlyName}/availability`, (message) => {
        const parsed = parsePayload(message, Z2mAvailability);
        if (!parsed.ok) return drop(message, parsed.reason);
        states.set(lightId, { ...current(), available: parsed.value.state === 'online' });
        changed(lightId);
      }),
    );
  }

  // zigbee2mqtt does not retain device state by default: ask each light for it, now and after every
  // reconnect (the subscriptions above are sent first, so the answer finds them in place).
  const refresh = () => {
    for (const light of Object.values(options.lights)) void link.publish(`${base}/${light.friendlyName}/get`, '{"state":""}');
  };
  unsubscribes.push(link.onConnected(refresh));
  if (link.status().state === 'connected') refresh();

  function reachable(lightId: string): boolean {
    return bridge === true && states.get(lightId)?.available !== false;
  }

  function entityState(lightId: string): EntityState | undefined {
    const light = options.lights[lightId];
    const state = states.get(lightId);
    if (!light || !state) return undefined;
    const minMireds = light.minMireds ?? defaultMiredRange.min;
    const maxMireds = light.maxMireds ?? defaultMiredRange.max;
    const attributes: Record<string, unknown> = {
      supported_color_modes: ['color_temp', 'xy'],
      supported_features: 32,
      min_color_temp_kelvin: Math.round(1_000_000 / maxMireds),
      max_color_temp_kelvin: Math.round(1_000_000 / minMireds),
    };
    if (!reachable(lightId) || state.on === null) return { state: reachable(lightId) ? 'unknown' : 'unavailable', attributes };
    if (state.on) {
      if (state.brightness !== undefined) attributes['brightness'] = Math.round((state.brightness / maxZ2mBrightness) * 255);
      if (state.colorMode === 'color_temp' && state.colorTemp !== undefined) {
        attributes['color_mode'] = 'color_temp';
        attributes['color_temp_kelvin'] = Math.round(1_000_000 / state.colorTemp);
      } else if (state.xy) {
        attributes['color_mode'] = 'xy';
        attributes['xy_color'] = state.xy;
      }
    }
    return { state: state.on ? 'on' : 'off', attributes };
  }

  return {
    bridgeOnline: () => bridge,
    state: (lightId) => states.get(lightId),
    reachable,
    entityState,
    send: async (lightId, call) => {
      const light = options.lights[lightId];
      if (!light) return { ok: false, reason: 'rejected', message: `No zigbee2mqtt light is configured as ${lightId}.` };
      const command = z2mSetCommand(call, light, base);
      if (!command.ok) return { ok: false, reason: 'rejected', message: command.message };
      return link.publish(command.topic, JSON.stringify(command.payload));
    },
    onChange: (listener) => changeListeners.add(listener),
    stop: () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    },
  };
}
