/**
 * How a loaded board takes in one pushed arrival event, so the desk and the room surface merge
 * live updates the same way. `board-reset` is not here: a surface answers it by loading again.
 */
import type { DeskBoard, LiveEvent } from '../../../main/common/contract.ts';

export type ArrivalEvent = Extract<LiveEvent, { type: 'arrival' | 'arrival-removed' }>;

export function withArrivalEvent(board: DeskBoard, event: ArrivalEvent): DeskBoard {
  if (event.type === 'arrival-removed') {
    return { ...board, arrivals: board.arrivals.filter((a) => a.id !== event.arrivalId), lastChange: event.lastChange };
  }
  const exists = board.arrivals.some((a) => a.id === event.arrival.id);
  const arrivals = exists ? board.arrivals.map((a) => (a.id === event.arrival.id ? event.arrival : a)) : [...board.arrivals, event.arrival];
  return { ...board, arrivals, lastChange: event.lastChange };
}
