/**
 * A simulated zigbee2mqtt with a few lights, on a real broker, for tests and the demo office. It
 * speaks as zigbee2mqtt 2.x does: `bridge/state` `{"state":"online"}` retained with an
 * `{"state":"offline"}` last will, retained JSON availability per device, and on
 * `<base>/<name>/set` it applies the command the way the converters do (brightness 255 → 254, other
 * values outside 0–254 refused, `color_temp` clamped to the device's range, RGB turned into xy) and
 * echoes the new state on `<base>/<name>`; `<base>/<name>/get` publishes the state. Transitions are
 * applied at once.
 *
 * `version: 1` speaks as zigbee2mqtt 1.x with its default `legacy_availability_payload: true`: bare
 * `online`/`offline` strings (Koenkk/zigbee2mqtt 1.x lib/util/utils.ts availabilityPayload). Each
 * light has a `kind` and the retained `<base>/bridge/devices` list gives its `light` expose with the
 * features zigbee-herdsman-converters gives that kind (state, brightness, color_temp with its mired
 * range, color_xy); a `/set` key the light has no converter for is skipped with the error
 * zigbee2mqtt logs (lib/extension/publish.ts: "No converter available for '<key>' on '<name>': (<value>)").
 */
import mqtt, { type MqttClient } from 'mqtt';
import { rgbToXy } from '../homeAssistant/lightColour.ts';

/** colour: colour temperature and xy; colour-only: xy, no white channel; colour-temp: white only; dimmable: brightness only; onoff: a relay. */
export type SimulatedLightKind = 'colour' | 'colour-only' | 'colour-temp' | 'dimmable' | 'onoff';

export interface SimulatedLightSeed {
  name: string;
  /** Default `colour`. */
  kind?: SimulatedLightKind;
  minMireds?: number;
  maxMireds?: number;
  on?: boolean;
}

export interface SimulatedLightState {
  state: 'ON' | 'OFF';
  brightness: number;
  color_temp: number;
  color_mode: 'color_temp' | 'xy';
  color: { x: number; y: number };
  linkquality: number;
}

export interface Zigbee2mqttSimulator {
  state(name: string): SimulatedLightState | undefined;
  /** Every `/set` payload received, as text, in order. */
  readonly commands: readonly { name: string; payload: string }[];
  /** Errors the simulated bridge logged (also published on `<base>/bridge/logging`). */
  readonly errors: readonly string[];
  setAvailability(name: string, online: boolean): Promise<void>;
  /** Drops the connection without a goodbye: the broker publishes the bridge's last will. */
  crash(): Promise<void>;
  close(): Promise<void>;
}

/** The colour-temperature range zigbee-herdsman-converters gives a light that reports none (150-500 mireds). */
const defaultMiredRange = { min: 150, max: 500 } as const;

const colourTempPresets: Record<string, (min: number, max: number) => number> = {
  coolest: (min) => min,
  cool: () => 250,
  neutral: () => 370,
  warm: () => 454,
  warmest: (_min, max) => max,
};

const kindFeatures: Record<SimulatedLightKind, readonly ('brightness' | 'color_temp' | 'color_xy')[]> = {
  colour: ['brightness', 'color_temp', 'color_xy'],
  'colour-only': ['brightness', 'color_xy'],
  'colour-temp': ['brightness', 'color_temp'],
  dimmable: ['brightness'],
  onoff: [],
};

/** The `light` expose as zigbee-herdsman-converters' exposes.ts builds it (Light().withBrightness().withColorTemp(range).withColor(['xy'])). */
function lightExpose(seed: SimulatedLightSeed): Record<string, unknown> {
  const has = kindFeatures[seed.kind ?? 'colour'];
  const features: Record<string, unknown>[] = [{ type: 'binary', name: 'state', property: 'state', access: 7, value_on: 'ON', value_off: 'OFF', value_toggle: 'TOGGLE' }];
  if (has.includes('brightness')) features.push({ type: 'numeric', name: 'brightness', property: 'brightness', access: 7, value_min: 0, value_max: 254 });
  if (has.includes('color_temp')) {
    features.push({ type: 'numeric', name: 'color_temp', property: 'color_temp', access: 7, unit: 'mired', value_min: seed.minMireds ?? defaultMiredRange.min, value_max: seed.maxMireds ?? defaultMiredRange.max });
  }
  if (has.includes('color_xy')) {
    features.push({ type: 'composite', name: 'color_xy', property: 'color', access: 7, features: [{ type: 'numeric', name: 'x', property: 'x', access: 7 }, { type: 'numeric', name: 'y', property: 'y', access: 7 }] });
  }
  return { type: 'light', features };
}

/** Which `/set` key needs which feature (the light converters' keys). */
const keyNeeds: Record<string, 'brightness' | 'color_temp' | 'color_xy'> = { brightness: 'brightness', color_temp: 'color_temp', color: 'color_xy' };

export async function startZigbee2mqttSimulator(options: { url: string; baseTopic?: string; lights: readonly SimulatedLightSeed[]; version?: 1 | 2 }): Promise<Zigbee2mqttSimulator> {
  const base = options.baseTopic ?? 'zigbee2mqtt';
  const legacy = options.version === 1;
  const online = legacy ? 'online' : '{"state":"online"}';
  const offline = legacy ? 'offline' : '{"state":"offline"}';
  const seeds = new Map(options.lights.map((light) => [light.name, light]));
  const states = new Map<string, SimulatedLightState>(
    options.lights.map((light) => [
      light.name,
      { state: light.on ? 'ON' : 'OFF', brightness: 254, color_temp: 370, color_mode: 'color_temp', color: { x: 0.4578, y: 0.41 }, linkquality: 120 },
    ]),
  );
  const commands: { name: string; payload: string }[] = [];
  const errors: string[] = [];

  const client: MqttClient = await mqtt.connectAsync(options.url, {
    protocolVersion: 5,
    clientId: `zigbee2mqtt-simulator-${Math.random().toString(36).slice(2, 10)}`,
    reconnectPeriod: 100,
    will: { topic: `${base}/bridge/state`, payload: Buffer.from(offline), qos: 1, retain: true },
  });

  /** The state as the device reports it: only the properties its exposes have. */
  const reported = (name: string) => {
    const { brightness, color_temp: colorTemp, color_mode: colorMode, color, ...rest } = states.get(name)!;
    const has = kindFeatures[seeds.get(name)!.kind ?? 'colour'];
    return {
      ...rest,
      ...(has.includes('brightness') ? { brightness } : {}),
      ...(has.includes('color_temp') ? { color_temp: colorTemp } : {}),
      ...(has.includes('color_xy') ? { color } : {}),
      ...(has.includes('color_temp') || has.includes('color_xy') ? { color_mode: has.includes('color_temp') ? colorMode : 'xy' } : {}),
    };
  };
  const publishState = (name: string) => client.publishAsync(`${base}/${name}`, JSON.stringify(reported(name)), { qos: 1 });
  const logError = async (message: string) => {
    errors.push(message);
    await client.publishAsync(`${base}/bridge/logging`, JSON.stringify({ level: 'error', message }), { qos: 0 });
  };

  function apply(name: string, command: Record<string, unknown>): string | null {
    const seed = seeds.get(name)!;
    const has = kindFeatures[seed.kind ?? 'colour'];
    for (const [key, feature] of Object.entries(keyNeeds)) {
      if (!(key in command) || has.includes(feature)) continue;
      void logError(`No converter available for '${key}' on '${name}': (${JSON.stringify(command[key])})`);
      const { [key]: _skipped, ...rest } = command;
      command = rest;
    }
    const current = states.get(name)!;
    const next = { ...current, color: { ...current.color } };
    const min = seed.minMireds ?? defaultMiredRange.min;
    const max = seed.maxMireds ?? defaultMiredRange.max;
    if (typeof command['state'] === 'string') {
      const state = command['state'].toUpperCase();
      if (state === 'TOGGLE') next.state = current.state === 'ON' ? 'OFF' : 'ON';
      else if (state === 'ON' || state === 'OFF') next.state = state;
      else return `Invalid state '${command['state']}'`;
    }
    if ('brightness' in command) {
      const value = command['brightness'];
      if (typeof value !== 'number' || value < 0 || value > 255) return `Publish 'set' 'brightness' to '${name}' failed: 'Error: brightness must be a number >= 0 and =< 254'`;
      next.brightness = Math.min(Math.round(value), 254);
      if (value === 0 && !('state' in command)) next.state = 'OFF';
      else if (!('state' in command)) next.state = 'ON';
    }
    if ('color_temp' in command) {
      const value = command['color_temp'];
      const preset = typeof value === 'string' ? colourTempPresets[value] : undefined;
      const mireds = typeof value === 'number' ? value : preset?.(min, max);
      if (mireds === undefined) return `Publish 'set' 'color_temp' to '${name}' failed: 'Error: color_temp must be a number'`;
      next.color_temp = Math.min(max, Math.max(min, Math.round(mireds)));
      next.color_mode = 'color_temp';
    }
    if ('color' in command) {
      const colour = command['color'] as Record<string, unknown> | null;
      if (typeof colour?.['x'] === 'number' && typeof colour['y'] === 'number') next.color = { x: colour['x'], y: colour['y'] };
      else if (typeof colour?.['r'] === 'number' && typeof colour['g'] === 'number' && typeof colour['b'] === 'number') {
        const [x, y] = rgbToXy([colour['r'], colour['g'], colour['b']]);
        next.color = { x: Math.round(x * 10_000) / 10_000, y: Math.round(y * 10_000) / 10_000 };
      } else return `Publish 'set' 'color' to '${name}' failed: 'Error: Value '${JSON.stringify(colour)}' is not a valid color'`;
      next.color_mode = 'xy';
    }
    states.set(name, next);
    return null;
  }

  client.on('message', (topic, payload) => {
    if (!topic.startsWith(`${base}/`)) return;
    // `/get` reads the device: zigbee2mqtt answers with the state on `<base>/<name>`.
    if (topic.endsWith('/get')) {
      const name = topic.slice(base.length + 1, -'/get'.length);
      if (seeds.has(name)) void publishState(name);
      return;
    }
    if (!topic.endsWith('/set')) return;
    const name = topic.slice(base.length + 1, -'/set'.length);
    if (!seeds.has(name)) return;
    const text = payload.toString('utf8');
    commands.push({ name, payload: text });
    let command: unknown;
    try {
      command = JSON.parse(text);
    } catch {
      void logError(`Invalid JSON '${text.slice(0, 100)}', skipping...`);
      return;
    }
    if (typeof command !== 'object' || command === null || Array.isArray(command)) {
      void logError(`Invalid message '${text.slice(0, 100)}', skipping...`);
      return;
    }
    const problem = apply(name, command as Record<string, unknown>);
    if (problem) void logError(problem);
    else void publishState(name);
  });

  // Friendly names may contain `/`, so listen to everything (but not our own messages) and pick `/set`.
  await client.subscribeAsync(`${base}/#`, { qos: 1, nl: true });
  await client.publishAsync(`${base}/bridge/state`, online, { qos: 1, retain: true });
  const devices = options.lights.map((light, index) => ({
    ieee_address: `0x00158d00000000${index.toString(16).padStart(2, '0')}`,
    friendly_name: light.name,
    type: 'Router',
    supported: true,
    definition: { model: 'simulated', vendor: 'Stillroom', description: `simulated ${light.kind ?? 'colour'} light`, exposes: [lightExpose(light), { type: 'numeric', name: 'linkquality', property: 'linkquality', access: 1 }] },
  }));
  await client.publishAsync(`${base}/bridge/devices`, JSON.stringify(devices), { qos: 1, retain: true });
  for (const light of options.lights) {
    await client.publishAsync(`${base}/${light.name}/availability`, online, { qos: 1, retain: true });
    await publishState(light.name);
  }

  return {
    state: (name) => states.get(name),
    commands,
    errors,
    setAvailability: async (name, isOnline) => {
      await client.publishAsync(`${base}/${name}/availability`, isOnline ? online : offline, { qos: 1, retain: true });
    },
    crash: async () => {
      await client.endAsync(true);
    },
    close: async () => {
      await client.publishAsync(`${base}/bridge/state`, offline, { qos: 1, retain: true });
      await client.endAsync();
    },
  };
}
