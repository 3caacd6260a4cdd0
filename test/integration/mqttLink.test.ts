/**
 * The hub's MQTT link against a real Mosquitto: presence with a last will, backoff while the broker
 * is away, credentials refused once and not retried, and room commands that arrive broken in every
 * way without ever stopping the link.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectMqtt, credentialsRefusedMessage, type MqttLink, type MqttLinkOptions, type MqttStatus } from '../../main/hub/devices/mqtt/mqttLink.ts';
import { roomCommandTopic, subscribeRoomCommands, type RoomCommand } from '../../main/hub/devices/mqtt/officeBus.ts';
import { statusLog } from './support/statusLog.ts';
import { createLog } from '../../main/hub/log.ts';
import { rawSubscriber, startMosquitto, type Mosquitto } from './support/mosquitto.ts';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
const written: string[] = [];
const password = 'correct-horse-battery-staple';

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  // Whatever happened, no password reached a status or the log.
  expect(written.join('\n')).not.toContain(password);
  expect(written.join('\n')).not.toContain('wrong-password');
  written.length = 0;
});

async function broker(options: Parameters<typeof startMosquitto>[0] = {}): Promise<Mosquitto> {
  const started = await startMosquitto(options);
  cleanups.push(() => started.dispose());
  return started;
}

interface WatchedLink {
  link: MqttLink;
  statuses: MqttStatus[];
  until<S extends MqttStatus['state']>(state: S): Promise<Extract<MqttStatus, { state: S }>>;
}

function openLink(url: string, options: Partial<MqttLinkOptions> = {}): WatchedLink {
  const log = statusLog<MqttStatus>();
  const connecting = connectMqtt({
    url,
    site: 'riverside',
    hubId: 'front-desk',
    retryDelayMs: 50,
    maxRetryDelayMs: 200,
    log: createLog((line) => written.push(line)),
    onStatus: (status) => {
      log.record(status);
      written.push(JSON.stringify(status));
    },
    ...options,
  });
  if (!connecting.ok) throw new Error(connecting.message);
  cleanups.push(() => connecting.link.close());
  return { link: connecting.link, statuses: log.statuses, until: (state) => log.until(state) };
}

describe('presence', () => {
  it('says online (retained) on connect and the broker says offline for it when the hub disappears', async () => {
    const mosquitto = await broker();
    const { link, until } = openLink(mosquitto.url);
    expect(link.clientId).toBe('stillroom-riverside-front-desk');
    await until('connected');
    const watcher = await rawSubscriber(mosquitto.url, ['stillroom/riverside/hubs/+/status']);
    cleanups.push(() => watcher.close());
    await watcher.until((m) => m.some((x) => x.text === '{"state":"online"}'), 'online');
    expect(watcher.messages[0]).toEqual({ topic: 'stillroom/riverside/hubs/front-desk/status', text: '{"state":"online"}', retain: true });

    await link.close();
    await watcher.until((m) => m.some((x) => x.text === '{"state":"offline"}'), 'the last will');
    const late = await rawSubscriber(mosquitto.url, ['stillroom/riverside/hubs/+/status']);
    cleanups.push(() => late.close());
    const [retained] = await late.until((m) => m.length > 0, 'the retained status');
    expect(retained).toEqual({ topic: 'stillroom/riverside/hubs/front-desk/status', text: '{"state":"offline"}', retain: true });
  });

  it('says plainly when a TLS file cannot be read', () => {
    const refused = connectMqtt({ url: 'mqtts://127.0.0.1:8883', site: 'riverside', hubId: 'front-desk', tls: { caFile: '/nowhere/ca.pem' }, onStatus: () => {} });
    expect(refused).toEqual({ ok: false, message: 'Stillroom could not read the MQTT CA certificate at /nowhere/ca.pem (ENOENT).' });
  });

  it('refuses an address with credentials in it, so they can never be shown', () => {
    const refused = connectMqtt({ url: `mqtt://hub:${password}@127.0.0.1:1883`, site: 'riverside', hubId: 'front-desk', onStatus: () => {} });
    expect(refused).toEqual({ ok: false, message: expect.stringContaining('not in the broker address') });
  });
});

describe('an unreachable broker', () => {
  it('is retried with a doubling wait, and what was published meanwhile arrives once it is back', async () => {
    const mosquitto = await broker();
    await mosquitto.stop();
    const { link, statuses, until } = openLink(mosquitto.url);
    const sent = link.publish('stillroom/riverside/test', 'while away');
    await until('unreachable');
    await until('unreachable');
    await until('unreachable');
    // Once the wait stops growing the status stays as it is: no new report for the same words.
    const waits = statuses.filter((s): s is Extract<MqttStatus, { state: 'unreachable' }> => s.state === 'unreachable').map((s) => s.retryInMs);
    expect(waits).toEqual([50, 100, 200]);
    expect(statuses.at(-1)?.message).toMatch(/can't be reached\. Stillroom keeps working and tries again in 1 second\./);

    await mosquitto.start();
    await until('connected');
    await expect(sent).resolves.toEqual({ ok: true });
  });
});

describe('a client id taken over', () => {
  it('says in words that another client keeps connecting as this hub, and logs it once', async () => {
    const mosquitto = await broker();
    const { statuses, until } = openLink(mosquitto.url);
    await until('connected');
    // A second hub set up with the same site and hub id, or someone reusing the predictable id: each
    // connect ends the other's (Mosquitto 2.0 closes the older one without a DISCONNECT reason).
    const intruder = await rawSubscriber(mosquitto.url, [], { clientId: 'stillroom-riverside-front-desk' });
    cleanups.push(() => intruder.close());
    const takenOver = () => statuses.some((status) => status.state === 'unreachable' && status.message.includes('Another MQTT client keeps connecting as this hub'));
    for (let n = 0; n < 100 && !takenOver(); n++) await until('unreachable');
    expect(takenOver()).toBe(true);
    const status = statuses.findLast((s) => s.message.includes('Another MQTT client'))!;
    expect(status.message).toContain('stillroom-riverside-front-desk');
    expect(status.message).toContain('use_username_as_clientid');
    expect(written.filter((line) => line.includes('another MQTT client keeps connecting'))).toHaveLength(1);
  });
});

describe('credentials', () => {
  it('a refused password is reported once, in plain words, and the broker is not asked again', async () => {
    const mosquitto = await broker({ users: { hub: password } });
    const logBefore = mosquitto.output().length;
    const { statuses, until } = openLink(mosquitto.url, { username: 'hub', password: 'wrong-password' });
    const refused = await until('credentials-refused');
    expect(refused.message).toBe(credentialsRefusedMessage);
    // An observation window of ten retry periods: a link that kept trying would show new attempts.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(statuses.filter((s) => s.state === 'credentials-refused')).toHaveLength(1);
    expect(statuses.filter((s) => s.state === 'unreachable')).toHaveLength(0);
    expect(mosquitto.output().slice(logBefore).match(/New connection from/g)).toHaveLength(1);

    const good = openLink(mosquitto.url, { hubId: 'room-hub', username: 'hub', password });
    await good.until('connected');
  });
});

describe('room commands', () => {
  it('drops every bad payload with a reason and keeps working', async () => {
    const mosquitto = await broker();
    const bus = { prefix: 'stillroom', site: 'riverside' };
    const sender = await rawSubscriber(mosquitto.url, []);
    cleanups.push(() => sender.close());
    // A command someone published retained would replay on every restart: it must be ignored.
    await sender.client.publishAsync(roomCommandTopic(bus, 'willow'), '{"action":"start-session"}', { qos: 1, retain: true });

    const { link, until } = openLink(mosquitto.url);
    await until('connected');
    let commandArrived: (value: [string, RoomCommand]) => void = () => {};
    const firstCommand = new Promise<[string, RoomCommand]>((resolve) => (commandArrived = resolve));
    const received: [string, RoomCommand][] = [];
    const drops: string[] = [];
    let retainedDropped: () => void = () => {};
    const subscribed = new Promise<void>((resolve) => (retainedDropped = resolve));
    const log = createLog((line) => {
      written.push(line);
      const entry = JSON.parse(line) as { message: string; reason?: string };
      if (entry.message !== 'room command dropped') return;
      drops.push(entry.reason ?? '');
      if (drops.length === 1) retainedDropped();
    });
    cleanups.push(
      subscribeRoomCommands(link, { ...bus, knownRooms: () => ['willow', 'oak'], knownPresets: () => ['calm', 'focus'] }, (room, command) => {
        received.push([room, command]);
        commandArrived([room, command]);
      }, log),
    );
    await subscribed;
    await sender.client.publishAsync(roomCommandTopic(bus, 'willow'), '', { qos: 1, retain: true });

    const bad: [string, string | Buffer, string][] = [
      ['willow', 'not json {', 'payload is not JSON'],
      ['willow', '{"action":"apply-preset","preset":7}', 'does not match a room command'],
      ['willow', '{"action":"dance"}', 'does not match a room command'],
      ['willow', '{"action":"end-session","by":"Jane Doe"}', 'does not match a room command'],
      ['willow', '[]', 'does not match a room command'],
      ['willow', Buffer.alloc(1024 * 1024, 0x7b), 'over the 4096-byte limit'],
      ['willow', '{"action":"apply-preset","preset":"disco"}', 'unknown preset'],
      ['attic', '{"action":"start-session"}', 'unknown room'],
    ];
    for (const [room, payload] of bad) await sender.client.publishAsync(roomCommandTopic(bus, room), payload, { qos: 1 });
    await sender.client.publishAsync(roomCommandTopic(bus, 'oak'), '{"action":"apply-preset","preset":"calm"}', { qos: 1 });

    // One publisher, QoS 1: the broker keeps its order, so the good command comes after every bad one.
    expect(await firstCommand).toEqual(['oak', { action: 'apply-preset', preset: 'calm' }]);
    expect(received).toHaveLength(1);
    expect(drops).toEqual([
      expect.stringContaining('retained commands are ignored'),
      // The empty payload that cleared it is published live with retain set: seen as retained too
      // (the subscription keeps the publisher's retain flag, MQTT v5 Retain As Published).
      expect.stringContaining('retained commands are ignored'),
      ...bad.map(([, , reason]) => expect.stringContaining(reason)),
    ]);
    await expect(link.publish('stillroom/riverside/after', 'still here')).resolves.toEqual({ ok: true });
  });
});
