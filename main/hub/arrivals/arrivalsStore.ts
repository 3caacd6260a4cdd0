/**
 * Rows in and out of the `arrivals` and `arrival_changes` tables. Plain data access; the rules
 * about what may change live in arrivals.ts.
 */
import type { Arrival, ArrivalStatus, ComfortWish, Slot } from '../../contract/contract.ts';
import { forgetDeleted, type Db } from '../store/database.ts';

const wishBits: Record<ComfortWish, number> = { 'softer-light': 1, 'quieter-room': 2, 'background-sound': 4 };

interface ArrivalRow {
  id: string;
  clinician_id: string | null;
  slot_kind: Slot['kind'];
  slot_minutes: number | null;
  wishes: number;
  status: ArrivalStatus;
  source: 'kiosk' | 'desk';
  arrived_at: number;
  seen_at: number | null;
  ended_at: number | null;
  acknowledged_at: number | null;
  announced_silently: number;
}

export interface ChangeRow {
  seq: number;
  arrival_id: string;
  kind: 'checked-in-at-desk' | 'status';
  from_status: ArrivalStatus | null;
  from_seen_at: number | null;
  from_ended_at: number | null;
}

function toArrival(row: ArrivalRow): Arrival {
  const slot: Slot =
    row.slot_kind === 'at'
      ? { kind: 'at', time: `${String(Math.floor(row.slot_minutes! / 60)).padStart(2, '0')}:${String(row.slot_minutes! % 60).padStart(2, '0')}` }
      : { kind: row.slot_kind };
  return {
    id: row.id,
    clinicianId: row.clinician_id,
    slot,
    wishes: (Object.keys(wishBits) as ComfortWish[]).filter((wish) => row.wishes & wishBits[wish]),
    status: row.status,
    source: row.source,
    arrivedAt: row.arrived_at,
    seenAt: row.seen_at,
    endedAt: row.ended_at,
    acknowledgedAt: row.acknowledged_at,
  };
}

export function createArrivalsStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO arrivals (id, clinician_id, slot_kind, slot_minutes, wishes, status, source, arrived_at, seen_at, ended_at)
     VALUES (@id, @clinician_id, @slot_kind, @slot_minutes, @wishes, @status, @source, @arrived_at, @seen_at, @ended_at)`,
  );
  const byId = db.prepare<[string], ArrivalRow>('SELECT * FROM arrivals WHERE id = ?');
  const since = db.prepare<[number], ArrivalRow>('SELECT * FROM arrivals WHERE arrived_at >= ? ORDER BY arrived_at, id');
  const updateStatus = db.prepare('UPDATE arrivals SET status = ?, seen_at = ?, ended_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM arrivals WHERE id = ?');
  const insertChange = db.prepare(
    `INSERT INTO arrival_changes (arrival_id, kind, from_status, from_seen_at, from_ended_at, changed_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const lastChange = db.prepare<[], ChangeRow>(
    `SELECT seq, arrival_id, kind, from_status, from_seen_at, from_ended_at FROM arrival_changes
     WHERE undone = 0 ORDER BY seq DESC LIMIT 1`,
  );
  const markUndone = db.prepare('UPDATE arrival_changes SET undone = 1 WHERE seq = ?');
  const acknowledge = db.prepare('UPDATE arrivals SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL');
  const announcedSilently = db.prepare('UPDATE arrivals SET announced_silently = 1 WHERE id = ?');
  const silentById = db.prepare<[string], { announced_silently: number }>('SELECT announced_silently FROM arrivals WHERE id = ?');
  const waiting = db.prepare<[], ArrivalRow>("SELECT * FROM arrivals WHERE status = 'waiting'");
  const byVisitKey = db.prepare<[string], ArrivalRow>('SELECT arrivals.* FROM visit_keys JOIN arrivals ON arrivals.id = visit_keys.arrival_id WHERE visit_key = ?');
  const insertVisitKey = db.prepare('INSERT INTO visit_keys (visit_key, arrival_id) VALUES (?, ?)');
  const activeBefore = db.prepare<[number], ArrivalRow>("SELECT * FROM arrivals WHERE arrived_at < ? AND status IN ('waiting', 'with-clinician') ORDER BY arrived_at, id");

  return {
    insert(arrival: Arrival): void {
      insert.run({
        id: arrival.id,
        clinician_id: arrival.clinicianId,
        slot_kind: arrival.slot.kind,
        slot_minutes: arrival.slot.kind === 'at' ? Number(arrival.slot.time.slice(0, 2)) * 60 + Number(arrival.slot.time.slice(3)) : null,
        wishes: arrival.wishes.reduce((bits, wish) => bits | wishBits[wish], 0),
        status: arrival.status,
        source: arrival.source,
        arrived_at: arrival.arrivedAt,
        seen_at: arrival.seenAt,
        ended_at: arrival.endedAt,
      });
    },
    get(id: string): Arrival | undefined {
      const row = byId.get(id);
      return row && toArrival(row);
    },
    listSince(time: number): Arrival[] {
      return since.all(time).map(toArrival);
    },
    setStatus(arrival: Pick<Arrival, 'id' | 'status' | 'seenAt' | 'endedAt'>): void {
      updateStatus.run(arrival.status, arrival.seenAt, arrival.endedAt, arrival.id);
    },
    remove(id: string): void {
      remove.run(id);
    },
    recordChange(change: Omit<ChangeRow, 'seq'>, at: number): void {
      insertChange.run(change.arrival_id, change.kind, change.from_status, change.from_seen_at, change.from_ended_at, at);
    },
    lastChange(): ChangeRow | undefined {
      return lastChange.get();
    },
    markUndone(seq: number): void {
      markUndone.run(seq);
    },
    acknowledge(id: string, at: number): void {
      acknowledge.run(at, id);
    },
    /** The check-in was announced only quietly (the clinician's room was in session). */
    markAnnouncedSilently(id: string): void {
      announcedSilently.run(id);
    },
    announcedSilently(id: string): boolean {
      return silentById.get(id)?.announced_silently === 1;
    },
    /** The arrival a kiosk visit already made, if its check-in was saved before (see CheckInRequest.visitKey). */
    byVisitKey(key: string): Arrival | undefined {
      const row = byVisitKey.get(key);
      return row && toArrival(row);
    },
    rememberVisitKey(key: string, arrivalId: string): void {
      insertVisitKey.run(key, arrivalId);
    },
    /** People still waiting or with their clinician who arrived before `time` (kept after a clock jump). */
    activeBefore(time: number): Arrival[] {
      return activeBefore.all(time).map(toArrival);
    },
    waiting(): Arrival[] {
      return waiting.all().map(toArrival);
    },
    /** After a removal has committed: nothing of the removed row is left in the WAL or free pages. */
    forgetDeleted(): void {
      forgetDeleted(db);
    },
    transaction<T>(work: () => T): T {
      return db.transaction(work)();
    },
  };
}

export type ArrivalsStore = ReturnType<typeof createArrivalsStore>;
