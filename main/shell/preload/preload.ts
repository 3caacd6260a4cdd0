/**
 * The preload of the kiosk and the staff-exit PIN window, and of nothing else: the desk and room
 * windows talk to the hub over HTTP + WebSocket like every browser, so they need none. In the
 * kiosk it forwards trusted pointer presses for the hidden staff exit; in the PIN window it
 * exposes `window.stillroomStaffExit`. The page never sees `ipcRenderer`, channel names or IPC
 * event objects. Sandboxed preloads can only `require('electron')`, so this is bundled to one
 * CommonJS file.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannels, preloadSwitches } from '../ipcChannels.ts';
import type { PointerMessage, StaffExitReply } from '../staffExit.ts';

if (process.argv.includes(preloadSwitches.staffExit)) exposeStaffExit();
else if (process.argv.includes(preloadSwitches.kiosk)) forwardPointerEvents();

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
