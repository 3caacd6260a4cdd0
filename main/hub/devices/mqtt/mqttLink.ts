/**
 * The hub's one connection to the MQTT broker (MQTT.js 5, MQTT v5): a persistent session under a
 * stable client id, a retained online/offline presence with a last will, backoff while the broker
 * is away, and publishes that resolve on the broker's PUBACK. It knows nothing about arrivals or
 * rooms; officeBus.ts and the zigbee2mqtt modules say what goes on which topic.
 */
import { readFileSync } from 'node:fs';
import mqtt, { ErrorWithReasonCode, type IClientOptions, type IPublishPacket, type MqttClient } from 'mqtt';
import { errorName, silentLog, type Log } from '../../log.ts';
import { hubStatusTopic, onlinePayload, offlinePayload, BusId, BusPrefix } from './officeBus.ts';
import { topicMatches } from './topicFilter.ts';

export type MqttStatus =
  | { state: 'connecting'; message: string }
  | { state: 'connected'; sessionPresent: boolean; message: string }
  | { state: 'unreachable'; retryInSeconds: number; retryInMs: number; message: string }
  | { state: 'credentials-refused'; message: string };

export interface MqttLinkOptions {
  /** `mqtt://host:1883`, `mqtts://host:8883`, `ws://…` or `wss://…`; no user name or password in it. */
  url: string;
  /** Topic prefix of the office bus, `stillroom` by default. */
  prefix?: string;
  site: string;
  hubId: string;
  /** From the environment or the OS secret store. Never logged, never part of a status. */
  username?: string;
  password?: string;
  /** File paths (PEM); the files are read once, here. */
  tls?: { caFile?: string; certFile?: string; keyFile?: string; rejectUnauthorized?: boolean };
  /** How long the broker keeps our session (subscriptions, queued QoS 1) while we are away. Default one day. */
  sessionExpirySeconds?: number;
  /** Wait before the first retry; it doubles up to `maxRetryDelayMs` (30 s) and resets once connected. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  keepaliveSeconds?: number;
  log?: Log;
  onStatus: (status: MqttStatus) => void;
}

export type PublishResult = { ok: true } | { ok: false; reason: 'closed' | 'rejected'; message: string };

export interface MqttMessage {
  topic: string;
  payload: Buffer;
  /**
   * True when the broker replayed a retained message on subscribe; on a `retainAsPublished`
   * subscription also when the publisher set retain on a message sent live.
   */
  retained: boolean;
}

export interface MqttLink {
  readonly clientId: string;
  status(): MqttStatus;
  /**
   * QoS 1 by default: resolves `{ ok: true }` on PUBACK, however long that takes (the message waits in
   * MQTT.js across reconnects); resolves `{ ok: false, reason: 'closed' }` if the link is closed first.
   */
  publish(topic: string, payload: string | Buffer, options?: { retain?: boolean; qos?: 0 | 1 }): Promise<PublishResult>;
  /**
   * Every message matching `filter` (QoS 1) goes to `onMessage`; a throwing handler is logged and ignored.
   * `retainAsPublished` (MQTT v5 subscription option, set by the first subscriber of a filter): the
   * broker keeps the publisher's retain flag on live messages instead of clearing it. `qos: 0`: the
   * broker delivers at most once and (Mosquitto's default) queues nothing for us while we are away.
   */
  subscribe(filter: string, onMessage: (message: MqttMessage) => void, options?: { retainAsPublished?: boolean; qos?: 0 | 1 }): () => void;
  /** After every successful connect, e.g. to re-publish retained state a broker without persistence forgot. */
  onConnected(listener: (sessionPresent: boolean) => void): () => void;
  close(): Promise<void>;
}

export type ConnectMqtt = { ok: true; link: MqttLink } | { ok: false; message: string };

export const credentialsRefusedMessage =
  'The MQTT broker refused Stillroom\'s user name or password. Check STILLROOM_MQTT_USERNAME and STILLROOM_MQTT_PASSWORD in the hub\'s environment (on a Linux install, /etc/stillroom/secrets.env or a systemd credential: see "Secrets" in the README); Stillroom will not try again until they change.';

/** CONNACK reason codes that mean "who you are is not welcome": v3.1.1 4 and 5, v5 134, 135 and 140. */
const credentialCodes = new Set([4, 5, 134, 135, 140]);
const sessionTakenOver = 142;
/**
 * A connection the broker drops this soon after it was accepted, this many times in a row, is taken
 * over: another client keeps connecting with our client id and each connect ends the other's.
 * Mosquitto 2.0 closes the older connection without sending DISCONNECT 0x8E (src/handle_connect.c
 * ends `found_context` on a duplicate id), so the reason code alone never tells us.
 */
const shortLivedMs = 10_000;
const takenOverAfter = 3;
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function brokerAddress(url: string): { ok: true; address: string } | { ok: false; message: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: 'The MQTT broker address is not a URL. Write it like mqtt://192.168.1.10:1883.' };
  }
  if (!['mqtt:', 'mqtts:', 'ws:', 'wss:'].includes(parsed.protocol)) {
    return { ok: false, message: `The MQTT broker address must start with mqtt://, mqtts://, ws:// or wss://, not ${parsed.protocol}//.` };
  }
  if (parsed.username || parsed.password) {
    return { ok: false, message: 'Put the MQTT user name and password in the settings, not in the broker address, so they are never shown or logged.' };
  }
  return { ok: true, address: `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}` };
}

function readTls(tls: NonNullable<MqttLinkOptions['tls']>): { ok: true; options: Partial<IClientOptions> } | { ok: false; message: string } {
  const options: Partial<IClientOptions> = {};
  const files = [['ca', tls.caFile, 'CA certificate'], ['cert', tls.certFile, 'client certificate'], ['key', tls.keyFile, 'client key']] as const;
  for (const [key, path, what] of files) {
    if (!path) continue;
    try {
      options[key] = readFileSync(path);
    } catch (error) {
      return { ok: false, message: `Stillroom could not read the MQTT ${what} at ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).` };
    }
  }
  if (tls.rejectUnauthorized !== undefined) options.rejectUnauthorized = tls.rejectUnauthorized;
  return { ok: true, options };
}

/** Starts connecting and returns at once; only an unusable address, id or certificate file is refused here. */
export function connectMqtt(options: MqttLinkOptions): ConnectMqtt {
  const broker = brokerAddress(options.url);
  if (!broker.ok) return broker;
  const ids = [BusPrefix.safeParse(options.prefix ?? 'stillroom'), BusId.safeParse(options.site), BusId.safeParse(options.hubId)];
  if (!ids.every((id) => id.success)) return { ok: false, message: 'The MQTT prefix, site and hub id must be short ids of lowercase letters, digits and dashes.' };
  const tls = readTls(options.tls ?? {});
  if (!tls.ok) return tls;

  const log = options.log ?? silentLog;
  const address = broker.address;
  const prefix = options.prefix ?? 'stillroom';
  const clientId = `stillroom-${options.site}-${options.hubId}`;
  const presenceTopic = hubStatusTopic(prefix, options.site, options.hubId);
  const baseDelayMs = options.retryDelayMs ?? 1000;
  const maxDelayMs = options.maxRetryDelayMs ?? 30_000;
  const subscriptions = new Map<string, Set<(message: MqttMessage) => void>>();
  const connectedListeners = new Set<(sessionPresent: boolean) => void>();
  const pending = new Set<(result: PublishResult) => void>();
  let status: MqttStatus = { state: 'connecting', message: `Connecting to the MQTT broker at ${address}.` };
  let nextDelayMs = baseDelayMs;
  let closed = false;
  let lastErrorCode = '';
  let connectedAt: number | undefined;
  let shortDrops = 0;
  const takenOverMessage = `Another MQTT client keeps connecting as this hub (client id ${clientId}), so the broker drops Stillroom again and again. Give each hub its own hub id, and set use_username_as_clientid in the broker (README, the office bus).`;

  function report(next: MqttStatus): void {
    if (closed || status.state === 'credentials-refused') return;
    const same = next.state === status.state && (next.state !== 'unreachable' || (status.state === 'unreachable' && status.retryInMs === next.retryInMs));
    status = next;
    if (same) return;
    const fields = { state: next.state, broker: address, clientId };
    if (next.state === 'credentials-refused') log.error('mqtt broker refused the credentials', fields);
    else if (next.state === 'unreachable') log.warn('mqtt broker unreachable', { ...fields, retryInSeconds: next.retryInSeconds });
    else log.info('mqtt link', fields);
    options.onStatus(next);
  }

  const client: MqttClient = mqtt.connect(options.url, {
    protocolVersion: 5,
    clientId,
    clean: false,
    properties: { sessionExpiryInterval: options.sessionExpirySeconds ?? 24 * 60 * 60 },
    keepalive: options.keepaliveSeconds ?? 30,
    connectTimeout: 10_000,
    reconnectPeriod: baseDelayMs,
    // Refusals other than credentials (server busy, rate limited) are worth retrying; credentials
    // are handled in `error` below, which ends the client so the broker is not hammered.
    reconnectOnConnackError: true,
    queueQoSZero: false,
    resubscribe: true,
    will: { topic: presenceTopic, payload: Buffer.from(offlinePayload), qos: 1, retain: true },
    ...(options.username === undefined ? {} : { username: options.username }),
    ...(options.password === undefined ? {} : { password: options.password }),
    ...tls.options,
  });

  client.on('connect', (connack) => {
    connectedAt = Date.now();
    nextDelayMs = baseDelayMs;
    lastErrorCode = '';
    client.options.reconnectPeriod = baseDelayMs;
    const sessionPresent = connack.sessionPresent;
    report({ state: 'connected', sessionPresent, message: `Connected to the MQTT broker at ${address}.` });
    void publish(presenceTopic, onlinePayload, { retain: true });
    for (const listener of connectedListeners) listener(sessionPresent);
  });

  // MQTT.js retries on a fixed `reconnectPeriod`, read when it arms its timer in its own `close`
  // handler; prepending ours sets the next wait first, so the broker sees 1 s, 2 s, 4 s … 30 s.
  client.prependListener('close', () => {
    if (closed || status.state === 'credentials-refused') return;
    if (connectedAt !== undefined) {
      shortDrops = Date.now() - connectedAt < shortLivedMs ? shortDrops + 1 : 0;
      connectedAt = undefined;
      if (shortDrops === takenOverAfter) log.error('another MQTT client keeps connecting with this hub\'s client id; each hub needs its own hub id', { broker: address, clientId });
    }
    const delayMs = nextDelayMs;
    nextDelayMs = Math.min(nextDelayMs * 2, maxDelayMs);
    client.options.reconnectPeriod = delayMs;
    const inSeconds = seconds(delayMs);
    report({
      state: 'unreachable',
      retryInSeconds: inSeconds,
      retryInMs: delayMs,
      message: shortDrops >= takenOverAfter ? takenOverMessage : `The MQTT broker at ${address} can't be reached. Stillroom keeps working and tries again in ${plural(inSeconds, 'second')}.`,
    });
  });

  client.on('error', (error) => {
    if (error instanceof ErrorWithReasonCode && credentialCodes.has(error.code)) {
      report({ state: 'credentials-refused', message: credentialsRefusedMessage });
      client.end(true);
      return;
    }
    // Connection errors are followed by `close`, which reports them in words; the log gets the
    // code once, not on every retry.
    const code = String((error as NodeJS.ErrnoException).code ?? (error instanceof ErrorWithReasonCode ? error.code : 'unknown'));
    if (code !== lastErrorCode) log.warn('mqtt connection problem', { broker: address, code });
    lastErrorCode = code;
  });

  client.on('disconnect', (packet) => {
    if (packet.reasonCode === sessionTakenOver) {
      log.error('another MQTT client connected with this hub\'s client id; each hub needs its own hub id', { broker: address, clientId });
    }
  });

  client.on('message', (topic: string, payload: Buffer, packet: IPublishPacket) => {
    const message = { topic, payload, retained: packet.retain };
    for (const [filter, handlers] of subscriptions) {
      if (!topicMatches(filter, topic)) continue;
      for (const handler of handlers) {
        try {
          handler(message);
        } catch (error) {
          // The error's name only: a message (a JSON.parse error quotes its input) can carry the sender's text.
          log.error('an MQTT message handler failed', { filter, error: errorName(error) });
        }
      }
    }
  });

  function publish(topic: string, payload: string | Buffer, publishOptions: { retain?: boolean; qos?: 0 | 1 } = {}): Promise<PublishResult> {
    if (closed) return Promise.resolve({ ok: false, reason: 'closed', message: 'The MQTT link is closed.' });
    return new Promise((resolve) => {
      const settle = (result: PublishResult) => {
        if (pending.delete(settle)) resolve(result);
      };
      pending.add(settle);
      client.publish(topic, payload, { qos: publishOptions.qos ?? 1, retain: publishOptions.retain ?? false }, (error) => {
        if (!error) return settle({ ok: true });
        log.warn('mqtt publish refused', { topic, error: error.message.slice(0, 200) });
        settle({ ok: false, reason: 'rejected', message: `The MQTT broker refused the message on ${topic}: ${error.message}` });
      });
    });
  }

  options.onStatus(status);

  return {
    ok: true,
    link: {
      clientId,
      status: () => status,
      publish,
      subscribe: (filter, onMessage, subscribeOptions = {}) => {
        let handlers = subscriptions.get(filter);
        if (!handlers) {
          handlers = new Set();
          subscriptions.set(filter, handlers);
          // `rap`: MQTT v5 Retain As Published (MQTT 5.0 §3.8.3.1). Without it a broker clears the
          // retain flag of a message forwarded live (eclipse/mosquitto include/mqtt_protocol.h,
          // MQTT_SUB_OPT_RETAIN_AS_PUBLISHED; src/subs.c keeps it per subscription leaf). MQTT.js
          // resubscribes with the same options after a reconnect (`resubscribe: true`).
          client.subscribe(filter, { qos: subscribeOptions.qos ?? 1, ...(subscribeOptions.retainAsPublished ? { rap: true } : {}) }, (error) => {
            if (error && !closed) log.warn('mqtt subscribe refused', { filter, error: error.message.slice(0, 200) });
          });
        }
        handlers.add(onMessage);
        return () => {
          handlers.delete(onMessage);
          if (handlers.size === 0 && subscriptions.get(filter) === handlers) {
            subscriptions.delete(filter);
            if (!closed) client.unsubscribe(filter);
          }
        };
      },
      onConnected: (listener) => {
        connectedListeners.add(listener);
        return () => connectedListeners.delete(listener);
      },
      close: async () => {
        if (closed) return;
        closed = true;
        for (const settle of [...pending]) settle({ ok: false, reason: 'closed', message: 'The MQTT link was closed before the broker confirmed the message.' });
        // Ending without a DISCONNECT makes the broker publish our will: the hub reads as offline.
        await client.endAsync(true);
      },
    },
  };
}
