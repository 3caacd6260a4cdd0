/**
 * zigbee2mqtt lights over the hub's MQTT link: their live state from `<base>/<name>`, their
 * availability from `<base>/<name>/availability` and `<base>/bridge/state` (JSON in zigbee2mqtt 2.x,
 * the plain string in 1.x), what each light can do from `<base>/bridge/devices`, and the planner's
 * light calls sent to `<base>/<name>/set`. Every incoming payload is checked; a bad one is logged
 * with its reason and dropped, and the link carries on.
 */
import { z } from 'zod';
import type { EntityState, ServiceCall } from '../../ambience/homeAssistantCalls.ts';
import { silentLog, type Log } from '../../log.ts';
import { Listeners } from '../../listeners.ts';
import { jsonPayload } from '../mqtt/jsonPayload.ts';
import type { MqttLink, MqttMessage, PublishResult } from '../mqtt/mqttLink.ts';
import { assumedCapabilities, capabilitiesFromExposes, defaultMiredRange, maxZ2mBrightness, z2mSetCommand, type Z2mCapabilities, type Z2mLight } from './z2mCommands.ts';

/** zigbee2mqtt 2.x availability and bridge state. */
export const Z2mAvailability = z.looseObject({ state: z.enum(['online', 'offline']) });

/**
 * zigbee2mqtt 1.x publishes availability and bridge state as the bare string `online`/`offline`
 * unless `advanced.legacy_availability_payload: false` (its default is true in 1.x): lib/util/utils.ts
 * `availabilityPayload(state, settings)` returns `settings.advanced.legacy_availability_payload ?
 * state : JSON.stringify({state})`, used by lib/extension/availability.ts and lib/controller.ts.
 * 2.0 removed the setting and always sends the JSON form. Both are read here.
 */
function parseAvailability(message: MqttMessage): Parsed<'online' | 'offline'> {
  const text = message.payload.length <= 16 ? message.payload.toString('utf8').trim() : '';
  if (text === 'online' || text === 'offline') return { ok: true, value: text };
  const parsed = parsePayload(message, Z2mAvailability);
  return parsed.ok ? { ok: true, value: parsed.value.state } : parsed;
}

/** `<base>/bridge/devices`: a retained list of every device; only the fields read here are checked. */
const Z2mBridgeDevices = z.array(z.looseObject({
  ieee_address: z.string().max(100).optional(),
  friendly_name: z.string().max(500).optional(),
  definition: z.looseObject({ exposes: z.array(z.unknown()).optional() }).nullable().optional(),
}));

/** A large network's device list (hundreds of devices, each with its exposes) runs to megabytes. */
export const maxZ2mDevicesBytes = 8 * 1024 * 1024;

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

function parsePayload<T>(message: MqttMessage, schema: z.ZodType<T>, maxBytes = maxZ2mPayloadBytes): Parsed<T> {
  const json = jsonPayload(message.payload, maxBytes);
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
  /** From `bridge/devices`, by light id; absent until the list names the light. */
  const capabilities = new Map<string, Z2mCapabilities>();
  const changeListeners = new Listeners<[string | null]>();
  if (options.onChange) changeListeners.add(options.onChange);
  const changed = (lightId: string | null) => changeListeners.emit(lightId);
  const drop = (message: MqttMessage, reason: string) => log.warn('zigbee2mqtt message dropped', { topic: message.topic.slice(0, 200), reason });

  const unsubscribes = [
    link.subscribe(`${base}/bridge/state`, (message) => {
      const parsed = parseAvailability(message);
      if (!parsed.ok) return drop(message, parsed.reason);
      bridge = parsed.value === 'online';
      changed(null);
    }),
    // Retained by zigbee2mqtt and re-published when a device joins, leaves or is renamed
    // (lib/extension/bridge.ts publishDevices: friendly_name, ieee_address, definition.exposes).
    link.subscribe(`${base}/bridge/devices`, (message) => {
      const parsed = parsePayload(message, Z2mBridgeDevices, maxZ2mDevicesBytes);
      if (!parsed.ok) return drop(message, parsed.reason);
      for (const [lightId, light] of Object.entries(options.lights)) {
        const device = parsed.value.find((entry) => entry.friendly_name === light.friendlyName || entry.ieee_address === light.friendlyName);
        const found = capabilitiesFromExposes(device?.definition?.exposes);
        if (found) capabilities.set(lightId, found);
        else capabilities.delete(lightId);
        changed(lightId);
      }
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
        const parsed = parseAvailability(message);
        if (!parsed.ok) return drop(message, parsed.reason);
        states.set(lightId, { ...current(), available: parsed.value === 'online' });
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

  /** The light as configured, with the colour-temperature range its exposes give. */
  function lightWithRange(lightId: string): Z2mLight | undefined {
    const light = options.lights[lightId];
    const can = capabilities.get(lightId);
    if (!light || can?.minMireds === undefined || can.maxMireds === undefined) return light;
    return { ...light, minMireds: can.minMireds, maxMireds: can.maxMireds };
  }

  /** Home Assistant's words for the light's modes (homeassistant/components/light/__init__.py ColorMode), as its MQTT light would report them. */
  function supportedModes(can: Z2mCapabilities): string[] {
    const modes = [...(can.colourTemperature ? ['color_temp'] : []), ...(can.colour ? [can.colour] : [])];
    if (modes.length > 0) return modes;
    return [can.brightness ? 'brightness' : 'onoff'];
  }

  function entityState(lightId: string): EntityState | undefined {
    const light = lightWithRange(lightId);
    const state = states.get(lightId);
    if (!light || !state) return undefined;
    const can = capabilities.get(lightId) ?? assumedCapabilities;
    const minMireds = light.minMireds ?? defaultMiredRange.min;
    const maxMireds = light.maxMireds ?? defaultMiredRange.max;
    const attributes: Record<string, unknown> = {
      supported_color_modes: supportedModes(can),
      supported_features: 32,
      ...(can.colourTemperature ? { min_color_temp_kelvin: Math.round(1_000_000 / maxMireds), max_color_temp_kelvin: Math.round(1_000_000 / minMireds) } : {}),
    };
    if (!reachable(lightId) || state.on === null) return { state: reachable(lightId) ? 'unknown' : 'unavailable', attributes };
    if (state.on) {
      if (state.brightness !== undefined && can.brightness) attributes['brightness'] = Math.round((state.brightness / maxZ2mBrightness) * 255);
      if (!can.colourTemperature && !can.colour) {
        attributes['color_mode'] = can.brightness ? 'brightness' : 'onoff';
      } else if (can.colourTemperature && state.colorMode === 'color_temp' && state.colorTemp !== undefined) {
        attributes['color_mode'] = 'color_temp';
        attributes['color_temp_kelvin'] = Math.round(1_000_000 / state.colorTemp);
      } else if (can.colour && state.xy) {
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
      const light = lightWithRange(lightId);
      if (!light) return { ok: false, reason: 'rejected', message: `No zigbee2mqtt light is configured as ${lightId}.` };
      const command = z2mSetCommand(call, light, base, capabilities.get(lightId));
      if (!command.ok) return { ok: false, reason: 'rejected', message: command.message };
      return link.publish(command.topic, JSON.stringify(command.payload));
    },
    onChange: (listener) => changeListeners.add(listener),
    stop: () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    },
  };
}
