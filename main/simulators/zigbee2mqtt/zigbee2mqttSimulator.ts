/**
 * A simulated zigbee2mqtt with a few lights, on a real broker, for tests and the demo office. It
 * speaks as zigbee2mqtt 2.x does: `bridge/state` `{"state":"online"}` retained with an
 * `{"state":"offline"}` last will, retained JSON availability per device, and on
 * `<base>/<name>/set` it applies the command the way the converters do (brightness 255 → 254, other
 * values outside 0–254 refused, `color_temp` clamped to the device's range, RGB turned into xy) and
 * echoes the new state on `<base>/<name>`; `<base>/<name>/get` publishes the state. Transitions are
 * applied at once.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { rgbToXy } from '../homeAssistant/lightColour.ts';

export interface SimulatedLightSeed {
  name: string;
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

const online = '{"state":"online"}';
const offline = '{"state":"offline"}';

export async function startZigbee2mqttSimulator(options: { url: string; baseTopic?: string; lights: readonly SimulatedLightSeed[] }): Promise<Zigbee2mqttSimulator> {
  const base = options.baseTopic ?? 'zigbee2mqtt';
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

  const publishState = (name: string) => client.publishAsync(`${base}/${name}`, JSON.stringify(states.get(name)), { qos: 1 });
  const logError = async (message: string) => {
    errors.push(message);
    await client.publishAsync(`${base}/bridge/logging`, JSON.stringify({ level: 'error', message }), { qos: 0 });
  };

  function apply(name: string, command: Record<string, unknown>): string | null {
    const seed = seeds.get(name)!;
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
