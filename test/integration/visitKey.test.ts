/**
 * Issue 13: the kiosk retries a check-in whose answer it never saw (its deadline passed while the
 * hub was stuck) with the same visit key, and the hub keeps one arrival for it. The key is dropped
 * with the arrival, so nothing about a visit outlives its retention.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { deskAt, demoPin, kioskAt, newDataDir, startHub } from './support/hubClient.ts';

const hour = 3_600_000;

describe('visit keys', () => {
  it('makes one arrival of two check-ins with the same key, and a second visit its own', async () => {
    const running = await startHub();
    const kiosk = kioskAt(running.url);
    const first = await kiosk.checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: ['softer-light'], visitKey: 'visit-aaaaaaaaaaaaaaaa' });
    const again = await kiosk.checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: ['softer-light'], visitKey: 'visit-aaaaaaaaaaaaaaaa' });
    const other = await kiosk.checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [], visitKey: 'visit-bbbbbbbbbbbbbbbb' });
    const desk = deskAt(running.url);
    await desk.login(demoPin);
    const board = (await desk.board()).body as { ok: true; value: { arrivals: { clinicianId: string; wishes: string[] }[] } };
    await running.close();

    expect(first.body).toEqual({ ok: true, value: { toldName: 'Sam' } });
    expect(again.body).toEqual(first.body);
    expect(other.body).toMatchObject({ ok: true });
    expect(board.value.arrivals.map((a) => a.wishes)).toEqual([['softer-light'], []]);
  });

  it('refuses a key that is not a plain token, in words', async () => {
    const running = await startHub();
    const answer = await kioskAt(running.url).checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [], visitKey: "x'; DROP TABLE arrivals; --" });
    await running.close();
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('keeps no key past the visit’s retention, and a retry after it is a new arrival', async () => {
    const today = new Date();
    today.setHours(10, 0, 0, 0);
    const yesterday = new Date(today);
    yesterday.setDate(today.getDate() - 1);
    const dataDir = newDataDir();

    const first = await startHub({ dataDir, now: () => yesterday.getTime() });
    await kioskAt(first.url).checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [], visitKey: 'visit-cccccccccccccccc' });
    await first.close();

    const second = await startHub({ dataDir, now: () => today.getTime() + hour });
    const db = new Database(join(dataDir, 'stillroom.sqlite'), { readonly: true });
    const keysAfterPurge = db.prepare('SELECT count(*) AS n FROM visit_keys').get();
    db.close();
    await kioskAt(second.url).checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [], visitKey: 'visit-cccccccccccccccc' });
    const desk = deskAt(second.url);
    await desk.login(demoPin);
    const board = (await desk.board()).body as { ok: true; value: { arrivals: unknown[] } };
    await second.close();

    expect(keysAfterPurge).toEqual({ n: 0 });
    expect(board.value.arrivals).toHaveLength(1);
  });
});
