/**
 * The preload of every window: exposes `window.stillroom` (the contract's `StillroomBridge`) and
 * nothing else. The page never sees `ipcRenderer`, channel names or IPC event objects. Sandboxed
 * preloads can only `require('electron')`, so this is bundled to one CommonJS file.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiError, LiveEvent, StillroomBridge } from '../common/contract.ts';
import { ipcChannels } from './ipcChannels.ts';

const listeners = new Map<number, (event: LiveEvent) => void>();
let nextSubscriptionId = 0;

ipcRenderer.on(ipcChannels.event, (_event, id: number, liveEvent: LiveEvent) => {
  listeners.get(id)?.(liveEvent);
});

const bridge: StillroomBridge = {
  call(name, input) {
    return ipcRenderer.invoke(ipcChannels.call, name, input);
  },
  subscribe(topic, onEvent, onStatus) {
    const id = nextSubscriptionId++;
    // Listen before asking, so no event can arrive for an id nobody holds yet.
    listeners.set(id, onEvent);
    let ended = false;
    ipcRenderer.invoke(ipcChannels.subscribe, topic, id).then(
      (result: { ok: true } | { ok: false; error: ApiError }) => {
        if (ended) return;
        if (result.ok) {
          onStatus?.({ state: 'live' });
        } else {
          listeners.delete(id);
          onStatus?.({ state: 'refused', error: result.error });
        }
      },
      () => {
        listeners.delete(id);
        onStatus?.({ state: 'refused', error: { code: 'unavailable', message: 'Live updates are not available just now.' } });
      },
    );
    return () => {
      if (ended) return;
      ended = true;
      listeners.delete(id);
      void ipcRenderer.invoke(ipcChannels.unsubscribe, id);
    };
  },
};

contextBridge.exposeInMainWorld('stillroom', bridge);
