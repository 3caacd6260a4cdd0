/**
 * "Deleted means unrecoverable" (issue 9, item 6), tried as forensics would: a hub with a real
 * SQLite file, its WAL, a real log file and a real broker takes check-ins with comfort wishes (the
 * office-bus payloads spell the wishes out), then purges yesterday's, undoes a desk check-in and
 * wipes today. Every byte of every file in the data folder (db, -wal, -shm, logs) is then searched
 * for the removed arrivals' ids and wishes: while the hub still runs (the WAL is where a rewind
 * finds them) and after it stopped (the main file's free pages). The folder is 0700, its files 0600.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckInRequest, ComfortWish } from '../../main/contract/contract.ts';
import { createHub, type Hub } from '../../main/hub/hub.ts';
import { createLog } from '../../main/hub/log.ts';
import { rotatingLogFile } from '../../main/hub/logFile.ts';
import { repoRoot } from './support/hubClient.ts';
import { startMosquitto, type Mosquitto } from './support/mosquitto.ts';
import { writeOffice } from './support/officeBus.ts';

const hour = 3_600_000;
const wishes: ComfortWish[] = ['softer-light', 'quieter-room', 'background-sound'];

/** Every file under `dir`, with its bytes. */
function filesUnder(dir: string): { path: string; bytes: Buffer; mode: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, bytes: readFileSync(path), mode: statSync(path).mode & 0o777 };
    });
}

/** Which of `needles` are still somewhere in the folder, and in which file. */
function leftovers(dir: string, needles: string[]): string[] {
  const found: string[] = [];
  for (const file of filesUnder(dir)) {
    for (const needle of needles) if (file.bytes.includes(Buffer.from(needle))) found.push(`${needle} in ${file.path.slice(dir.length + 1)}`);
  }
  return found;
}

describe('deleted means unrecoverable', () => {
  let broker: Mosquitto;
  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(async () => {
    await broker.dispose();
  });

  it('leaves no byte of a purged, undone or wiped arrival in the data folder, and keeps the folder private', async () => {
    const office = writeOffice({ brokerUrl: broker.url });
    let time = Date.now() - 30 * hour;
    const hub: Hub = await createHub({
      configPath: office.configPath,
      dataDir: office.dataDir,
      rendererDir: join(office.dataDir, 'no-renderer'),
      presetsDir: join(repoRoot, 'presets'),
      log: createLog(rotatingLogFile(join(office.dataDir, 'logs'))),
      env: {},
      now: () => time,
    });
    const removed: string[] = [];
    const call = async <T>(procedure: string, input: object, role: 'kiosk' | 'desk' | 'admin' = 'desk') => {
      const result = await hub.api.call(role, procedure, input);
      if (!result.ok) throw new Error(`${procedure} refused: ${result.error.message}`);
      return result.value as T;
    };
    // Every notification written so far reaches the broker (the payloads with the wishes are on disk by then).
    const healthWaiters: (() => void)[] = [];
    const healthFeed = hub.api.subscribe('desk', 'health', () => healthWaiters.splice(0).forEach((wake) => wake()));
    const delivered = async () => {
      for (;;) {
        const changed = new Promise<void>((resolve) => healthWaiters.push(resolve));
        const { notifications } = await call<{ notifications: { pending: number } }>('officeHealth', {});
        if (notifications.pending === 0) return;
        await changed;
      }
    };
    const board = async () => (await call<{ arrivals: { id: string; status: string }[] }>('deskBoard', {})).arrivals;
    const checkIns: CheckInRequest[] = [
      { clinicianId: 'sam', slot: { kind: 'at', time: '09:50' }, wishes },
      { clinicianId: null, slot: { kind: 'unsure' }, wishes: ['softer-light'] },
      { clinicianId: 'sam', slot: { kind: 'later' }, wishes: ['background-sound', 'quieter-room'] },
    ];
    try {
      // Yesterday: three arrivals, seen and done, then purged once they are past retention.
      for (const request of checkIns) await call('checkIn', request, 'kiosk');
      for (const arrival of await board()) {
        removed.push(arrival.id);
        await call('setStatus', { arrivalId: arrival.id, status: 'with-clinician' });
        await call('setStatus', { arrivalId: arrival.id, status: 'done' });
      }
      await delivered();
      time = Date.now();
      expect(hub.purgeNow()).toBe(3);

      // Today: a desk check-in undone, and three kiosk check-ins wiped.
      const atDesk = await call<{ id: string }>('checkInAtDesk', { clinicianId: 'sam', slot: { kind: 'at', time: '11:00' }, wishes: ['quieter-room'] });
      removed.push(atDesk.id);
      await delivered();
      expect(await call<{ undone: string | null }>('undo', {})).toMatchObject({ undone: expect.stringContaining('checking in') });
      for (const request of checkIns) await call('checkIn', request, 'kiosk');
      removed.push(...(await board()).map((arrival) => arrival.id));
      await delivered();
      expect(await call('wipeToday', {}, 'admin')).toEqual({ wiped: 3 });
      expect(removed).toHaveLength(7);

      // While the hub runs: nothing in the db, its WAL or shm, or the log.
      expect(leftovers(office.dataDir, [...removed, ...wishes])).toEqual([]);
    } finally {
      if (healthFeed.ok) healthFeed.unsubscribe();
      await hub.close();
    }
    // After a clean stop (the WAL checkpointed into the main file): not in its free pages either.
    expect(leftovers(office.dataDir, [...removed, ...wishes])).toEqual([]);

    expect((statSync(office.dataDir).mode & 0o777).toString(8)).toBe('700');
    const modes = filesUnder(office.dataDir).map((file) => `${file.path.slice(office.dataDir.length + 1)} ${file.mode.toString(8)}`);
    expect(modes.filter((line) => !line.endsWith(' 600'))).toEqual([]);
    expect(modes.some((line) => line.startsWith('stillroom.sqlite '))).toBe(true);
  });

  it('makes the database, its WAL and shm private while the hub runs, also in a folder made before', async () => {
    const office = writeOffice({});
    const hub = await createHub({ configPath: office.configPath, dataDir: office.dataDir, rendererDir: join(office.dataDir, 'none'), presetsDir: join(repoRoot, 'presets'), log: createLog(() => {}), env: {} });
    try {
      await hub.api.call('kiosk', 'checkIn', { clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] });
      const names = readdirSync(office.dataDir);
      expect(names).toEqual(expect.arrayContaining(['stillroom.sqlite', 'stillroom.sqlite-wal', 'stillroom.sqlite-shm']));
      expect(Object.fromEntries(names.filter((name) => name.startsWith('stillroom.sqlite')).map((name) => [name, (statSync(join(office.dataDir, name)).mode & 0o777).toString(8)]))).toEqual({
        'stillroom.sqlite': '600',
        'stillroom.sqlite-wal': '600',
        'stillroom.sqlite-shm': '600',
      });
      expect((statSync(office.dataDir).mode & 0o777).toString(8)).toBe('700');
    } finally {
      await hub.close();
    }
  });
});
