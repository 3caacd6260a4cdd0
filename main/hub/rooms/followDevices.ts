/**
 * How the rooms follow their devices. Live state arrives an entity at a time, so rooms are redrawn
 * at most once per turn of the event loop, and after a live-state update only the rooms whose
 * devices changed. Commands lost while Home Assistant was away are resent once its fresh state has
 * arrived after (re)connecting, never on the stale state: a change a person made meanwhile must be
 * seen first.
 */
import type { DeviceLinkStatus } from '../../contract/contract.ts';
import type { Rooms } from './rooms.ts';

export interface FollowedDevices {
  onStatus(listener: (status: DeviceLinkStatus) => void): () => void;
  onEntities(listener: () => void): () => void;
  onReconnected(listener: () => void): () => void;
}

export interface DeviceFollowing {
  /** Redraws the rooms soon: every room, or (`all: false`) those whose devices changed. */
  refresh(options?: { all?: boolean }): void;
  stop(): void;
}

export function followDevices(rooms: Pick<Rooms, 'refresh' | 'resendLost'>, devices: FollowedDevices): DeviceFollowing {
  let stopped = false;
  let refreshQueued = false;
  let refreshAll = false;
  const refresh = ({ all = true }: { all?: boolean } = {}) => {
    refreshAll ||= all;
    if (refreshQueued || stopped) return;
    refreshQueued = true;
    setImmediate(() => {
      refreshQueued = false;
      const devicesOnly = !refreshAll;
      refreshAll = false;
      if (!stopped) rooms.refresh({ devicesOnly });
    });
  };

  // The entities can arrive just before the link reports itself connected (it asks Home Assistant
  // who its user is first), so either may be the moment; the rooms say whether they could go ahead.
  let resendWhenStateArrives = true;
  const resendOnce = () => {
    if (!resendWhenStateArrives || stopped) return;
    resendWhenStateArrives = false;
    void rooms.resendLost().then((done) => {
      if (!done) resendWhenStateArrives = true;
    });
  };
  const stops = [
    devices.onStatus((status) => {
      if (status.state !== 'connected') resendWhenStateArrives = true;
      else resendOnce();
      refresh();
    }),
    devices.onEntities(() => {
      refresh({ all: false });
      resendOnce();
    }),
    devices.onReconnected(() => {
      resendWhenStateArrives = true;
    }),
  ];

  return {
    refresh,
    stop() {
      stopped = true;
      for (const stop of stops) stop();
    },
  };
}
