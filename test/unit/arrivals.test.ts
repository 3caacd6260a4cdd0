import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { canMove, nextStatuses } from '../../main/contract/arrivalRules.ts';
import type { ArrivalStatus, CheckInRequest, LiveEvent } from '../../main/contract/contract.ts';
import { createArrivals, type Arrivals } from '../../main/hub/arrivals/arrivals.ts';
import { createArrivalsStore } from '../../main/hub/arrivals/arrivalsStore.ts';
import { loadOfficeConfig } from '../../main/hub/config/loadConfig.ts';
import { accepted, refusal } from '../support/results.ts';
import { openDatabase } from '../../main/hub/store/database.ts';
import { tempDir } from '../support/tempDir.ts';

const config = loadOfficeConfig(join(import.meta.dirname, '../../config/demo-office.yaml'));
/** Tuesday 7 January 2025, 10:00 local time: Ana (mon, wed, fri, sat) is not in. */
const tuesdayMorning = new Date(2025, 0, 7, 10, 0).getTime();
const minute = 60_000;

const forSam: CheckInRequest = { clinicianId: 'sam', slot: { kind: 'at', time: '10:00' }, wishes: ['softer-light'] };

let time: number;
let events: LiveEvent[];
let arrivals: Arrivals;

beforeEach(() => {
  time = tuesdayMorning;
  events = [];
  const db = openDatabase(tempDir('data'));
  arrivals = createArrivals({ store: createArrivalsStore(db), config, now: () => time, publish: (event) => events.push(event) });
});


describe('status rules', () => {
  it.each<[ArrivalStatus, ArrivalStatus[]]>([
    ['waiting', ['with-clinician', 'cancelled']],
    ['with-clinician', ['done', 'cancelled']],
    ['done', []],
    ['cancelled', []],
  ])('from %s a tap may move to %j', (from, to) => {
    expect(nextStatuses(from)).toEqual(to);
  });

  it.each<[ArrivalStatus, ArrivalStatus]>([
    ['done', 'waiting'],
    ['cancelled', 'waiting'],
    ['with-clinician', 'waiting'],
    ['waiting', 'done'],
    ['done', 'with-clinician'],
  ])('refuses %s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(false);
  });
});

describe('check-in', () => {
  it('stores a waiting arrival with a random id and announces it', () => {
    const arrival = accepted(arrivals.checkIn(forSam, 'kiosk'));
    expect(arrival).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      clinicianId: 'sam',
      slot: { kind: 'at', time: '10:00' },
      wishes: ['softer-light'],
      status: 'waiting',
      source: 'kiosk',
      arrivedAt: tuesdayMorning,
      seenAt: null,
      endedAt: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
    });
    expect(arrivals.today()).toEqual([arrival]);
    expect(events).toEqual([{ type: 'arrival', change: 'checked-in', arrival, lastChange: null }]);
  });

  it('gives every arrival a different id', () => {
    expect(accepted(arrivals.checkIn(forSam, 'kiosk')).id).not.toBe(accepted(arrivals.checkIn(forSam, 'kiosk')).id);
  });

  it('lets a client who is not sure whom they see check in for the front desk', () => {
    expect(accepted(arrivals.checkIn({ clinicianId: null, slot: { kind: 'unsure' }, wishes: [] }, 'kiosk')).clinicianId).toBeNull();
  });

  it('refuses a kiosk check-in for a clinician who is not working today', () => {
    const error = refusal(arrivals.checkIn({ ...forSam, clinicianId: 'ana' }, 'kiosk'));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe('That clinician is not seeing clients here today. Please check with the front desk.');
    expect(arrivals.today()).toEqual([]);
  });

  it('refuses a kiosk check-in for a clinician the office does not have', () => {
    expect(refusal(arrivals.checkIn({ ...forSam, clinicianId: 'nobody' }, 'kiosk')).code).toBe('not-found');
  });

  it('lets the desk check in anyone on the staff, even on a day off', () => {
    expect(accepted(arrivals.checkIn({ ...forSam, clinicianId: 'ana' }, 'desk'))).toMatchObject({ clinicianId: 'ana', source: 'desk' });
  });

  it('still refuses a desk check-in for a clinician the office does not have', () => {
    expect(refusal(arrivals.checkIn({ ...forSam, clinicianId: 'nobody' }, 'desk')).code).toBe('not-found');
  });

  it('shows only clinicians working today on the kiosk', () => {
    expect(arrivals.cliniciansWorkingToday().map((c) => c.id)).toEqual(['sam', 'noor', 'jules']);
  });
});

describe('status changes', () => {
  it('sets seenAt when the client goes in and endedAt when the session is done', () => {
    const { id } = accepted(arrivals.checkIn(forSam, 'kiosk'));
    time += 7 * minute;
    expect(accepted(arrivals.setStatus(id, 'with-clinician'))).toMatchObject({ status: 'with-clinician', seenAt: tuesdayMorning + 7 * minute, endedAt: null });
    time += 50 * minute;
    expect(accepted(arrivals.setStatus(id, 'done'))).toMatchObject({ status: 'done', seenAt: tuesdayMorning + 7 * minute, endedAt: tuesdayMorning + 57 * minute });
  });

  it('sets endedAt but no seenAt when a waiting arrival is cancelled', () => {
    const { id } = accepted(arrivals.checkIn(forSam, 'kiosk'));
    time += minute;
    expect(accepted(arrivals.setStatus(id, 'cancelled'))).toMatchObject({ status: 'cancelled', seenAt: null, endedAt: tuesdayMorning + minute });
  });

  it('announces the change with words for the undo button', () => {
    const { id } = accepted(arrivals.checkIn(forSam, 'kiosk'));
    const updated = accepted(arrivals.setStatus(id, 'with-clinician'));
    expect(events.at(-1)).toEqual({
      type: 'arrival',
      change: 'status',
      arrival: updated,
      lastChange: {
        arrivalId: id,
        description: "marking Sam's 10:00 client with clinician",
        // The same change as facts, for a desk that says it in another language (issue 12).
        facts: { kind: 'status', owner: 'sam', slot: { kind: 'at', time: '10:00' }, to: 'sam', status: 'with-clinician' },
      },
    });
  });

  it('refuses to move a finished arrival back to waiting', () => {
    const { id } = accepted(arrivals.checkIn(forSam, 'kiosk'));
    accepted(arrivals.setStatus(id, 'with-clinician'));
    accepted(arrivals.setStatus(id, 'done'));
    const error = refusal(arrivals.setStatus(id, 'waiting'));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('An arrival that is done cannot be marked waiting. Use undo to correct a mistake.');
  });

  it('refuses to set the status an arrival already has', () => {
    const { id } = accepted(arrivals.checkIn(forSam, 'kiosk'));
    expect(refusal(arrivals.setStatus(id, 'waiting')).message).toBe('This arrival is already waiting.');
  });

  it('refuses a change to an arrival that is not on the board', () => {
    expect(refusal(arrivals.setStatus('A'.repeat(22), 'done')).code).toBe('not-found');
  });
});

describe('undo', () => {
  it('puts back the last status change, times included', () => {
    const { id } = accepted(arrivals.checkIn(forSam, 'kiosk'));
    time += 5 * minute;
    accepted(arrivals.setStatus(id, 'with-clinician'));

    expect(arrivals.undo()).toEqual({ undone: "marking Sam's 10:00 client with clinician", lastChange: null });
    expect(arrivals.today()).toEqual([expect.objectContaining({ id, status: 'waiting', seenAt: null, endedAt: null })]);
    expect(events.at(-1)).toMatchObject({ type: 'arrival', change: 'undone', arrival: { id, status: 'waiting' } });
  });

  it('walks back one change at a time', () => {
    const { id } = accepted(arrivals.checkIn(forSam, 'kiosk'));
    const seen = accepted(arrivals.setStatus(id, 'with-clinician'));
    accepted(arrivals.setStatus(id, 'done'));

    expect(arrivals.undo().lastChange).toMatchObject({ arrivalId: id, description: "marking Sam's 10:00 client with clinician" });
    expect(arrivals.today()).toEqual([seen]);
  });

  it('removes an arrival the desk checked in', () => {
    const { id } = accepted(arrivals.checkIn({ clinicianId: 'noor', slot: { kind: 'later' }, wishes: [] }, 'desk'));
    expect(arrivals.undo()).toEqual({ undone: "checking in Noor's client", lastChange: null });
    expect(arrivals.today()).toEqual([]);
    expect(events.at(-1)).toEqual({ type: 'arrival-removed', arrivalId: id, lastChange: null });
  });

  it('does not remove a kiosk check-in: only the desk’s own changes are undone', () => {
    accepted(arrivals.checkIn(forSam, 'kiosk'));
    expect(arrivals.undo()).toEqual({ undone: null, lastChange: null });
    expect(arrivals.today()).toHaveLength(1);
  });

  it('says there was nothing to undo on an empty board, and announces nothing', () => {
    expect(arrivals.undo()).toEqual({ undone: null, lastChange: null });
    expect(events).toEqual([]);
  });
});

describe('"Assign to…" at the desk', () => {
  const notSure: CheckInRequest = { clinicianId: null, slot: { kind: 'at', time: '10:00' }, wishes: [] };

  it('gives a front-desk arrival to a clinician, announces it with words for undo, and undo gives it back', () => {
    const arrival = accepted(arrivals.checkIn(notSure, 'kiosk'));
    const assigned = accepted(arrivals.assign(arrival.id, 'sam'));
    expect(assigned).toEqual({ ...arrival, clinicianId: 'sam' });
    expect(events.at(-1)).toEqual({ type: 'arrival', change: 'status', arrival: assigned, lastChange: { arrivalId: arrival.id, description: "giving the front desk's 10:00 client to Sam", facts: { kind: 'assigned', owner: null, slot: { kind: 'at', time: '10:00' }, to: 'sam', status: 'waiting' } } });
    expect(arrivals.today()).toEqual([assigned]);

    expect(arrivals.undo().undone).toBe("giving the front desk's 10:00 client to Sam");
    expect(arrivals.today()).toEqual([arrival]);
  });

  it('starts "On my way" again for the new clinician', () => {
    const arrival = accepted(arrivals.checkIn(forSam, 'kiosk'));
    accepted(arrivals.acknowledge(arrival.id));
    expect(accepted(arrivals.assign(arrival.id, 'noor'))).toMatchObject({ clinicianId: 'noor', acknowledgedAt: null, acknowledgedBy: null });
  });

  it('refuses a client who is no longer waiting, an unknown clinician, and the clinician they already have', () => {
    const arrival = accepted(arrivals.checkIn(forSam, 'kiosk'));
    expect(refusal(arrivals.assign(arrival.id, 'sam'))).toEqual({ code: 'conflict', message: "This client is already Sam's." });
    expect(refusal(arrivals.assign(arrival.id, 'nobody')).code).toBe('not-found');
    accepted(arrivals.setStatus(arrival.id, 'with-clinician'));
    expect(refusal(arrivals.assign(arrival.id, 'noor'))).toEqual({ code: 'conflict', message: 'Only a waiting client can be given to a clinician; this one is with clinician.' });
  });
});

describe('"On my way" records who is going', () => {
  it('is the arrival’s own clinician when nobody else is named', () => {
    const arrival = accepted(arrivals.checkIn(forSam, 'kiosk'));
    expect(accepted(arrivals.acknowledge(arrival.id))).toMatchObject({ acknowledgedAt: tuesdayMorning, acknowledgedBy: 'sam' });
  });

  it('is whoever tapped it in a shared room, and the first one stays', () => {
    const arrival = accepted(arrivals.checkIn(forSam, 'kiosk'));
    time += minute;
    expect(accepted(arrivals.acknowledge(arrival.id, 'noor'))).toMatchObject({ acknowledgedBy: 'noor', acknowledgedAt: tuesdayMorning + minute });
    expect(accepted(arrivals.acknowledge(arrival.id, 'sam')).acknowledgedBy).toBe('noor');
    expect(arrivals.today()[0]!.acknowledgedBy).toBe('noor');
  });

  it('refuses a name the office does not have', () => {
    const arrival = accepted(arrivals.checkIn(forSam, 'kiosk'));
    expect(refusal(arrivals.acknowledge(arrival.id, 'nobody')).code).toBe('not-found');
  });
});
