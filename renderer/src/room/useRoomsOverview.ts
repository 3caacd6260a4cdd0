/**
 * Every room's preset and session, kept current: loaded once, then updated from the `rooms` live
 * topic, and loaded again after a reconnect so nothing missed while offline stays missing.
 */
import { useCallback, useEffect, useState } from 'react';
import type { LiveStatus, RoomsOverview, RoomView } from '../../../main/contract/contract.ts';
import type { Bridge } from '../transport/bridge.ts';

export type OverviewLoad = { state: 'loading' } | { state: 'needs-pin' } | { state: 'trouble'; message: string } | { state: 'ready'; overview: RoomsOverview };

/** `enabled: false` waits (e.g. until the desk has signed in) without calling the hub. */
export function useRoomsOverview(bridge: Bridge, enabled = true) {
  const [load, setLoad] = useState<OverviewLoad>({ state: 'loading' });
  const [live, setLive] = useState<LiveStatus['state']>('reconnecting');

  const reload = useCallback(async () => {
    const result = await bridge.call('roomsOverview', {});
    if (result.ok) setLoad({ state: 'ready', overview: result.value });
    else if (result.error.code === 'needs-pin') setLoad({ state: 'needs-pin' });
    else setLoad({ state: 'trouble', message: result.error.message });
  }, [bridge]);

  useEffect(() => {
    if (enabled) void reload();
  }, [enabled, reload]);

  const ready = load.state === 'ready';
  useEffect(() => {
    if (!enabled || !ready) return;
    return bridge.subscribe(
      'rooms',
      (event) => {
        if (event.type !== 'room') return;
        setLoad((current) => (current.state === 'ready' ? { state: 'ready', overview: withRoom(current.overview, event.room) } : current));
      },
      (status) => {
        setLive(status.state);
        if (status.state === 'live') void reload();
      },
    );
  }, [bridge, enabled, ready, reload]);

  return { load, live, reload };
}

function withRoom(overview: RoomsOverview, room: RoomView): RoomsOverview {
  return {
    rooms: overview.rooms.map((summary) => (summary.id === room.id ? { ...summary, presetName: room.preset?.name ?? null, inSession: room.inSession } : summary)),
    homeAssistant: room.homeAssistant,
  };
}
