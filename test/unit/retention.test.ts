import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CheckInRequest } from '../../main/contract/contract.ts';
import { createArrivals, type Arrivals } from '../../main/hub/arrivals/arrivals.ts';
import { createArrivalsStore } from '../../main/hub/arrivals/arrivalsStore.ts';
import { purgeArrivals, retentionCutoff, startOfLocalDay } from '../../main/hub/arrivals/retention.ts';
import { loadOfficeConfig } from '../../main/hub/config/loadConfig.ts';
import { accepted } from '../support/results.ts';
import { openDatabase, type Db } from '../../main/hub/store/database.ts';
import { tempDir } from '../support/tempDir.ts';

const config = loadOfficeConfig(join(import.meta.dirname, '../../config/demo-office.yaml'));
const mondayAt = (h: number, m = 0) => new Date(2025, 0, 6, h, m).getTime();
const tuesdayAt = (h: number, m = 0) => new Date(2025, 0, 7, h, m).getTime();
const forSam: CheckInRequest = { clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] };

let time: number;
let db: Db;
let arrivals: Arrivals;

beforeEach(() => {
  db = openDatabase(tempDir('data'));
  arrivals = createArrivals({ store: createArrivalsStore(db), config, now: () => time, publish: () => {} });
});

function checkInAt(at: number, seen = false): string {
  time = at;
  const { id } = accepted(arrivals.checkIn(forSam, 'desk'));
  if (seen) accepted(arrivals.setStatus(id, 'with-clinician'));
  return id;
}

const rows = (table: string) => db.prepare(`SELECT * FROM ${table}`).all();

describe('retention cutoff', () => {
  it('is local midnight for "end-of-day"', () => {
    expect(retentionCutoff('end-of-day', tuesdayAt(15, 30))).toBe(tuesdayAt(0));
    expect(startOfLocalDay(tuesdayAt(0))).toBe(tuesdayAt(0));
  });

  it('is that many hours ago for "12h"', () => {
    expect(retentionCutoff('12h', tuesdayAt(15, 30))).toBe(tuesdayAt(3, 30));
  });
});

describe('purging arrivals', () => {
  it('deletes yesterday at the end of the day and keeps only counts per hour', () => {
    checkInAt(mondayAt(9, 10), true);
    checkInAt(mondayAt(9, 40));
    checkInAt(mondayAt(14, 5), true);
    const today = checkInAt(tuesdayAt(8, 0));

    expect(purgeArrivals(db, retentionCutoff('end-of-day', tuesdayAt(10)))).toBe(3);

    expect(arrivals.today().map((a) => a.id)).toEqual([today]);
    expect(rows('arrival_counts')).toEqual([
      { day: '2025-01-06', hour: 9, arrivals: 2, seen: 1 },
      { day: '2025-01-06', hour: 14, arrivals: 1, seen: 1 },
    ]);
  });

  it('leaves nothing of a purged visit behind: no arrival, no undo history', () => {
    checkInAt(mondayAt(9), true);
    purgeArrivals(db, retentionCutoff('end-of-day', tuesdayAt(10)));
    expect(rows('arrivals')).toEqual([]);
    expect(rows('arrival_changes')).toEqual([]);
    expect(arrivals.undo()).toEqual({ undone: null, lastChange: null });
  });

  it('with "12h" keeps this morning and deletes last night', () => {
    checkInAt(mondayAt(20));
    const morning = checkInAt(tuesdayAt(7));
    expect(purgeArrivals(db, retentionCutoff('12h', tuesdayAt(10)))).toBe(1);
    expect(rows('arrivals')).toEqual([expect.objectContaining({ id: morning })]);
    expect(rows('arrival_counts')).toEqual([{ day: '2025-01-06', hour: 20, arrivals: 1, seen: 0 }]);
  });

  it('adds to the counts already kept for the same hour', () => {
    checkInAt(mondayAt(9, 5));
    purgeArrivals(db, mondayAt(9, 30));
    checkInAt(mondayAt(9, 45), true);
    purgeArrivals(db, mondayAt(10));
    expect(rows('arrival_counts')).toEqual([{ day: '2025-01-06', hour: 9, arrivals: 2, seen: 1 }]);
  });

  it('does nothing when every arrival is within retention', () => {
    checkInAt(tuesdayAt(9));
    expect(purgeArrivals(db, retentionCutoff('end-of-day', tuesdayAt(10)))).toBe(0);
    expect(rows('arrival_counts')).toEqual([]);
  });
});
