import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createHub } from '../../main/hub/hub.ts';
import { silentLog } from '../../main/hub/log.ts';
import { openDatabase } from '../../main/hub/store/database.ts';
import { deskAt, demoConfig, demoPin, kioskAt, newDataDir, startHub } from './support/hubClient.ts';

const hour = 3_600_000;

describe('retention across midnight', () => {
  it('removes yesterday’s arrivals when the hub starts today, keeping only the counts', async () => {
    const today = new Date();
    today.setHours(10, 0, 0, 0);
    const yesterday = new Date(today);
    yesterday.setDate(today.getDate() - 1);
    const dataDir = newDataDir();

    const first = await startHub({ dataDir, now: () => yesterday.getTime() });
    const yesterdaysDesk = deskAt(first.url);
    await yesterdaysDesk.login(demoPin);
    const feed = await yesterdaysDesk.subscribe();
    await kioskAt(first.url).checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] });
    await kioskAt(first.url).checkIn({ clinicianId: null, slot: { kind: 'unsure' }, wishes: [] });
    await yesterdaysDesk.setStatus((await feed.nextArrival()).id, 'with-clinician');
    feed.close();
    await first.close();

    const second = await startHub({ dataDir, now: () => today.getTime() + hour });
    const desk = deskAt(second.url);
    await desk.login(demoPin);
    const board = await desk.board();
    await second.close();

    expect(board.body).toMatchObject({ ok: true, value: { arrivals: [] } });
    const db = new Database(join(dataDir, 'stillroom.sqlite'), { readonly: true });
    const yesterdayDay = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`;
    expect({ arrivals: db.prepare('SELECT count(*) AS n FROM arrivals').get(), counts: db.prepare('SELECT * FROM arrival_counts').all() }).toEqual({
      arrivals: { n: 0 },
      counts: [{ day: yesterdayDay, hour: 10, arrivals: 2, seen: 1 }],
    });
    db.close();
  });

  it('tells a desk that is watching at midnight to start a fresh board', async () => {
    let time = new Date(2025, 0, 6, 23, 50).getTime();
    const running = await startHub({ now: () => time });
    await kioskAt(running.url).checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] });
    const desk = deskAt(running.url);
    await desk.login(demoPin);
    const feed = await desk.subscribe();

    time += hour;
    expect(running.hub.purgeNow()).toBe(1);

    expect(await feed.next()).toEqual({ type: 'board-reset' });
    feed.close();
    await running.close();
  });
});

describe('wiping today', () => {
  it('deletes every arrival of today at once, counts nothing, and tells the desk to reload', async () => {
    const dataDir = newDataDir();
    const hub = await createHub({ configPath: demoConfig, dataDir, rendererDir: join(dataDir, 'none'), log: silentLog });
    try {
      const events: string[] = [];
      const subscription = hub.api.subscribe('desk', 'arrivals', (event) => events.push(event.type));
      for (const clinicianId of ['sam', 'noor']) await hub.api.call('kiosk', 'checkIn', { clinicianId, slot: { kind: 'later' }, wishes: [] });

      expect(await hub.api.call('admin', 'wipeToday', {})).toEqual({ ok: true, value: { wiped: 2 } });
      const board = await hub.api.call('desk', 'deskBoard', {});
      expect(board.ok && (board.value as { arrivals: unknown[] }).arrivals).toEqual([]);
      expect(events.at(-1)).toBe('board-reset');
      if (subscription.ok) subscription.unsubscribe();
      expect(await hub.api.call('kiosk', 'wipeToday', {})).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    } finally {
      await hub.close();
    }
    const db = openDatabase(dataDir);
    expect(db.prepare('SELECT COUNT(*) AS n FROM arrival_counts').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM arrival_changes').get()).toEqual({ n: 0 });
    db.close();
  });
});
