import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { createArrivalsStore } from '../../main/hub/arrivals/arrivalsStore.ts';
import { openDatabase } from '../../main/hub/store/database.ts';
import { migrations } from '../../main/hub/store/migrations.ts';
import { tempDir } from '../support/tempDir.ts';

// The step that lets undo put back an "Assign to…" copies the undo history into a wider table: a
// data folder from before it keeps today's arrivals and what undo can still do with them.
it('keeps the undo history of a data folder written before "Assign to…"', () => {
  const dataDir = tempDir('data');
  const step = migrations.findIndex((sql) => sql.includes('arrival_changes_next'));
  const before = new Database(join(dataDir, 'stillroom.sqlite'));
  before.pragma('foreign_keys = ON');
  migrations.slice(0, step).forEach((sql) => before.exec(sql));
  before.pragma(`user_version = ${step}`);
  before
    .prepare("INSERT INTO arrivals (id, clinician_id, slot_kind, wishes, status, source, arrived_at, seen_at) VALUES ('k3J9x0aQ_vT2-LmPq7RsWu', 'sam', 'later', 0, 'with-clinician', 'kiosk', 1000, 2000)")
    .run();
  before.prepare("INSERT INTO arrival_changes (arrival_id, kind, from_status, changed_at) VALUES ('k3J9x0aQ_vT2-LmPq7RsWu', 'status', 'waiting', 2000)").run();
  before.close();

  const store = createArrivalsStore(openDatabase(dataDir));
  expect(store.lastChange()).toEqual({ seq: 1, arrival_id: 'k3J9x0aQ_vT2-LmPq7RsWu', kind: 'status', from_status: 'waiting', from_seen_at: null, from_ended_at: null, from_clinician_id: null });
  expect(store.get('k3J9x0aQ_vT2-LmPq7RsWu')).toMatchObject({ clinicianId: 'sam', acknowledgedBy: null });
});
