/**
 * Staff can take one arrival off the board without wiping the day (issue 9, item 5: after a flood
 * of made-up check-ins the only cleanup was "wipe today", which deletes the real arrivals too).
 * Real HTTP, a real live socket and a real SQLite file: the removed arrival leaves every screen,
 * its pending notifications go with it, and no byte of it stays in the data folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Arrival } from '../../main/contract/contract.ts';
import { deskAt, demoPin, kioskAt, startHub, type RunningHub } from './support/hubClient.ts';

let hub: RunningHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

const bytesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)));

it('the desk removes one made-up arrival; the others stay, every screen hears of it, and nothing of it is left', async () => {
  hub = await startHub();
  const kiosk = kioskAt(hub.url);
  for (const wishes of [[], ['quieter-room'], []] as const) expect((await kiosk.checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [...wishes] })).status).toBe(200);
  const desk = deskAt(hub.url);
  await desk.login(demoPin);
  const before = await desk.board();
  if (!before.body.ok) throw new Error(before.body.error.message);
  // The kiosk's receipt carries no id; the desk's board does. The made-up one is the one with a wish.
  const ghost = before.body.value.arrivals.find((arrival) => arrival.wishes.length > 0)!;
  const [first, last] = before.body.value.arrivals.filter((arrival) => arrival !== ghost) as [Arrival, Arrival];
  const feed = await desk.subscribe();

  // Nobody without a staff session may remove an arrival.
  expect((await kiosk.call('removeArrival', { arrivalId: ghost.id })).body.ok).toBe(false);

  const removed = await desk.call('removeArrival', { arrivalId: ghost.id });
  expect(removed.body).toEqual({ ok: true, value: { removed: true } });
  expect(await feed.next()).toMatchObject({ type: 'arrival-removed', arrivalId: ghost.id });
  const board = await desk.board();
  if (!board.body.ok) throw new Error(board.body.error.message);
  expect(board.body.value.arrivals.map((arrival) => arrival.id).sort()).toEqual([first.id, last.id].sort());

  // Twice: said in words, nothing else changes.
  const again = await desk.call('removeArrival', { arrivalId: ghost.id });
  expect(again.body).toMatchObject({ ok: false, error: { code: 'not-found', message: 'That arrival is no longer on the board.' } });

  const dataDir = hub.dataDir;
  // While the hub runs (the WAL still open) and after it has closed.
  for (const bytes of bytesOf(dataDir)) expect(bytes.includes(Buffer.from(ghost.id))).toBe(false);
  await feed.close();
  await hub.close();
  hub = undefined;
  for (const bytes of bytesOf(dataDir)) expect(bytes.includes(Buffer.from(ghost.id))).toBe(false);
  expect(bytesOf(dataDir).some((bytes) => bytes.includes(Buffer.from(first.id)))).toBe(true);
});
