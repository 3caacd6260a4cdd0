/**
 * An office on the bus, for tests that go through the whole hub: a YAML file with the broker, Home
 * Assistant and each clinician's notification routes; the hub started in this process (with its
 * log and live feed recorded) or as the real `stillroom serve` command (so it can be killed hard);
 * and the bus as another system on it reads it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Arrival, CheckInRequest, LiveEvent, RoomView } from '../../../main/contract/contract.ts';
import type { ArrivalEvent, RoomState } from '../../../main/hub/devices/mqtt/officeBus.ts';
import { createHub, type Hub } from '../../../main/hub/hub.ts';
import { createLog } from '../../../main/hub/log.ts';
import type { BurstWindows } from '../../../main/hub/notify/collapse.ts';
import { demoPin, deskAt, repoRoot } from './hubClient.ts';
import { serveFromCli, type HubProcess } from './hubProcess.ts';
import type { RawSubscriber, ReceivedMqttMessage } from './mosquitto.ts';
import { tempDir } from '../../support/tempDir.ts';

export const site = 'riverside';
export const hubId = 'front-desk';
export const homeAssistantTokenEnv = 'TEST_HA_TOKEN';

/** The office bus as documented in main/devices/mqtt/officeBus.ts, spelt out here so a renamed topic fails. */
export const topics = {
  arrival: (arrivalId: string) => `stillroom/${site}/arrivals/${arrivalId}`,
  arrivals: `stillroom/${site}/arrivals/+`,
  roomState: (roomId: string) => `stillroom/${site}/rooms/${roomId}/state`,
  roomCommand: (roomId: string) => `stillroom/${site}/rooms/${roomId}/set`,
  hubStatus: `stillroom/${site}/hubs/${hubId}/status`,
};

/** The staff PIN 2468, hashed (the demo office's). */
const pinHash = 'scrypt$16384$8$1$a1jrT9PmLOjN6J9H0e5gng==$npZXIQBHLWsQ5hBkvQg9ufZQcjDZ0yXGYgHJKacJ/uY=';

export interface OfficeSettings {
  brokerUrl?: string;
  /** With it, the Willow room's devices are the simulator's (see roomOffice.ts's `willowDevices`). */
  homeAssistantUrl?: string;
  /** Sam's `notify:` routes as a YAML flow mapping, e.g. `{ push: { service: mobile_app_sams_phone } }`. */
  samNotify?: string;
}

export interface Office {
  configPath: string;
  dataDir: string;
  remove(): void;
}

/** Writes the office's YAML into a fresh folder, with an empty data folder beside it. */
export function writeOffice({ brokerUrl, homeAssistantUrl, samNotify }: OfficeSettings): Office {
  const dir = tempDir('office');
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const ambience = `
    ambience:
      lights: { ceiling: light.willow_ceiling, lamp: light.willow_lamp, accent: light.willow_strip }
      speaker: media_player.willow_speaker
      doorSign: switch.willow_door_sign`;
  const yaml = `
practice: { name: Riverside Practice }
${homeAssistantUrl ? `homeAssistant: { url: "${homeAssistantUrl}", tokenEnv: ${homeAssistantTokenEnv} }` : ''}
${brokerUrl ? `mqtt: { url: "${brokerUrl}", site: ${site}, hubId: ${hubId} }` : ''}
rooms:
  - id: willow
    name: Willow room${homeAssistantUrl ? ambience : ''}
clinicians:
  - id: sam
    displayName: Sam
    colour: sage
    symbol: leaf
    room: willow
${samNotify ? `    notify: ${samNotify}` : ''}
# A day's arrivals outlive midnight here, so a test running at 23:59 is not purged by its own clock.
privacy: { retention: 24h }
staff: { pinHash: "${pinHash}" }
`;
  const configPath = join(dir, 'office.yaml');
  writeFileSync(configPath, yaml);
  return { configPath, dataDir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Things that happen one after another (live events, log lines), and a way to wait for one. */
export class Recorded<T> {
  readonly items: T[] = [];
  readonly #waiters = new Set<() => void>();

  add(item: T): void {
    this.items.push(item);
    for (const wake of [...this.#waiters]) wake();
  }

  /** Resolves with the first item (from index `from`) that matches; fails naming `what` after `timeoutMs`. */
  until(matches: (item: T) => boolean, what: string, { from = 0, timeoutMs = 10_000 } = {}): Promise<T> {
    return new Promise((resolve, reject) => {
      const look = () => {
        const found = this.items.slice(from).find(matches);
        if (found === undefined) return;
        done();
        resolve(found);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Timed out waiting for ${what} (${this.items.length} recorded)`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(look);
      };
      this.#waiters.add(look);
      look();
    });
  }
}

export type LogLine = { level: string; message: string } & Record<string, unknown>;

export interface OfficeHub {
  hub: Hub;
  /** Every line the hub logged, parsed. */
  log: Recorded<LogLine>;
  /** Every event on the `arrivals` and `health` live topics, as the desk receives them. */
  desk: Recorded<LiveEvent>;
  checkIn(request: CheckInRequest): Promise<void>;
  /** Calls a staff procedure; throws the hub's message if it refuses. */
  staff<T = unknown>(procedure: string, input?: object): Promise<T>;
  board(): Promise<Arrival[]>;
  /** Resolves once every notification written so far has been acknowledged by its receiver. */
  untilDelivered(what: string, timeoutMs?: number): Promise<void>;
  untilRoom(matches: (room: RoomView) => boolean, what: string): Promise<RoomView>;
  /** Closes the hub once; later calls wait for the same close. */
  close(): Promise<void>;
}

/** Starts the hub in this process, as the Electron shell does, on the office's folders. */
export async function startOfficeHub(
  office: Office,
  options: { homeAssistantToken?: string; now?: () => number; env?: Record<string, string>; notificationBursts?: BurstWindows } = {},
): Promise<OfficeHub> {
  const log = new Recorded<LogLine>();
  const hub = await createHub({
    configPath: office.configPath,
    dataDir: office.dataDir,
    rendererDir: join(office.dataDir, 'no-renderer'),
    presetsDir: join(repoRoot, 'presets'),
    log: createLog((line) => log.add(JSON.parse(line) as LogLine)),
    env: { ...(options.homeAssistantToken ? { [homeAssistantTokenEnv]: options.homeAssistantToken } : {}), ...options.env },
    ...(options.now ? { now: options.now } : {}),
    ...(options.notificationBursts ? { notificationBursts: options.notificationBursts } : {}),
  });
  const desk = new Recorded<LiveEvent>();
  const rooms = new Recorded<RoomView>();
  const subscriptions = (['arrivals', 'health', 'rooms'] as const).map((topic) => {
    const subscribed = hub.api.subscribe('desk', topic, (event) => (event.type === 'room' ? rooms.add(event.room) : desk.add(event)));
    if (!subscribed.ok) throw new Error(subscribed.error.message);
    return subscribed;
  });
  let closing: Promise<void> | undefined;
  const staff = async <T>(procedure: string, input: object = {}): Promise<T> => {
    const result = await hub.api.call('desk', procedure, input);
    if (!result.ok) throw new Error(`${procedure} refused: ${result.error.message}`);
    return result.value as T;
  };
  return {
    hub,
    log,
    desk,
    async checkIn(request) {
      const result = await hub.api.call('kiosk', 'checkIn', request);
      if (!result.ok) throw new Error(`check-in refused: ${result.error.message}`);
    },
    staff,
    board: async () => (await staff<{ arrivals: Arrival[] }>('deskBoard')).arrivals,
    async untilDelivered(what, timeoutMs) {
      const from = desk.items.length;
      const { notifications } = await staff<{ notifications: { pending: number } }>('officeHealth');
      if (notifications.pending === 0) return;
      await desk.until((event) => event.type === 'health' && event.health.notifications.pending === 0, what, { from, ...(timeoutMs ? { timeoutMs } : {}) });
    },
    async untilRoom(matches, what) {
      const from = rooms.items.length;
      const current = await staff<RoomView>('roomView', { roomId: 'willow' });
      return matches(current) ? current : rooms.until(matches, `the room to show ${what}`, { from });
    },
    close: () => (closing ??= (async () => {
      for (const subscription of subscriptions) subscription.unsubscribe();
      await hub.close();
    })()),
  };
}

/** Runs `stillroom serve` on the office's config and data folder, as an office runs it. */
export const serveOffice = (office: Office): Promise<HubProcess> => serveFromCli(office.dataDir, { configPath: office.configPath });

/** The desk of a hub served over HTTP, signed in. */
export async function signedInDesk(url: string) {
  const desk = deskAt(url);
  const login = await desk.login(demoPin);
  if (!login.body.ok) throw new Error(login.body.error.message);
  return desk;
}

/** Arrival events among what a subscriber received, parsed. */
export const arrivalEvents = (messages: ReceivedMqttMessage[]) =>
  messages.filter((m) => m.topic.startsWith(`stillroom/${site}/arrivals/`)).map((m) => ({ ...m, event: JSON.parse(m.text) as ArrivalEvent }));

export const roomStates = (messages: ReceivedMqttMessage[]) =>
  messages.filter((m) => m.topic === topics.roomState('willow')).map((m) => ({ ...m, state: JSON.parse(m.text) as RoomState }));

/** Waits until every one of `arrivalIds` has reached the subscriber at least once. */
export function untilArrivalsSeen(subscriber: RawSubscriber, arrivalIds: readonly string[], timeoutMs = 20_000): Promise<unknown> {
  const seen = () => new Set(arrivalEvents(subscriber.messages).map((m) => m.event.arrivalId));
  return subscriber.until(() => arrivalIds.every((id) => seen().has(id)), `all ${arrivalIds.length} arrivals on the bus`, timeoutMs);
}
