/**
 * The office bus: what Stillroom says on MQTT and what it listens to, as topic builders and zod
 * schemas. Everything that crosses the bus is checked against these schemas, both ways.
 *
 * ## The office bus (MQTT v5)                                       (copy of this block in the README)
 *
 * All topics start with `<prefix>/<site>/`; `prefix` is `stillroom` unless configured, `site` is the
 * practice's id. Payloads are UTF-8 JSON.
 *
 * | topic | QoS | retained | payload |
 * |---|---|---|---|
 * | `<prefix>/<site>/hubs/<hub-id>/status` | 1 | yes | `{"state":"online"}` on every connect; `{"state":"offline"}` as the last will |
 * | `<prefix>/<site>/arrivals/<arrival-id>` | 1 | no | `{"messageId","arrivalId","clinicianId","slot","arrivedAt","status","wishes"}` |
 * | `<prefix>/<site>/rooms/<room-id>/state` | 1 | yes | `{"preset","inSession","devices":{"<role>":{"state",…}}}` |
 * | `<prefix>/<site>/rooms/<room-id>/set` | 0 (subscribed) | **never** | `{"action":"apply-preset","preset":"calm"}` \| `{"action":"start-session"}` \| `{"action":"end-session"}`, optional `"sentAt"` (epoch ms) |
 *
 * Arrival events: one on check-in and one on every status change (`waiting`, `with-clinician`,
 * `done`, `cancelled`). `arrivalId` is random and means nothing outside Stillroom; `clinicianId` is the
 * admin's id for the clinician (null: "not sure", for the front desk); `slot` is
 * `{"kind":"at","time":"14:00"}`, `{"kind":"later"}` or `{"kind":"unsure"}`; `arrivedAt` is epoch
 * milliseconds; `wishes` lists comfort wishes (`softer-light`, `quieter-room`, `background-sound`).
 * There is no name, initial, phone number or free text, and never will be. Delivery is at least once:
 * a message can arrive twice, so drop duplicates by `messageId` (or by `arrivalId` + `status`).
 *
 * Room state: retained, re-published on every change and after every reconnect. `preset` is a preset
 * id or null; each device summary is `{"state":"on"|"off"|"playing"|"paused"|"idle"|"unavailable"|"unknown"}`
 * plus, where known, `brightnessPct`, `kelvin`, `volumePct`.
 *
 * Commands: for wall switches and other systems. Unknown rooms or presets, payloads over 4 KB, invalid
 * JSON, extra keys, retained commands and stale ones (`sentAt` over a minute old) are dropped (and logged with the reason); nothing is answered
 * on the bus: the effect shows up on the room's `state` topic.
 */
import { z } from 'zod';
import { ArrivalId, ArrivalStatus, ComfortWish, Slot, Slug } from '../../../contract/contract.ts';
import { silentLog, type Log } from '../../log.ts';
import { jsonPayload } from './jsonPayload.ts';
import type { MqttLink, MqttMessage, PublishResult } from './mqttLink.ts';

/** A site, hub or room id on the bus: one topic level, no wildcards, nothing personal. */
export const BusId = Slug;
export const BusPrefix = z.string().regex(/^[a-z0-9_-]{1,30}(\/[a-z0-9_-]{1,30}){0,3}$/, 'expected a topic prefix such as "stillroom"');

export interface BusAddress {
  prefix: string;
  site: string;
}

export const onlinePayload = '{"state":"online"}';
export const offlinePayload = '{"state":"offline"}';

export const hubStatusTopic = (prefix: string, site: string, hubId: string) => `${prefix}/${site}/hubs/${hubId}/status`;
export const arrivalTopic = (bus: BusAddress, arrivalId: string) => `${bus.prefix}/${bus.site}/arrivals/${arrivalId}`;
export const roomStateTopic = (bus: BusAddress, roomId: string) => `${bus.prefix}/${bus.site}/rooms/${roomId}/state`;
export const roomCommandTopic = (bus: BusAddress, roomId: string) => `${bus.prefix}/${bus.site}/rooms/${roomId}/set`;
const roomCommandFilter = (bus: BusAddress) => `${bus.prefix}/${bus.site}/rooms/+/set`;

/** Hub presence, as published and as a will. */
export const HubStatus = z.strictObject({ state: z.enum(['online', 'offline']) });

/** An arrival on the bus. Strict: a field that is not listed here cannot be published. */
export const ArrivalEvent = z.strictObject({
  messageId: z.string().regex(/^[A-Za-z0-9_-]{20,40}$/),
  arrivalId: ArrivalId,
  clinicianId: Slug.nullable(),
  slot: Slot,
  arrivedAt: z.number().int(),
  status: ArrivalStatus,
  wishes: z.array(ComfortWish),
});
export type ArrivalEvent = z.infer<typeof ArrivalEvent>;

export const DeviceSummary = z.strictObject({
  state: z.enum(['on', 'off', 'playing', 'paused', 'idle', 'unavailable', 'unknown']),
  brightnessPct: z.number().min(0).max(100).optional(),
  kelvin: z.number().int().min(1000).max(10_000).optional(),
  volumePct: z.number().min(0).max(100).optional(),
});
export type DeviceSummary = z.infer<typeof DeviceSummary>;

export const RoomState = z.strictObject({
  preset: Slug.nullable(),
  inSession: z.boolean(),
  devices: z.record(Slug, DeviceSummary),
});
export type RoomState = z.infer<typeof RoomState>;

/** When the sender sent the command, epoch milliseconds (optional; a sender with a clock should set it). */
const SentAt = z.number().int().nonnegative().optional();

export const RoomCommand = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('apply-preset'), preset: Slug, sentAt: SentAt }),
  z.strictObject({ action: z.literal('start-session'), sentAt: SentAt }),
  z.strictObject({ action: z.literal('end-session'), sentAt: SentAt }),
]);
export type RoomCommand = z.infer<typeof RoomCommand>;

/** Larger bodies are dropped before they are parsed: no command needs more than a few dozen bytes. */
export const maxCommandBytes = 4096;

/**
 * A command with `sentAt` older than this is stale and dropped: a switch pressed a minute ago, or
 * queued while the hub was away, is not what the room wants now. Clocks on a LAN agree to well under
 * this (NTP); a `sentAt` this far ahead of the hub's clock is dropped too, saying so.
 */
export const maxCommandAgeMs = 60_000;

/** Publishes an arrival event (QoS 1, not retained); resolves on the broker's PUBACK. */
export function publishArrivalEvent(link: Pick<MqttLink, 'publish'>, bus: BusAddress, event: ArrivalEvent): Promise<PublishResult> {
  const checked = ArrivalEvent.safeParse(event);
  if (!checked.success) return Promise.resolve({ ok: false, reason: 'rejected', message: `Stillroom refused to publish an arrival event that does not match the office bus: ${z.prettifyError(checked.error)}` });
  return link.publish(arrivalTopic(bus, checked.data.arrivalId), JSON.stringify(checked.data));
}

/** Publishes a room's state, retained, so a screen that starts later sees it at once. */
export function publishRoomState(link: Pick<MqttLink, 'publish'>, bus: BusAddress, roomId: string, state: RoomState): Promise<PublishResult> {
  const checked = RoomState.safeParse(state);
  if (!checked.success || !BusId.safeParse(roomId).success) {
    return Promise.resolve({ ok: false, reason: 'rejected', message: `Stillroom refused to publish a room state for ${roomId} that does not match the office bus.` });
  }
  return link.publish(roomStateTopic(bus, roomId), JSON.stringify(checked.data), { retain: true });
}

export interface RoomCommandSource extends BusAddress {
  /** Read on every message: rooms and presets can change while the hub runs (presets hot-reload). */
  knownRooms: () => Iterable<string>;
  knownPresets: () => Iterable<string>;
}

/** A zod issue in words that hold nothing from the input: its code and the schema path it is at. */
export function issueWords(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid';
  const at = issue.path.filter((part) => typeof part === 'string' || typeof part === 'number').join('.');
  return `${issue.code}${at ? ` at ${at}` : ''}`;
}

type Checked = { ok: true; roomId: string; command: RoomCommand } | { ok: false; reason: string };

/** Everything a command must pass before it reaches a room; the reason is for the log, never for the sender. */
export function checkRoomCommand(source: RoomCommandSource, message: MqttMessage, now: number = Date.now()): Checked {
  const roomId = message.topic.slice(`${source.prefix}/${source.site}/rooms/`.length, -'/set'.length);
  if (message.retained) return { ok: false, reason: 'retained commands are ignored: they would be replayed on every restart' };
  const json = jsonPayload(message.payload, maxCommandBytes);
  if (!json.ok) return json;
  if (!new Set(source.knownRooms()).has(roomId)) return { ok: false, reason: 'unknown room' };
  const parsed = RoomCommand.safeParse(json.value);
  // The issue's code and path (the schema's own keys), never zod's message: it names unknown keys, which are the sender's text.
  if (!parsed.success) return { ok: false, reason: `payload does not match a room command: ${issueWords(parsed.error.issues[0])}` };
  const { sentAt } = parsed.data;
  if (sentAt !== undefined && now - sentAt > maxCommandAgeMs) {
    return { ok: false, reason: `stale: sent ${Math.round((now - sentAt) / 1000)} seconds ago, over the ${maxCommandAgeMs / 1000}-second limit` };
  }
  if (sentAt !== undefined && sentAt - now > maxCommandAgeMs) {
    return { ok: false, reason: `sentAt is ${Math.round((sentAt - now) / 1000)} seconds ahead of the hub's clock: check the sender's clock` };
  }
  if (parsed.data.action === 'apply-preset' && !new Set(source.knownPresets()).has(parsed.data.preset)) return { ok: false, reason: 'unknown preset' };
  return { ok: true, roomId, command: parsed.data };
}

/**
 * Listens for room commands on `<prefix>/<site>/rooms/+/set` and hands each valid one to
 * `onCommand`; a bad one is logged with its reason and dropped. Returns the unsubscribe.
 */
export function subscribeRoomCommands(
  link: Pick<MqttLink, 'subscribe'>,
  source: RoomCommandSource,
  onCommand: (roomId: string, command: RoomCommand) => void,
  log: Log = silentLog,
): () => void {
  // Retain As Published, so a command published live with retain set is seen as retained and
  // dropped, as the one the broker replays on subscribe is: it would be replayed on every restart.
  //
  // QoS 0, so a command pressed while the hub is away is not queued in the hub's persistent session
  // and applied hours later when it returns (issue 10 item 9). The delivered QoS is the lower of the
  // publisher's and the subscription's (MQTT 5.0 §3.8.4), and Mosquitto queues QoS 0 messages for an
  // offline persistent client only with `queue_qos0_messages true` (default false; mosquitto.conf(5) of
  // Mosquitto 2.0, "queue_qos0_messages"). A broker configured otherwise is covered by
  // `sentAt` (above) and by the sender's MQTT 5 Message Expiry Interval, which the broker honours
  // for queued messages (MQTT 5.0 §3.3.2.3.3). A live command over the LAN's TCP is not lost at QoS 0
  // unless the connection drops, and then it was meant for a moment that has passed.
  return link.subscribe(
    roomCommandFilter(source),
    (message) => {
      const checked = checkRoomCommand(source, message);
      if (checked.ok) onCommand(checked.roomId, checked.command);
      // The topic only when it names a known room: anything else in it is the sender's text, which is never logged.
      else log.warn('room command dropped', { topic: checked.reason === 'unknown room' ? `(a room this office does not have, ${Buffer.byteLength(message.topic)} bytes)` : message.topic, reason: checked.reason });
    },
    { retainAsPublished: true, qos: 0 },
  );
}
