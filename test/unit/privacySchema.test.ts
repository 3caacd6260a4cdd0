import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/hub/store/database.ts';
import { tempDir } from '../support/tempDir.ts';

/** Things a careless screen might try to store about a client. */
const personalData = ['Jane Doe', 'J.D.', 'jane.doe@example.com', '07700 900123', '12/03/1984', 'prefers the quiet room, anxious today'];

const validArrival: Record<string, string | number | null> = {
  id: 'k3J9x0aQ_vT2-LmPq7RsWu',
  clinician_id: 'sam',
  slot_kind: 'at',
  slot_minutes: 870,
  wishes: 1,
  status: 'waiting',
  source: 'kiosk',
  arrived_at: 1_736_240_400_000,
  seen_at: null,
  ended_at: null,
  acknowledged_by: 'sam',
};

let db: Db;

beforeEach(() => {
  db = openDatabase(tempDir('data'));
});

function insertArrival(row: Record<string, unknown>): void {
  const columns = Object.keys(row);
  db.prepare(`INSERT INTO arrivals (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
}

describe('privacy by construction: the arrivals table', () => {
  it('has exactly the columns of an arrival, none of them for a person', () => {
    const columns = db.prepare<[], { name: string; type: string }>('PRAGMA table_info(arrivals)').all();
    expect(columns.map(({ name, type }) => `${name} ${type}`)).toEqual([
      'id TEXT',
      'clinician_id TEXT',
      'slot_kind TEXT',
      'slot_minutes INTEGER',
      'wishes INTEGER',
      'status TEXT',
      'source TEXT',
      'arrived_at INTEGER',
      'seen_at INTEGER',
      'ended_at INTEGER',
      'acknowledged_at INTEGER',
      'announced_silently INTEGER',
      'acknowledged_by TEXT',
    ]);
  });

  it('is strict, so a number column cannot take text either', () => {
    const { strict } = db.prepare<[], { strict: number }>("SELECT strict FROM pragma_table_list WHERE name = 'arrivals'").get()!;
    expect(strict).toBe(1);
  });

  it('accepts a valid arrival (so the refusals below are about the name alone)', () => {
    insertArrival(validArrival);
    expect(db.prepare('SELECT count(*) AS n FROM arrivals').get()).toEqual({ n: 1 });
  });

  const attempts = Object.keys(validArrival).flatMap((column) => personalData.map((value) => [column, value] as const));
  it.each(attempts)('refuses to store personal data in %s (%j)', (column, value) => {
    expect(() => insertArrival({ ...validArrival, [column]: value })).toThrow(/CHECK constraint failed|cannot store TEXT value/);
  });

  it.each(personalData)('refuses to change a stored arrival’s text columns to %j', (value) => {
    insertArrival(validArrival);
    for (const column of ['id', 'clinician_id', 'slot_kind', 'status', 'source', 'acknowledged_by']) {
      expect(() => db.prepare(`UPDATE arrivals SET ${column} = ?`).run(value), column).toThrow(/CHECK constraint failed/);
    }
  });
});

describe('privacy by construction: undo history and counts', () => {
  it.each(personalData)('refuses %j in the undo history', (value) => {
    insertArrival(validArrival);
    const insertChange = (kind: string, fromStatus: string) =>
      db.prepare('INSERT INTO arrival_changes (arrival_id, kind, from_status, changed_at) VALUES (?, ?, ?, 0)').run(validArrival.id, kind, fromStatus);
    expect(() => insertChange(value, 'waiting')).toThrow(/CHECK constraint failed/);
    expect(() => insertChange('status', value)).toThrow(/CHECK constraint failed/);
    expect(() =>
      db.prepare("INSERT INTO arrival_changes (arrival_id, kind, from_status, from_clinician_id, changed_at) VALUES (?, 'assigned', 'waiting', ?, 0)").run(validArrival.id, value),
    ).toThrow(/CHECK constraint failed/);
  });

  it.each(personalData)('refuses %j as a day in the kept counts', (value) => {
    expect(() => db.prepare('INSERT INTO arrival_counts (day, hour, arrivals, seen) VALUES (?, 9, 1, 0)').run(value)).toThrow(/CHECK constraint failed/);
  });
});
