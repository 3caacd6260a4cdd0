/**
 * A surface loads a snapshot with a request and keeps it current from pushes on the live socket.
 * The two travel separately, so a push can overtake the answer to a request sent before it: the
 * desk asks for the board, a client checks in, the check-in's push arrives, and then the board
 * computed a moment before the check-in lands. Taking that answer as it is drops the arrival until
 * the next reload (a desk showing 4 of a morning's 5 arrivals). So every push seen while a load is
 * in flight is replayed onto its snapshot when it lands. Each push carries the arrival whole, so
 * replaying one the snapshot already holds changes nothing; one older than the snapshot is followed
 * by the newer pushes the socket delivers in order. A snapshot that lands after a newer one is dropped.
 */
export interface SnapshotLoads<E> {
  /** Call as a load starts; pass the ticket to `land` when its answer comes, whatever it is. */
  begin(): number;
  /** Call for every push, whether or not a load is in flight. */
  pushed(event: E): void;
  /** The pushes to replay onto this load's snapshot, or null when a newer load already landed. */
  land(ticket: number): E[] | null;
}

export function snapshotLoads<E>(): SnapshotLoads<E> {
  let issued = 0;
  let newestLanded = 0;
  const inFlight = new Map<number, E[]>();
  return {
    begin() {
      issued += 1;
      inFlight.set(issued, []);
      return issued;
    },
    pushed(event) {
      for (const seen of inFlight.values()) seen.push(event);
    },
    land(ticket) {
      const seen = inFlight.get(ticket) ?? [];
      inFlight.delete(ticket);
      if (ticket < newestLanded) return null;
      newestLanded = ticket;
      return seen;
    },
  };
}
