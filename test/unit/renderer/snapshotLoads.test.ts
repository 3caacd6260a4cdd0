import { describe, expect, it } from 'vitest';
import type { Arrival } from '../../../main/contract/contract.ts';
import { withArrival, type ArrivalEvent } from '../../../renderer/src/common/boardEvents.ts';
import { snapshotLoads } from '../../../renderer/src/common/snapshotLoads.ts';

// The desk and the room screen load a snapshot, then merge pushes (renderer/src/common/snapshotLoads.ts).
const arrival = (id: string, status: Arrival['status'] = 'waiting') => ({ id, status }) as unknown as Arrival;
const pushed = (a: Arrival): ArrivalEvent => ({ type: 'arrival', change: 'status', arrival: a, lastChange: null });

describe('a snapshot and the pushes that overtake it', () => {
  it('replays onto the snapshot what was pushed while it was on its way', () => {
    const loads = snapshotLoads<ArrivalEvent>();
    const ticket = loads.begin();
    loads.pushed(pushed(arrival('a5')));
    const snapshot = [arrival('a1'), arrival('a2'), arrival('a3'), arrival('a4')];
    const since = loads.land(ticket)!;
    expect(since.reduce(withArrival, snapshot).map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
  });

  it('forgets pushes once no load is waiting for them', () => {
    const loads = snapshotLoads<ArrivalEvent>();
    loads.land(loads.begin());
    loads.pushed(pushed(arrival('early')));
    expect(loads.land(loads.begin())).toEqual([]);
  });

  it('drops an answer that lands after a newer one', () => {
    const loads = snapshotLoads<ArrivalEvent>();
    const older = loads.begin();
    const newer = loads.begin();
    loads.pushed(pushed(arrival('a1', 'done')));
    expect(loads.land(newer)).toHaveLength(1);
    expect(loads.land(older)).toBeNull();
  });
});
