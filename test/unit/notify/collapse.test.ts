/**
 * A burst of check-ins for one clinician is a few pushes and one glow, not forty (notify/collapse.ts):
 * with a real SQLite outbox, as the hub writes it inside each check-in's transaction.
 */
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Arrival } from '../../../main/contract/contract.ts';
import { createArrivalsStore, type ArrivalsStore } from '../../../main/hub/arrivals/arrivalsStore.ts';
import { placeArrivalNotifications } from '../../../main/hub/notify/collapse.ts';
import { claimDue, markDelivered, nextDueAt, type OutboxRow } from '../../../main/hub/notify/outbox.ts';
import { planCheckInNotifications, ClinicianRoutes } from '../../../main/hub/notify/routes.ts';
import { openDatabase, type Db } from '../../../main/hub/store/database.ts';
import { tempDir } from '../../support/tempDir.ts';

let dir: string;
let db: Db;
let store: ArrivalsStore;
beforeEach(() => {
  dir = tempDir('collapse-unit');
  db = openDatabase(dir);
  store = createArrivalsStore(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const sam = ClinicianRoutes.parse({ push: { service: 'mobile_app_sams_phone' }, cue: { light: 'light.willow_lamp', seconds: 20 } });
const alex = ClinicianRoutes.parse({ push: { service: 'mobile_app_alexs_phone' }, cue: { light: 'light.oak_lamp', seconds: 20 } });
let count = 0;
/** A check-in at `time`, written as the hub writes it; returns the arrival. */
function checkIn(time: number, routes = sam, slot: Arrival['slot'] = { kind: 'later' }, inSession = false): Arrival {
  count += 1;
  const arrival: Arrival = {
    id: `AAAAAAAAAAAAAAAAAAA${String(count).padStart(3, '0')}`, clinicianId: routes === sam ? 'sam' : 'alex', slot, wishes: [], status: 'waiting', source: 'kiosk',
    arrivedAt: time, seenAt: null, endedAt: null, acknowledgedAt: null, acknowledgedBy: null,
  };
  store.transaction(() => {
    store.insert(arrival);
    placeArrivalNotifications(db, arrival, planCheckInNotifications(arrival, routes, inSession).notifications, time);
  });
  return arrival;
}
/** Everything due by `time`, marked delivered as the dispatcher would once Home Assistant answered. */
function deliverDue(time: number): OutboxRow[] {
  const rows = claimDue(db, time, 1000);
  for (const row of rows) markDelivered(db, row.id, time);
  return rows;
}
const pushes = (rows: OutboxRow[]) => rows.filter((row) => row.route === 'ha-notify').map((row) => (row.payload as { message: string }).message);
const cues = (rows: OutboxRow[]) => rows.filter((row) => row.route === 'light-cue').map((row) => (row.payload as { light: string }).light);

it('forty check-ins in a minute for one clinician: three pushes at once, then one that says how many more, and one long glow', () => {
  const start = 1_000_000;
  const sent: { at: number; rows: OutboxRow[] }[] = [];
  // Home Assistant answers at once: each check-in's notifications go out as it is made.
  for (let i = 0; i < 40; i += 1) {
    const at = start + i * 1500;
    checkIn(at, sam, i === 0 ? { kind: 'at', time: '14:00' } : { kind: 'later' });
    sent.push({ at, rows: deliverDue(at) });
  }
  const during = sent.flatMap(({ rows }) => rows);
  expect(pushes(during)).toEqual(['Your 2:00 client has arrived', 'Your client has arrived', 'Your client has arrived']);
  // A cue every 20 s at most; the lamp's restore waits for the last (deliveries.ts), so it glows once, throughout.
  expect(sent.filter(({ rows }) => cues(rows).length > 0).map(({ at }) => (at - start) / 1000)).toEqual([0, 21, 42]);

  // The other 37 are one push, when the minute after the first is over.
  expect(nextDueAt(db, start + 58_500)).toBe(start + 60_000);
  expect(pushes(deliverDue(start + 60_000))).toEqual(['37 more clients have arrived']);
  // A check-in after that minute is told at once again.
  checkIn(start + 61_500);
  expect(pushes(deliverDue(start + 61_500))).toEqual(['Your client has arrived']);
});

it('a single check-in held back keeps its own words; other clinicians\' phones and lamps are not held by it', () => {
  const start = 2_000_000;
  for (let i = 0; i < 3; i += 1) checkIn(start + i);
  checkIn(start + 10, sam, { kind: 'at', time: '15:30' });
  checkIn(start + 20, alex, { kind: 'at', time: '15:30' });
  const now = deliverDue(start + 20);
  expect(pushes(now)).toEqual(['Your client has arrived', 'Your client has arrived', 'Your client has arrived', 'Your 3:30 client has arrived']);
  expect(cues(now)).toEqual(['light.willow_lamp', 'light.oak_lamp']);
  expect(pushes(deliverDue(start + 60_000))).toEqual(['Your 3:30 client has arrived']);
});

it('while Home Assistant is away a waiting cue is not doubled, and the held push still gathers what came after', () => {
  const start = 3_000_000;
  // Nothing is delivered: Home Assistant is down for ten minutes.
  for (let i = 0; i < 6; i += 1) checkIn(start + i * 100_000);
  const back = deliverDue(start + 600_000);
  expect(cues(back)).toEqual(['light.willow_lamp']);
  // Six arrivals ten minutes apart are no burst: each push goes, as the desk would expect.
  expect(pushes(back)).toHaveLength(6);
});

it('a held-back push that went out is never changed: later check-ins count the minute afresh', () => {
  const start = 4_000_000;
  for (let i = 0; i < 4; i += 1) checkIn(start + i);
  expect(pushes(deliverDue(start + 60_000))).toEqual(['Your client has arrived', 'Your client has arrived', 'Your client has arrived', 'Your client has arrived']);
  // Three pushes in the last minute (+1 s, +2 s and the held one at +60 s) leave room for two more.
  for (let i = 5; i <= 8; i += 1) checkIn(start + 60_000 + i);
  expect(pushes(deliverDue(start + 60_008))).toEqual(['Your client has arrived', 'Your client has arrived']);
  expect(nextDueAt(db, start + 60_008)).toBe(start + 120_000);
  expect(pushes(deliverDue(start + 120_000))).toEqual(['2 more clients have arrived']);
});
