/**
 * Time and storage faults are survived (issue 9, item 11): a forward clock jump purges nobody who
 * is still waiting; times ahead of the clock are clamped; a damaged database is set aside and a
 * fresh one started, with the desk told; a second hub on the same data folder refuses to start.
 * Real SQLite files; the last two with the real `stillroom serve` processes.
 */
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Arrival, OfficeHealth } from '../../main/contract/contract.ts';
import { createHub, type Hub } from '../../main/hub/hub.ts';
import { createLog } from '../../main/hub/log.ts';
import { demoConfig, kioskAt, newDataDir } from './support/hubClient.ts';
import { serveFromCli, type HubProcess } from './support/hubProcess.ts';
import { signedInDesk } from './support/officeBus.ts';

const minute = 60_000;

/** A hub on the demo office whose wall clock and monotonic clock the test moves separately. */
async function hubWithClocks(start: number) {
  const clocks = { wall: start, monotonic: 0 };
  const lines: string[] = [];
  const dataDir = newDataDir();
  const hub: Hub = await createHub({ configPath: demoConfig, dataDir, rendererDir: join(dataDir, 'none'), log: createLog((line) => lines.push(line)), now: () => clocks.wall, monotonic: () => clocks.monotonic });
  const board = async () => {
    const result = await hub.api.call('desk', 'deskBoard', {});
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { arrivals: Arrival[]; now: number }).arrivals;
  };
  const checkIn = async () => {
    const result = await hub.api.call('kiosk', 'checkIn', { clinicianId: null, slot: { kind: 'unsure' }, wishes: [] });
    if (!result.ok) throw new Error(result.error.message);
  };
  return { hub, clocks, lines, dataDir, board, checkIn };
}

const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

describe('the clock', () => {
  it('jumping forward by hours purges nobody still waiting or with their clinician, and says so in the log', async () => {
    // A kiosk PC that booted on yesterday evening's time, then synced with the network.
    const today = new Date();
    today.setHours(9, 30, 0, 0);
    const staleEvening = new Date(today);
    staleEvening.setDate(today.getDate() - 1);
    staleEvening.setHours(18, 0, 0, 0);
    const office = await hubWithClocks(staleEvening.getTime());
    closing.push(() => office.hub.close());
    for (let n = 0; n < 3; n++) await office.checkIn();
    const [first] = await office.board();
    await office.hub.api.call('desk', 'setStatus', { arrivalId: first!.id, status: 'with-clinician' });

    office.clocks.wall = today.getTime();
    office.clocks.monotonic += 2 * minute;
    expect(office.hub.purgeNow()).toBe(0);
    expect((await office.board()).map((arrival) => arrival.status).sort()).toEqual(['waiting', 'waiting', 'with-clinician']);
    expect(office.lines.some((line) => line.includes('the clock jumped forward'))).toBe(true);

    // When the day really ends (both clocks agree), they go as every day's arrivals do.
    const nextMidnight = new Date(today);
    nextMidnight.setDate(today.getDate() + 1);
    nextMidnight.setHours(0, 1, 0, 0);
    office.clocks.monotonic += nextMidnight.getTime() - office.clocks.wall;
    office.clocks.wall = nextMidnight.getTime();
    expect(office.hub.purgeNow()).toBe(3);
    expect(await office.board()).toEqual([]);
  });

  it('set back after a check-in shows no negative wait, and the stored time is clamped to now', async () => {
    const now = Date.now();
    const office = await hubWithClocks(now + 19 * 60 * minute);
    closing.push(() => office.hub.close());
    await office.checkIn();
    office.clocks.wall = now;
    office.clocks.monotonic += minute;
    const [arrival] = await office.board();
    expect(arrival!.arrivedAt).toBeLessThanOrEqual(now);
    office.hub.purgeNow();
    const db = new Database(join(office.dataDir, 'stillroom.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT max(arrived_at) AS latest FROM arrivals').get()).toEqual({ latest: now });
    } finally {
      db.close();
    }
  });
});

describe('storage', () => {
  /** Serves `dataDir` until the test ends. */
  const serve = async (dataDir: string): Promise<HubProcess> => {
    const running = await serveFromCli(dataDir);
    closing.push(() => running.kill());
    return running;
  };

  for (const [damage, at] of [
    ['a header overwritten', 0],
    ['8 KB overwritten in the middle', 4096],
  ] as const) {
    it(`with ${damage}, the database is set aside (named with the time), a fresh one serves, and the desk is told`, async () => {
      const dataDir = newDataDir();
      const before = await serve(dataDir);
      expect((await kioskAt(before.url).checkIn({ clinicianId: null, slot: { kind: 'unsure' }, wishes: [] })).status).toBe(200);
      await before.kill();
      const fd = openSync(join(dataDir, 'stillroom.sqlite'), 'r+');
      writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, at);
      closeSync(fd);

      const after = await serve(dataDir);
      const setAside = readdirSync(dataDir).filter((name) => name.startsWith('stillroom.sqlite.corrupt-'));
      expect(setAside).toEqual([expect.stringMatching(/^stillroom\.sqlite\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/)]);
      expect(readFileSync(join(dataDir, setAside[0]!)).subarray(at, at + 8192).every((byte) => byte === 0xa5)).toBe(true);
      expect((await kioskAt(after.url).checkIn({ clinicianId: null, slot: { kind: 'unsure' }, wishes: [] })).status).toBe(200);
      const desk = await signedInDesk(after.url);
      const health = await desk.call<OfficeHealth>('officeHealth', {});
      expect(health.body.ok && health.body.value.hub?.problem).toMatch(/database was damaged.*set it aside.*look in the waiting room/);
    });
  }

  it('refuses a second hub on the same data folder with a clear message, and takes the folder once the first is gone', async () => {
    const dataDir = newDataDir();
    const first = await serve(dataDir);
    const second = await serveFromCli(dataDir).then(
      (running) => {
        closing.push(() => running.kill());
        return 'it started';
      },
      (error: Error) => error.message,
    );
    expect(second).toContain(`Another Stillroom hub (process ${first.child.pid}) is already using the data folder ${dataDir}`);
    expect(second).toContain('Stop the other hub first');

    // A hub that died without cleaning up leaves the lock; the next one takes it over.
    await first.kill('SIGKILL');
    const third = await serve(dataDir);
    expect((await kioskAt(third.url).checkIn({ clinicianId: null, slot: { kind: 'unsure' }, wishes: [] })).status).toBe(200);
  });
});
