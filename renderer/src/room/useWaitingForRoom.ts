/**
 * Who is waiting for the clinicians who work in this room, kept current: loaded with the room's
 * own `roomWaiting` (a room PIN is enough; the desk's board is not needed), then merged from the
 * `arrivals` live topic, and loaded again after a reconnect or when the day is wiped. Pushes that
 * overtake a load are replayed onto it (common/snapshotLoads.ts).
 */
import { useCallback, useEffect, useState } from 'react';
import type { RoomWaiting } from '../../../main/contract/contract.ts';
import { withArrival, type ArrivalEvent } from '../common/boardEvents.ts';
import { snapshotLoads } from '../common/snapshotLoads.ts';
import type { Bridge } from '../transport/bridge.ts';

export function useWaitingForRoom(bridge: Bridge, roomId: string, enabled: boolean) {
  const [room, setRoom] = useState<RoomWaiting | null>(null);
  const [loads] = useState(() => snapshotLoads<ArrivalEvent>());

  const reload = useCallback(async () => {
    const ticket = loads.begin();
    const result = await bridge.call('roomWaiting', { roomId });
    const overtaken = loads.land(ticket);
    if (result.ok && overtaken !== null) setRoom({ ...result.value, arrivals: overtaken.reduce(withArrival, result.value.arrivals) });
  }, [bridge, roomId, loads]);

  useEffect(() => {
    if (!enabled) return;
    void reload();
    return bridge.subscribe(
      'arrivals',
      (event) => {
        if (event.type === 'board-reset') return void reload();
        if (event.type !== 'arrival' && event.type !== 'arrival-removed') return;
        loads.pushed(event);
        setRoom((current) => current && { ...current, arrivals: withArrival(current.arrivals, event) });
      },
      (status) => {
        if (status.state === 'live') void reload();
      },
    );
  }, [bridge, enabled, reload]);

  /** "On my way": the answer replaces the arrival at once; the pushed event says the same. */
  const acknowledge = async (arrivalId: string): Promise<string | null> => {
    const result = await bridge.call('acknowledge', { arrivalId });
    if (!result.ok) return result.error.message;
    setRoom((current) => current && { ...current, arrivals: current.arrivals.map((a) => (a.id === arrivalId ? result.value : a)) });
    return null;
  };

  const clinicians = room?.clinicians ?? [];
  const ids = new Set(clinicians.map((c) => c.id));
  // The live topic carries every arrival; this room shows only its clinicians' waiting ones.
  const waiting = room?.arrivals.filter((a) => a.status === 'waiting' && a.clinicianId !== null && ids.has(a.clinicianId)) ?? [];
  return { loaded: room !== null, clinicians, waiting, acknowledge };
}
