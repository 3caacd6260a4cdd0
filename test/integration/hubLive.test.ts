import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Arrival, CheckInRequest } from '../../main/contract/contract.ts';
import { deskAt, demoPin, kioskAt, startHub, type LiveFeedClient, type RunningHub } from './support/hubClient.ts';

const arrivalFields = ['acknowledgedAt', 'acknowledgedBy', 'arrivedAt', 'clinicianId', 'endedAt', 'id', 'seenAt', 'slot', 'source', 'status', 'wishes'];
const forSam: CheckInRequest = { clinicianId: 'sam', slot: { kind: 'later' }, wishes: ['quieter-room'] };

let running: RunningHub;
let kiosk: ReturnType<typeof kioskAt>;
let desk: ReturnType<typeof deskAt>;
let feed: LiveFeedClient;

beforeEach(async () => {
  running = await startHub();
  kiosk = kioskAt(running.url);
  desk = deskAt(running.url);
  await desk.login(demoPin);
  feed = await desk.subscribe();
});

afterEach(async () => {
  feed.close();
  await running.close();
});

describe('the live arrivals board', () => {
  it('shows a kiosk check-in on the subscribed desk at once', async () => {
    const receipt = await kiosk.checkIn(forSam);
    expect(receipt.body).toEqual({ ok: true, value: { toldName: 'Sam' } });

    const event = await feed.next();
    expect(event).toMatchObject({ type: 'arrival', change: 'checked-in', arrival: { clinicianId: 'sam', slot: { kind: 'later' }, wishes: ['quieter-room'], status: 'waiting', source: 'kiosk' } });
  });

  it('sends the arrival with the contract’s fields and nothing more', async () => {
    await kiosk.checkIn({ clinicianId: 'noor', slot: { kind: 'at', time: '14:30' }, wishes: [] });
    const message = JSON.parse(await feed.nextRaw()) as { type: string; topic: string; event: { arrival: Arrival } };
    expect(Object.keys(message).sort()).toEqual(['event', 'topic', 'type']);
    expect(Object.keys(message.event).sort()).toEqual(['arrival', 'change', 'lastChange', 'type']);
    expect(Object.keys(message.event.arrival).sort()).toEqual(arrivalFields);
  });

  it('gives the kiosk back only whom it may say was told: no id, nothing about the visit', async () => {
    const receipt = await kiosk.checkIn({ clinicianId: null, slot: { kind: 'unsure' }, wishes: [] });
    expect(receipt.body).toEqual({ ok: true, value: { toldName: null } });
  });

  it('pushes a staff status change to the subscriber', async () => {
    await kiosk.checkIn(forSam);
    const arrival = await feed.nextArrival();

    expect((await desk.setStatus(arrival.id, 'with-clinician')).status).toBe(200);

    expect(await feed.next()).toEqual({
      type: 'arrival',
      change: 'status',
      arrival: { ...arrival, status: 'with-clinician', seenAt: expect.any(Number) },
      lastChange: { arrivalId: arrival.id, description: "marking Sam's client with clinician", facts: expect.objectContaining({ kind: 'status', status: 'with-clinician' }) },
    });
  });

  it('lists the arrival on the desk board with the same fields', async () => {
    await kiosk.checkIn(forSam);
    const pushed = await feed.nextArrival();
    const board = await desk.board();
    const arrivals = board.body.ok ? board.body.value.arrivals : [];
    expect(arrivals).toEqual([pushed]);
    expect(Object.keys(arrivals[0] as object).sort()).toEqual(arrivalFields);
  });

  it('pushes an undone desk check-in as a removal', async () => {
    const checkedIn = await desk.checkIn({ clinicianId: 'ana', slot: { kind: 'later' }, wishes: [] });
    const arrival = (checkedIn.body as { value: Arrival }).value;
    await feed.next();

    expect((await desk.undo()).body).toEqual({ ok: true, value: { undone: "checking in Ana's client", lastChange: null } });
    expect(await feed.next()).toEqual({ type: 'arrival-removed', arrivalId: arrival.id, lastChange: null });
  });
});
