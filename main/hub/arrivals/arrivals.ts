/**
 * Check-in and the arrival lifecycle: who may be checked in, how a status moves, what "undo"
 * puts back. Every change is announced on the `arrivals` live topic.
 */
import { randomBytes } from 'node:crypto';
import { canMove, statusWords } from '../../contract/arrivalRules.ts';
import type { Arrival, ArrivalStatus, CheckInRequest, LastChange, LiveEvent } from '../../contract/contract.ts';
import { slotWords } from '../../contract/slots.ts';
import type { OfficeConfig } from '../config/officeConfig.ts';
import { weekdays } from '../config/openingHours.ts';
import { ok, refuse, type Result } from '../result.ts';
import type { ArrivalsStore, ChangeRow } from './arrivalsStore.ts';
import { startOfLocalDay } from './retention.ts';

/** What happens beyond the board when an arrival changes: the notifications (see main/notify). */
export interface ArrivalAnnouncer {
  /** Inside the change's own transaction: whatever is written here commits with it, or not at all. */
  inTransaction(arrival: Arrival, change: ArrivalChange): void;
  /** After the commit: start delivering. */
  committed(arrival: Arrival, change: ArrivalChange): void;
}
/** `assigned`: the desk gave the arrival to a clinician, who is told as at a check-in. */
export type ArrivalChange = 'checked-in' | 'status' | 'undone' | 'acknowledged' | 'assigned';

export interface ArrivalsDeps {
  store: ArrivalsStore;
  config: OfficeConfig;
  now: () => number;
  publish: (event: LiveEvent) => void;
  /** Told of every change, in order: the notifications, then anything that reacts to an arrival. */
  announcers?: readonly ArrivalAnnouncer[];
  /** True after the clock jumped forward: people still waiting from "before today" stay on the board (retention.ts). */
  keepsActive?: () => boolean;
}

export function createArrivals({ store, config, now, publish, announcers = [], keepsActive = () => false }: ArrivalsDeps) {
  const announcer: ArrivalAnnouncer = {
    inTransaction: (arrival, change) => announcers.forEach((each) => each.inTransaction(arrival, change)),
    committed: (arrival, change) => announcers.forEach((each) => each.committed(arrival, change)),
  };
  // Looked up each time: the admin surface changes the clinicians while the hub runs (config/officeFile.ts).
  const clinicians = { get: (id: string) => config.clinicians.find((clinician) => clinician.id === id) };

  function cliniciansWorkingToday() {
    const today = weekdays[new Date(now()).getDay()]!;
    return config.clinicians.filter((clinician) => clinician.days.includes(today));
  }

  const nameOf = (clinicianId: string) => clinicians.get(clinicianId)?.displayName ?? clinicianId;

  function describe(change: ChangeRow, arrival: Arrival): string {
    const owner = change.kind === 'assigned' ? change.from_clinician_id : arrival.clinicianId;
    const whose = owner ? `${nameOf(owner)}'s` : "the front desk's";
    const client = `${whose} ${arrival.slot.kind === 'at' ? `${slotWords(arrival.slot)} ` : ''}client`;
    if (change.kind === 'checked-in-at-desk') return `checking in ${client}`;
    if (change.kind === 'assigned') return `giving ${client} to ${arrival.clinicianId ? nameOf(arrival.clinicianId) : 'the front desk'}`;
    return `marking ${client} ${statusWords[arrival.status]}`;
  }

  function lastChange(): LastChange {
    const change = store.lastChange();
    const arrival = change && store.get(change.arrival_id);
    if (!change || !arrival) return null;
    const owner = change.kind === 'assigned' ? change.from_clinician_id : arrival.clinicianId;
    const facts = { kind: change.kind, owner, slot: arrival.slot, to: arrival.clinicianId, status: arrival.status };
    return { arrivalId: arrival.id, description: describe(change, arrival), facts };
  }

  /**
   * A new arrival, or, when the request carries the visit key of a check-in already saved (the
   * kiosk retrying after its deadline while the first attempt was in fact stored), that arrival
   * again: nothing is doubled, announced twice or published twice.
   */
  function checkIn(request: CheckInRequest, source: Arrival['source']): Result<Arrival> {
    if (request.visitKey !== undefined) {
      const saved = store.byVisitKey(request.visitKey);
      if (saved) return ok(saved);
    }
    if (request.clinicianId !== null) {
      const clinician = clinicians.get(request.clinicianId);
      const available = source === 'desk' ? clinician : cliniciansWorkingToday().find((c) => c.id === request.clinicianId);
      if (!available) return refuse('not-found', 'That clinician is not seeing clients here today. Please check with the front desk.');
    }
    if (source === 'kiosk' && request.slot.kind === 'at' && !config.kiosk.askAppointmentTime) {
      return refuse('invalid-input', 'This kiosk does not ask for appointment times.');
    }
    const arrival: Arrival = {
      id: randomBytes(16).toString('base64url'),
      clinicianId: request.clinicianId,
      slot: request.slot,
      wishes: request.wishes,
      status: 'waiting',
      source,
      arrivedAt: now(),
      seenAt: null,
      endedAt: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
    };
    store.transaction(() => {
      store.insert(arrival);
      if (request.visitKey !== undefined) store.rememberVisitKey(request.visitKey, arrival.id);
      if (source === 'desk') {
        store.recordChange({ arrival_id: arrival.id, kind: 'checked-in-at-desk', from_status: null, from_seen_at: null, from_ended_at: null }, arrival.arrivedAt);
      }
      announcer.inTransaction(arrival, 'checked-in');
    });
    announcer.committed(arrival, 'checked-in');
    publish({ type: 'arrival', change: 'checked-in', arrival, lastChange: lastChange() });
    return ok(arrival);
  }

  function setStatus(arrivalId: string, status: ArrivalStatus): Result<Arrival> {
    const arrival = store.get(arrivalId);
    if (!arrival) return refuse('not-found', 'That arrival is no longer on the board.');
    if (arrival.status === status) return refuse('conflict', `This arrival is already ${statusWords[status]}.`);
    if (!canMove(arrival.status, status)) {
      return refuse('conflict', `An arrival that is ${statusWords[arrival.status]} cannot be marked ${statusWords[status]}. Use undo to correct a mistake.`);
    }
    const time = now();
    const updated: Arrival = {
      ...arrival,
      status,
      seenAt: status === 'with-clinician' ? time : arrival.seenAt,
      endedAt: status === 'done' || status === 'cancelled' ? time : arrival.endedAt,
    };
    store.transaction(() => {
      store.setStatus(updated);
      store.recordChange({ arrival_id: arrival.id, kind: 'status', from_status: arrival.status, from_seen_at: arrival.seenAt, from_ended_at: arrival.endedAt }, time);
      announcer.inTransaction(updated, 'status');
    });
    announcer.committed(updated, 'status');
    publish({ type: 'arrival', change: 'status', arrival: updated, lastChange: lastChange() });
    return ok(updated);
  }

  /** Puts back the desk's most recent change; returns what was undone in words, or null. */
  function undo(): { undone: string | null; lastChange: LastChange } {
    const change = store.lastChange();
    const arrival = change && store.get(change.arrival_id);
    if (!change || !arrival) return { undone: null, lastChange: null };
    const undone = describe(change, arrival);
    if (change.kind === 'checked-in-at-desk') {
      store.transaction(() => store.remove(arrival.id));
      store.forgetDeleted();
      publish({ type: 'arrival-removed', arrivalId: arrival.id, lastChange: lastChange() });
    } else if (change.kind === 'assigned') {
      const restored: Arrival = { ...arrival, clinicianId: change.from_clinician_id, acknowledgedAt: null, acknowledgedBy: null };
      store.transaction(() => {
        store.assign(arrival.id, change.from_clinician_id);
        store.markUndone(change.seq);
        announcer.inTransaction(restored, 'undone');
      });
      announcer.committed(restored, 'undone');
      publish({ type: 'arrival', change: 'undone', arrival: restored, lastChange: lastChange() });
    } else {
      const restored: Arrival = { ...arrival, status: change.from_status!, seenAt: change.from_seen_at, endedAt: change.from_ended_at };
      store.transaction(() => {
        store.setStatus(restored);
        store.markUndone(change.seq);
        announcer.inTransaction(restored, 'undone');
      });
      announcer.committed(restored, 'undone');
      publish({ type: 'arrival', change: 'undone', arrival: restored, lastChange: lastChange() });
    }
    return { undone, lastChange: lastChange() };
  }

  /**
   * Deletes one arrival (a check-in by mistake, or one of a flood of made-up ones) without wiping the
   * day: its changes, visit key and pending notifications go with it (ON DELETE CASCADE), and nothing
   * of it is left in the WAL. Not undoable: deleted means gone.
   */
  function remove(arrivalId: string): Result<{ removed: true }> {
    if (!store.get(arrivalId)) return refuse('not-found', 'That arrival is no longer on the board.');
    store.transaction(() => store.remove(arrivalId));
    store.forgetDeleted();
    publish({ type: 'arrival-removed', arrivalId, lastChange: lastChange() });
    return ok({ removed: true });
  }

  /**
   * "Assign to…": the desk gives a waiting client to a clinician (an "I'm not sure" arrival, or a
   * tile tapped by mistake). The clinician hears of it as of a check-in; undo gives the client back.
   */
  function assign(arrivalId: string, clinicianId: string): Result<Arrival> {
    const arrival = store.get(arrivalId);
    if (!arrival) return refuse('not-found', 'That arrival is no longer on the board.');
    const clinician = clinicians.get(clinicianId);
    if (!clinician) return refuse('not-found', 'That clinician is not in the office setup any more.');
    if (arrival.status !== 'waiting') return refuse('conflict', `Only a waiting client can be given to a clinician; this one is ${statusWords[arrival.status]}.`);
    if (arrival.clinicianId === clinicianId) return refuse('conflict', `This client is already ${clinician.displayName}'s.`);
    const updated: Arrival = { ...arrival, clinicianId, acknowledgedAt: null, acknowledgedBy: null };
    store.transaction(() => {
      store.assign(arrivalId, clinicianId);
      store.recordChange({ arrival_id: arrivalId, kind: 'assigned', from_status: arrival.status, from_seen_at: arrival.seenAt, from_ended_at: arrival.endedAt, from_clinician_id: arrival.clinicianId }, now());
      announcer.inTransaction(updated, 'assigned');
    });
    announcer.committed(updated, 'assigned');
    publish({ type: 'arrival', change: 'status', arrival: updated, lastChange: lastChange() });
    return ok(updated);
  }

  /**
   * "On my way", from a room's screen or the clinician's phone. `by` is who is going (in a shared
   * room, maybe not the arrival's own clinician); without it, the arrival's own. Saying it twice
   * keeps the first.
   */
  function acknowledge(arrivalId: string, by: string | null = null): Result<Arrival> {
    const arrival = store.get(arrivalId);
    if (!arrival) return refuse('not-found', 'That arrival is no longer on the board.');
    if (by !== null && !clinicians.get(by)) return refuse('not-found', 'That clinician is not in the office setup any more.');
    if (arrival.acknowledgedAt !== null) return ok(arrival);
    const updated: Arrival = { ...arrival, acknowledgedAt: now(), acknowledgedBy: by ?? arrival.clinicianId };
    store.transaction(() => {
      store.acknowledge(arrivalId, updated.acknowledgedAt!, updated.acknowledgedBy);
      announcer.inTransaction(updated, 'acknowledged');
    });
    announcer.committed(updated, 'acknowledged');
    publish({ type: 'arrival', change: 'status', arrival: updated, lastChange: lastChange() });
    return ok(updated);
  }

  return {
    cliniciansWorkingToday,
    acknowledge,
    assign,
    checkIn,
    setStatus,
    undo,
    remove,
    lastChange,
    today: () => {
      // A time ahead of the clock (written before it was set back) shows as now: no negative waits.
      const time = now();
      const since = startOfLocalDay(time);
      return [...(keepsActive() ? store.activeBefore(since) : []), ...store.listSince(since)].map((arrival) => (arrival.arrivedAt > time ? { ...arrival, arrivedAt: time } : arrival));
    },
    displayName: (clinicianId: string | null) => (clinicianId ? clinicians.get(clinicianId)?.displayName ?? null : null),
  };
}

export type Arrivals = ReturnType<typeof createArrivals>;
