/**
 * The outbox delivers at least once through everything an office throws at it: the broker
 * restarting in the middle of a burst, the hub crashing with deliveries in flight, and Home
 * Assistant being down when notifications fall due.
 */
import { anArrival } from './support/arrivals.ts';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createArrivalsStore } from '../../main/hub/arrivals/arrivalsStore.ts';
import type { Arrival } from '../../main/contract/contract.ts';
import { connectHomeAssistant, type HomeAssistantStatus } from '../../main/hub/devices/homeAssistant/homeAssistantLink.ts';
import { startHomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';
import { connectMqtt, type MqttLink } from '../../main/hub/devices/mqtt/mqttLink.ts';
import { arrivalEventType, homeAssistantDeliveries, mqttBusDelivery } from '../../main/hub/notify/deliveries.ts';
import { acknowledgeActions } from '../../main/hub/notify/actionKey.ts';
import { createDispatcher, type DeliveryResult, type DispatcherOptions } from '../../main/hub/notify/dispatcher.ts';
import { enqueueArrivalNotifications, getOutboxRow, outboxHealth, type OutboxRow } from '../../main/hub/notify/outbox.ts';
import { planCheckInNotifications } from '../../main/hub/notify/routes.ts';
import { openDatabase, type Db } from '../../main/hub/store/database.ts';
import { rawSubscriber, startMosquitto } from './support/mosquitto.ts';
import { tempDir } from '../support/tempDir.ts';

const bus = { prefix: 'stillroom', site: 'riverside' };
const cleanups: (() => unknown)[] = [];
const fastRetry = { baseMs: 50, maxMs: 200 };

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function dataDir(): string {
  const dir = tempDir('outbox');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function open(dir: string): Db {
  const db = openDatabase(dir);
  cleanups.push(() => db.open && db.close());
  return db;
}

function link(url: string, hubId = 'front-desk'): MqttLink {
  const connecting = connectMqtt({ url, site: 'riverside', hubId, retryDelayMs: 50, maxRetryDelayMs: 200, onStatus: () => {} });
  if (!connecting.ok) throw new Error(connecting.message);
  cleanups.push(() => connecting.link.close());
  return connecting.link;
}


/** A check-in as the hub does it: the arrival and its notifications in one transaction. */
function checkIn(db: Db, arrival: Arrival, inSession = false, routes = { bus: true, event: false }): string[] {
  const store = createArrivalsStore(db);
  return store.transaction(() => {
    store.insert(arrival);
    return enqueueArrivalNotifications(db, arrival, planCheckInNotifications(arrival, routes, inSession).notifications);
  });
}

/** A dispatcher plus a promise for "every one of these rows has been acknowledged". */
function dispatch(options: DispatcherOptions) {
  const delivered = new Set<string>();
  const failures: [OutboxRow, DeliveryResult][] = [];
  const waiters = new Set<() => void>();
  const dispatcher = createDispatcher({
    retry: fastRetry,
    ...options,
    onSettled: (row, result) => {
      if (result.ok) delivered.add(row.id);
      else failures.push([row, result]);
      for (const wake of waiters) wake();
    },
  });
  cleanups.push(() => dispatcher.stop());
  const until = (done: () => boolean, what: string, timeoutMs = 15_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; ${delivered.size} delivered, ${failures.length} failures`)), timeoutMs);
      waiters.add(check);
      check();
    });
  return { dispatcher, delivered, failures, until };
}

it('a broker restart in the middle of a burst of 500 loses nothing', { timeout: 30_000 }, async () => {
  const mosquitto = await startMosquitto({ persistence: true });
  cleanups.push(() => mosquitto.dispose());
  const db = open(dataDir());
  const subscriber = await rawSubscriber(mosquitto.url, ['stillroom/riverside/arrivals/+'], { clientId: 'office-screen' });
  cleanups.push(() => subscriber.close());
  const { dispatcher, delivered, until } = dispatch({ db, handlers: { 'mqtt-bus': mqttBusDelivery(link(mosquitto.url), bus) } });
  dispatcher.start();

  const ids: string[] = [];
  const enqueueBatch = () => {
    const store = createArrivalsStore(db);
    store.transaction(() => {
      for (let i = 0; i < 100; i += 1) ids.push(...checkIn(db, anArrival()));
    });
    dispatcher.nudge();
  };
  enqueueBatch();
  enqueueBatch();
  await subscriber.until((m) => m.length >= 100, 'the first 100 events');
  // The broker goes down with the burst under way; the rest is enqueued while it is away.
  const restarting = mosquitto.restart();
  enqueueBatch();
  enqueueBatch();
  enqueueBatch();
  expect(delivered.size).toBeLessThan(500);
  await restarting;

  await until(() => delivered.size === 500, 'all 500 rows acknowledged');
  const received = () => new Set(subscriber.messages.map((m) => (JSON.parse(m.text) as { messageId: string }).messageId));
  await subscriber.until(() => received().size === 500, 'all 500 distinct events at the subscriber');
  expect([...received()].sort()).toEqual([...ids].sort());
  expect(outboxHealth(db).pending).toBe(0);
});

it('after a crash with deliveries in flight, a new dispatcher delivers what was pending', async () => {
  const mosquitto = await startMosquitto();
  cleanups.push(() => mosquitto.dispose());
  const dir = dataDir();
  const subscriber = await rawSubscriber(mosquitto.url, ['stillroom/riverside/arrivals/+']);
  cleanups.push(() => subscriber.close());

  const before = open(dir);
  const ids = [anArrival(), anArrival(), anArrival()].flatMap((arrival) => checkIn(before, arrival));
  let sent = 0;
  let allSent: () => void = () => {};
  const inFlight = new Promise<void>((resolve) => (allSent = resolve));
  // A route that takes the message and never acknowledges it: the process dies first.
  const first = createDispatcher({ db: before, handlers: { 'mqtt-bus': () => { if (++sent === ids.length) allSent(); return new Promise(() => {}); } } });
  first.start();
  await inFlight;
  first.stop();
  before.close();

  const after = open(dir);
  expect(ids.map((id) => getOutboxRow(after, id)?.deliveredAt)).toEqual([null, null, null]);
  const { dispatcher, delivered, until } = dispatch({ db: after, handlers: { 'mqtt-bus': mqttBusDelivery(link(mosquitto.url), bus) } });
  dispatcher.start();
  await until(() => delivered.size === ids.length, 'the pending rows');
  await subscriber.until((m) => m.length === ids.length, 'the events');
  expect(subscriber.messages.map((m) => (JSON.parse(m.text) as { messageId: string }).messageId).sort()).toEqual([...ids].sort());
  expect(ids.every((id) => typeof getOutboxRow(after, id)?.deliveredAt === 'number')).toBe(true);
});

it('notifications due while Home Assistant is down are delivered when it returns', async () => {
  const simulator = await startHomeAssistantSimulator({ notifyServices: ['mobile_app_sams_phone'] });
  const { port, token } = simulator;
  await simulator.close();
  const db = open(dataDir());

  const statuses: HomeAssistantStatus[] = [];
  const connecting = connectHomeAssistant({ url: `http://127.0.0.1:${port}`, token, retryDelayMs: 50, maxRetryDelayMs: 200, onStatus: (status) => statuses.push(status) });
  if (!connecting.ok) throw new Error(connecting.message);
  const ha = connecting.link;
  cleanups.push(() => ha.close());
  const deliveries = homeAssistantDeliveries(ha, acknowledgeActions(randomBytes(32)));
  cleanups.push(() => deliveries.close());
  const { dispatcher, delivered, failures, until } = dispatch({ db, handlers: deliveries.handlers });
  dispatcher.start();

  const routes = { bus: false, push: { service: 'mobile_app_sams_phone' }, event: true };
  const ids = [...checkIn(db, anArrival(), false, routes), ...checkIn(db, anArrival({ slot: { kind: 'later' } }), true, routes)];
  dispatcher.nudge();
  await until(() => new Set(failures.map(([row]) => row.id)).size === ids.length, 'a failed try of each row');
  expect(getOutboxRow(db, ids[0]!)?.lastError).toMatch(/Home Assistant isn't connected/);

  const back = await startHomeAssistantSimulator({ port, token, notifyServices: ['mobile_app_sams_phone'] });
  cleanups.push(() => back.close());
  await until(() => delivered.size === ids.length, 'every notification acknowledged');

  const [pushAtTwo, pushLater] = back.notifications;
  expect(pushAtTwo).toEqual({
    service: 'mobile_app_sams_phone',
    data: { message: 'Your 2:00 client has arrived', data: expect.objectContaining({ tag: ids[0], importance: 'high' }) },
  });
  // The second client arrived while Sam was in session: a silent push, and no event for automations.
  expect(pushLater).toEqual({
    service: 'mobile_app_sams_phone',
    data: { message: 'Your client has arrived', data: expect.objectContaining({ tag: ids[2], push: { 'interruption-level': 'passive' }, importance: 'low' }) },
  });
  const events = back.received.map((r) => r.message as { type: string; event_type?: string; event_data?: object }).filter((m) => m.type === 'fire_event');
  expect(events).toEqual([
    expect.objectContaining({ event_type: arrivalEventType, event_data: expect.objectContaining({ messageId: ids[1], slot: '14:00', message: 'Your 2:00 client has arrived' }) }),
  ]);
  expect(ids).toHaveLength(3);
  expect(statuses.some((s) => s.state === 'connected')).toBe(true);
});
