/**
 * Today's arrivals for the clinicians who work in this room, kept current: loaded from the desk's
 * board, then merged from the `arrivals` live topic, and loaded again after a reconnect or when
 * the day is wiped. The room screen shows only the waiting ones.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DeskBoard } from '../../../main/common/contract.ts';
import { withArrivalEvent } from '../common/boardEvents.ts';
import type { Bridge } from '../transport/bridge.ts';

export function useWaitingForRoom(bridge: Bridge, roomId: string, enabled: boolean) {
  const [board, setBoard] = useState<DeskBoard | null>(null);

  const reload = useCallback(async () => {
    const result = await bridge.call('deskBoard', {});
    if (result.ok) setBoard(result.value);
  }, [bridge]);

  useEffect(() => {
    if (!enabled) return;
    void reload();
    return bridge.subscribe(
      'arrivals',
      (event) => {
        if (event.type === 'board-reset') return void reload();
        if (event.type === 'arrival' || event.type === 'arrival-removed') setBoard((current) => current && withArrivalEvent(current, event));
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
    setBoard((current) => current && { ...current, arrivals: current.arrivals.map((a) => (a.id === arrivalId ? result.value : a)) });
    return null;
  };

  const clinicians = board?.clinicians.filter((c) => c.room === roomId) ?? [];
  const ids = new Set(clinicians.map((c) => c.id));
  const waiting = board?.arrivals.filter((a) => a.status === 'waiting' && a.clinicianId !== null && ids.has(a.clinicianId)) ?? [];
  return { loaded: board !== null, clinicians, waiting, acknowledge };
}
