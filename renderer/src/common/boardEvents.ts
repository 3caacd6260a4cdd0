/**
 * How a loaded board takes in one pushed arrival event, so the desk and the room surface merge
 * live updates the same way. `board-reset` is not here: a surface answers it by loading again.
 */
import type { Arrival, DeskBoard, LiveEvent } from '../../../main/contract/contract.ts';

export type ArrivalEvent = Extract<LiveEvent, { type: 'arrival' | 'arrival-removed' }>;

/** A list of arrivals with one pushed change applied: replaced, added or removed. */
export function withArrival(arrivals: readonly Arrival[], event: ArrivalEvent): Arrival[] {
  if (event.type === 'arrival-removed') return arrivals.filter((a) => a.id !== event.arrivalId);
  const exists = arrivals.some((a) => a.id === event.arrival.id);
  return exists ? arrivals.map((a) => (a.id === event.arrival.id ? event.arrival : a)) : [...arrivals, event.arrival];
}

export function withArrivalEvent(board: DeskBoard, event: ArrivalEvent): DeskBoard {
  return { ...board, arrivals: withArrival(board.arrivals, event), lastChange: event.lastChange };
}
