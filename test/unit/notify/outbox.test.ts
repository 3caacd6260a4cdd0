/** The outbox table: written with its arrival or not at all, claimed in order, retried with a growing wait. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createArrivalsStore } from '../../../main/hub/arrivals/arrivalsStore.ts';
import type { Arrival } from '../../../main/contract/contract.ts';
import {
  claimDue, enqueueArrivalNotifications, getOutboxRow, hasDeskAlert, makeDueNow, markDelivered, nextDueAt, outboxHealth, recordFailure, retryDelayMs,
} from '../../../main/hub/notify/outbox.ts';
import { busEvent, deskAlert } from '../../../main/hub/notify/routes.ts';
import { openDatabase, type Db } from '../../../main/hub/store/database.ts';
import { tempDir } from '../../support/tempDir.ts';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = tempDir('outbox-unit');
  db = openDatabase(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const arrival = (id: string): Arrival => ({ id, clinicianId: 'sam', slot: { kind: 'later' }, wishes: [], status: 'waiting', source: 'kiosk', arrivedAt: 1000, seenAt: null, endedAt: null, acknowledgedAt: null, acknowledgedBy: null });

it('is written in the check-in transaction: a failed check-in leaves no notification behind', () => {
  const store = createArrivalsStore(db);
  expect(() =>
    store.transaction(() => {
      store.insert(arrival('AAAAAAAAAAAAAAAAAAAAA1'));
      enqueueArrivalNotifications(db, arrival('AAAAAAAAAAAAAAAAAAAAA1'), [busEvent(arrival('AAAAAAAAAAAAAAAAAAAAA1'))], 1000);
      throw new Error('the check-in failed after all');
    }),
  ).toThrow();
  expect(outboxHealth(db).pending).toBe(0);
});

it('claims due rows oldest first, skipping those in flight, and retries with a doubling wait', () => {
  const store = createArrivalsStore(db);
  const ids = store.transaction(() => {
    store.insert(arrival('AAAAAAAAAAAAAAAAAAAAA1'));
    return enqueueArrivalNotifications(db, arrival('AAAAAAAAAAAAAAAAAAAAA1'), [busEvent(arrival('AAAAAAAAAAAAAAAAAAAAA1')), deskAlert(arrival('AAAAAAAAAAAAAAAAAAAAA1'), 10)], 1000);
  });
  expect(claimDue(db, 999, 10)).toEqual([]);
  expect(claimDue(db, 1000, 10).map((row) => row.id)).toEqual(ids);
  expect(claimDue(db, 1000, 10, new Set([ids[0]!])).map((row) => row.id)).toEqual([ids[1]]);
  expect(hasDeskAlert(db, 'AAAAAAAAAAAAAAAAAAAAA1')).toBe(true);

  const row = claimDue(db, 1000, 1)[0]!;
  expect(recordFailure(db, row, 'x'.repeat(500), 2000)).toBe(3000);
  expect(getOutboxRow(db, row.id)).toMatchObject({ attempts: 1, nextAttemptAt: 3000, lastError: 'x'.repeat(300) });
  expect(nextDueAt(db, 2000)).toBe(3000);
  expect(recordFailure(db, getOutboxRow(db, row.id)!, 'again', 3000)).toBe(5000);
  expect(makeDueNow(db, ['mqtt-bus'], 3500)).toBe(1);
  markDelivered(db, row.id, 3600);
  expect(getOutboxRow(db, row.id)).toMatchObject({ attempts: 3, deliveredAt: 3600, lastError: null });
  expect(outboxHealth(db)).toEqual({ pending: 1, oldestCreatedAt: 1000, lastError: null });
});

it('waits 1 s, 2 s, 4 s … and never more than 5 minutes', () => {
  expect([1, 2, 3, 4, 9, 10, 50].map((attempts) => retryDelayMs(attempts))).toEqual([1000, 2000, 4000, 8000, 256_000, 300_000, 300_000]);
});
