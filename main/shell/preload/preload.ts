/**
 * The preload of every window: exposes `window.stillroom` (the contract's `StillroomBridge`) and
 * nothing else; in the staff-exit PIN window, `window.stillroomStaffExit` instead. The page never
 * sees `ipcRenderer`, channel names or IPC event objects. Sandboxed preloads can only
 * `require('electron')`, so this is bundled to one CommonJS file.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiError, LiveEvent, StillroomBridge } from '../../contract/contract.ts';
import { ipcChannels, preloadSwitches } from '../ipcChannels.ts';
import type { PointerMessage, StaffExitReply } from '../staffExit.ts';

if (process.argv.includes(preloadSwitches.staffExit)) {
  exposeStaffExit();
} else {
  exposeBridge();
  if (process.argv.includes(preloadSwitches.kiosk)) forwardPointerEvents();
}

/** The PIN pad's two buttons that matter; the main process checks the sender and the PIN. */
function exposeStaffExit(): void {
  contextBridge.exposeInMainWorld('stillroomStaffExit', {
    submit: (pin: string): Promise<StaffExitReply> => ipcRenderer.invoke(ipcChannels.staffExit, { action: 'submit', pin: String(pin) }),
    cancel: (): Promise<StaffExitReply> => ipcRenderer.invoke(ipcChannels.staffExit, { action: 'cancel' }),
  });
}

/**
 * Tells the main process about real pointer presses, for the hidden staff exit. Registered in the
 * capture phase before any page script runs, so the page can neither hide a press nor fake one
 * (`isTrusted`). Moves are sent only while a pointer is down.
 */
function forwardPointerEvents(): void {
  const down = new Set<number>();
  const send = (kind: PointerMessage['kind'], event: PointerEvent) => {
    const message: PointerMessage = { kind, x: event.clientX, y: event.clientY, pointerId: event.pointerId };
    ipcRenderer.send(ipcChannels.kioskPointer, message);
  };
  const listen = (type: 'pointerdown' | 'pointermove' | 'pointerup' | 'pointercancel', kind: PointerMessage['kind']) =>
    window.addEventListener(
      type,
      (event) => {
        if (!event.isTrusted) return;
        if (kind === 'down') down.add(event.pointerId);
        if (kind === 'move' && !down.has(event.pointerId)) return;
        if (kind === 'up' || kind === 'cancel') down.delete(event.pointerId);
        send(kind, event);
      },
      { capture: true, passive: true },
    );
  listen('pointerdown', 'down');
  listen('pointermove', 'move');
  listen('pointerup', 'up');
  listen('pointercancel', 'cancel');
}

/** `window.stillroom`: calls and live subscriptions, checked and answered by the hub. */
function exposeBridge(): void {
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
}
