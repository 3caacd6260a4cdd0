/**
 * The dispatcher's promises: delivered means acknowledged, a failure waits out its backoff, and
 * nothing runs in between: no timer when nothing is waiting, one timer for the next due row.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createArrivalsStore } from '../../../main/hub/arrivals/arrivalsStore.ts';
import type { Arrival } from '../../../main/contract/contract.ts';
import { createDispatcher, type DeliveryResult } from '../../../main/hub/notify/dispatcher.ts';
import { enqueueArrivalNotifications, getOutboxRow, type OutboxRow } from '../../../main/hub/notify/outbox.ts';
import { busEvent } from '../../../main/hub/notify/routes.ts';
import { openDatabase, type Db } from '../../../main/hub/store/database.ts';
import { tempDir } from '../../support/tempDir.ts';

let dir: string;
let db: Db;
beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  dir = tempDir('dispatcher');
  db = openDatabase(dir);
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function enqueue(id: string): string {
  const arrival: Arrival = { id, clinicianId: 'sam', slot: { kind: 'later' }, wishes: [], status: 'waiting', source: 'kiosk', arrivedAt: Date.now(), seenAt: null, endedAt: null, acknowledgedAt: null, acknowledgedBy: null };
  const store = createArrivalsStore(db);
  return store.transaction(() => {
    store.insert(arrival);
    return enqueueArrivalNotifications(db, arrival, [busEvent(arrival)], Date.now());
  })[0]!;
}

/** Lets the dispatcher's microtasks and settled promises run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

it('marks delivered only on acknowledgement, and waits out the backoff after a failure', async () => {
  const answers: DeliveryResult[] = [{ ok: false, message: 'broker away' }, { ok: false, message: 'still away' }, { ok: true }];
  const calls: OutboxRow[] = [];
  const dispatcher = createDispatcher({ db, retry: { baseMs: 1000, maxMs: 60_000 }, handlers: { 'mqtt-bus': async (row) => (calls.push(row), answers.shift()!) } });
  dispatcher.start();
  const id = enqueue('AAAAAAAAAAAAAAAAAAAAA1');
  dispatcher.nudge();
  await settle();
  expect(calls).toHaveLength(1);
  expect(getOutboxRow(db, id)).toMatchObject({ deliveredAt: null, attempts: 1, lastError: 'broker away' });
  expect(vi.getTimerCount()).toBe(1);

  await vi.advanceTimersByTimeAsync(999);
  expect(calls).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1);
  expect(calls).toHaveLength(2);
  await vi.advanceTimersByTimeAsync(2000);
  expect(calls).toHaveLength(3);
  expect(getOutboxRow(db, id)).toMatchObject({ deliveredAt: Date.now(), attempts: 3, lastError: null });
  // Nothing is waiting: no timer, no polling.
  expect(vi.getTimerCount()).toBe(0);
  dispatcher.stop();
});

it('a throwing route or a missing one is a failure, never a crash', async () => {
  const dispatcher = createDispatcher({ db, handlers: { 'mqtt-bus': () => { throw new Error('boom'); } } });
  dispatcher.start();
  const id = enqueue('AAAAAAAAAAAAAAAAAAAAA2');
  dispatcher.nudge();
  await settle();
  expect(getOutboxRow(db, id)).toMatchObject({ attempts: 1, lastError: 'boom' });
  dispatcher.stop();

  const without = createDispatcher({ db, handlers: {} });
  without.start();
  without.retryNow(['mqtt-bus']);
  await settle();
  expect(getOutboxRow(db, id)?.lastError).toMatch(/No mqtt-bus connection is configured/);
  without.stop();
});

it('picks up rows left pending by an earlier run as soon as it starts', async () => {
  const id = enqueue('AAAAAAAAAAAAAAAAAAAAA3');
  const dispatcher = createDispatcher({ db, handlers: { 'mqtt-bus': async () => ({ ok: true }) } });
  dispatcher.start();
  await settle();
  expect(getOutboxRow(db, id)?.deliveredAt).toBe(Date.now());
  dispatcher.stop();
});

it('keeps at most maxInFlight deliveries waiting for acknowledgement', async () => {
  const acks: (() => void)[] = [];
  const dispatcher = createDispatcher({ db, maxInFlight: 2, handlers: { 'mqtt-bus': () => new Promise<DeliveryResult>((resolve) => acks.push(() => resolve({ ok: true }))) } });
  dispatcher.start();
  for (const n of [4, 5, 6]) enqueue(`AAAAAAAAAAAAAAAAAAAAA${n}`);
  dispatcher.nudge();
  await settle();
  expect(dispatcher.inFlight()).toBe(2);
  acks.shift()!();
  await settle();
  expect(acks).toHaveLength(2);
  expect(dispatcher.inFlight()).toBe(2);
  dispatcher.stop();
});
