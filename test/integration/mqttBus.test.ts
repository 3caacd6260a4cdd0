/**
 * The office bus as another system on it sees it: a plain MQTT subscriber receives arrival events
 * and retained room state on exactly the documented topics, with exactly the documented fields,
 * and nothing that could tell anyone who the client is.
 */
import { anArrival } from './support/arrivals.ts';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createArrivalsStore } from '../../main/hub/arrivals/arrivalsStore.ts';
import type { Arrival } from '../../main/contract/contract.ts';
import { connectMqtt, type MqttLink } from '../../main/hub/devices/mqtt/mqttLink.ts';
import { publishRoomState } from '../../main/hub/devices/mqtt/officeBus.ts';
import { mqttBusDelivery } from '../../main/hub/notify/deliveries.ts';
import { createDispatcher } from '../../main/hub/notify/dispatcher.ts';
import { enqueueArrivalNotifications } from '../../main/hub/notify/outbox.ts';
import { busEvent, planCheckInNotifications } from '../../main/hub/notify/routes.ts';
import { openDatabase, type Db } from '../../main/hub/store/database.ts';
import { rawSubscriber, startMosquitto, type Mosquitto } from './support/mosquitto.ts';
import { tempDir } from '../support/tempDir.ts';

const bus = { prefix: 'stillroom', site: 'riverside' };
const cleanups: (() => unknown)[] = [];
let mosquitto: Mosquitto;
let db: Db;
let link: MqttLink;

beforeEach(async () => {
  mosquitto = await startMosquitto();
  const dir = tempDir('bus');
  db = openDatabase(dir);
  const connecting = connectMqtt({ url: mosquitto.url, site: 'riverside', hubId: 'front-desk', onStatus: () => {} });
  if (!connecting.ok) throw new Error(connecting.message);
  link = connecting.link;
  cleanups.push(() => mosquitto.dispose(), () => rmSync(dir, { recursive: true, force: true }), () => db.close(), () => link.close());
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const arrival = (overrides: Partial<Arrival> = {}) => anArrival({ wishes: ['softer-light'], arrivedAt: Date.UTC(2026, 0, 12, 13, 58), ...overrides });

it('arrival events carry the documented fields on the documented topic, and nothing about the person', async () => {
  const watcher = await rawSubscriber(mosquitto.url, ['stillroom/#']);
  cleanups.push(() => watcher.close());
  const dispatcher = createDispatcher({ db, handlers: { 'mqtt-bus': mqttBusDelivery(link, bus) } });
  cleanups.push(() => dispatcher.stop());
  dispatcher.start();

  const store = createArrivalsStore(db);
  const checkedIn = arrival();
  const [messageId] = store.transaction(() => {
    store.insert(checkedIn);
    return enqueueArrivalNotifications(db, checkedIn, planCheckInNotifications(checkedIn, { bus: true, event: false }, false).notifications);
  });
  dispatcher.nudge();
  // A status change goes out on the same topic.
  const seen: Arrival = { ...checkedIn, status: 'with-clinician', seenAt: checkedIn.arrivedAt + 60_000 };
  const [statusMessageId] = enqueueArrivalNotifications(db, seen, [busEvent(seen)]);
  dispatcher.nudge();

  const events = (await watcher.until((m) => m.filter((x) => x.topic.includes('/arrivals/')).length === 2, 'two arrival events')).filter((x) => x.topic.includes('/arrivals/'));
  expect(events.map((e) => [e.topic, e.retain])).toEqual([
    [`stillroom/riverside/arrivals/${checkedIn.id}`, false],
    [`stillroom/riverside/arrivals/${checkedIn.id}`, false],
  ]);
  expect(JSON.parse(events[0]!.text)).toEqual({
    messageId, arrivalId: checkedIn.id, clinicianId: 'sam', slot: { kind: 'at', time: '14:00' }, arrivedAt: checkedIn.arrivedAt, status: 'waiting', wishes: ['softer-light'],
  });
  expect(JSON.parse(events[1]!.text)).toMatchObject({ messageId: statusMessageId, status: 'with-clinician' });
  for (const event of events) {
    expect(Object.keys(JSON.parse(event.text)).sort()).toEqual(['arrivalId', 'arrivedAt', 'clinicianId', 'messageId', 'slot', 'status', 'wishes']);
    expect(event.text).not.toMatch(/name|initial|phone|birth|source|seenAt|note/i);
  }
});

it('room state is retained, so a screen that starts later sees it at once', async () => {
  const state = { preset: 'calm', inSession: true, devices: { lamp: { state: 'on' as const, brightnessPct: 40, kelvin: 2700 }, speaker: { state: 'playing' as const, volumePct: 20 } } };
  await expect(publishRoomState(link, bus, 'willow', state)).resolves.toEqual({ ok: true });
  await expect(publishRoomState(link, bus, 'willow', { ...state, client: 'Jane' } as never)).resolves.toMatchObject({ ok: false, reason: 'rejected' });

  const late = await rawSubscriber(mosquitto.url, ['stillroom/riverside/rooms/+/state']);
  cleanups.push(() => late.close());
  const [retained] = await late.until((m) => m.length > 0, 'the retained room state');
  expect(retained!.topic).toBe('stillroom/riverside/rooms/willow/state');
  expect(retained!.retain).toBe(true);
  expect(JSON.parse(retained!.text)).toEqual(state);
});
