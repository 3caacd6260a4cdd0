/**
 * The hidden staff exit, wired: pointer events from the kiosk's preload go through the press
 * machine in `staffExit.ts`; a long press in the corner opens the PIN pad as a modal window over
 * the kiosk; a PIN that verifies quits the app. Both IPC channels check the sender first: a main
 * frame of the app's origin, in the one window that channel belongs to.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, IpcMain, IpcMainEvent } from 'electron';
import { PinThrottle } from '../hub/staff/pinThrottle.ts';
import { ipcChannels } from './ipcChannels.ts';
import { appUrl } from './appProtocol.ts';
import { shellPaths } from './shellPages.ts';
import { checkStaffExitPin, idle, PointerMessage, pressStep, pressTimeout, StaffExitRequest, staffExitIdleMs, type PressStep, type StaffExitReply } from './staffExit.ts';
import { isTrustedSender } from './trustedSender.ts';

type Window = Pick<BrowserWindow, 'on' | 'once' | 'show' | 'focus' | 'close' | 'isDestroyed' | 'loadURL'> & { webContents: Pick<BrowserWindow['webContents'], 'id'> };

export interface StaffExitWiring {
  kiosk: BrowserWindow;
  ipcMain: Pick<IpcMain, 'on' | 'removeListener' | 'handle' | 'removeHandler'>;
  /** The shell's own origin (the PIN pad and the calm page). */
  appOrigin: string;
  /** The origin of the kiosk's page: the hub's. Presses count there and on the calm page alike, so staff can leave a kiosk stuck on it. */
  kioskOrigin: string;
  /** Creates the PIN window with these options (parent and modal already set). */
  createWindow(options: BrowserWindowConstructorOptions): Window;
  /** `staffExitWindowOptions(...)` from `windowOptions.ts`. */
  windowOptions: BrowserWindowConstructorOptions;
  /** Resolves true for the admin PIN. */
  verifyPin(pin: string): Promise<boolean>;
  quit(): void;
  log(message: string, fields?: Record<string, string | number | boolean | null>): void;
  now?: () => number;
}

export interface StaffExit {
  dispose(): void;
}

const refused: StaffExitReply = { ok: false, message: 'This screen may not ask for that.' };

export function watchStaffExit({ kiosk, ipcMain, appOrigin, kioskOrigin, createWindow, windowOptions, verifyPin, quit, log, now = Date.now }: StaffExitWiring): StaffExit {
  const throttle = new PinThrottle(now);
  let press = idle;
  let pressTimer: ReturnType<typeof setTimeout> | undefined;
  let pinWindow: Window | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const closePinWindow = () => {
    clearTimeout(idleTimer);
    if (pinWindow && !pinWindow.isDestroyed()) pinWindow.close();
  };
  const keepOpenAWhile = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(closePinWindow, staffExitIdleMs);
  };

  function openPinWindow(): void {
    if (pinWindow && !pinWindow.isDestroyed()) {
      pinWindow.focus();
      return;
    }
    log('staff exit asked for');
    const window = createWindow({ ...windowOptions, parent: kiosk, modal: true });
    pinWindow = window;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      clearTimeout(idleTimer);
      if (pinWindow === window) pinWindow = null;
    });
    keepOpenAWhile();
    void window.loadURL(appUrl(shellPaths.staffExit));
  }

  function follow(step: PressStep): void {
    press = step.state;
    switch (step.effect.type) {
      case 'wait':
        clearTimeout(pressTimer);
        pressTimer = setTimeout(() => follow(pressTimeout(press, now())), step.effect.ms);
        break;
      case 'cancel':
        clearTimeout(pressTimer);
        break;
      case 'ask-pin':
        clearTimeout(pressTimer);
        openPinWindow();
        break;
      case 'none':
        break;
    }
  }

  const onPointer = (event: IpcMainEvent, raw: unknown) => {
    if (kiosk.isDestroyed() || event.sender.id !== kiosk.webContents.id) return;
    if (!isTrustedSender(event.senderFrame, kioskOrigin) && !isTrustedSender(event.senderFrame, appOrigin)) return;
    const message = PointerMessage.safeParse(raw);
    if (!message.success) return;
    follow(pressStep(press, { ...message.data, at: now() }));
  };
  ipcMain.on(ipcChannels.kioskPointer, onPointer);

  ipcMain.handle(ipcChannels.staffExit, async (event, raw): Promise<StaffExitReply> => {
    if (!pinWindow || pinWindow.isDestroyed() || event.sender.id !== pinWindow.webContents.id || !isTrustedSender(event.senderFrame, appOrigin)) return refused;
    const request = StaffExitRequest.safeParse(raw);
    if (!request.success) return { ok: false, message: 'The PIN has four to twelve digits.' };
    if (request.data.action === 'cancel') {
      closePinWindow();
      return { ok: true };
    }
    keepOpenAWhile();
    const reply = await checkStaffExitPin(request.data.pin, throttle, verifyPin);
    log('staff exit PIN', { accepted: reply.ok });
    if (reply.ok) quit();
    return reply;
  });

  return {
    dispose() {
      clearTimeout(pressTimer);
      closePinWindow();
      ipcMain.removeListener(ipcChannels.kioskPointer, onPointer);
      ipcMain.removeHandler(ipcChannels.staffExit);
    },
  };
}
