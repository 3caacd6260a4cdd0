/**
 * The options every Stillroom window is created with. The security settings are Electron's
 * defaults today but are written out, so a default changing upstream cannot loosen them:
 * https://www.electronjs.org/docs/latest/tutorial/security#checklist-security-recommendations
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { preloadSwitches } from './ipcChannels.ts';
import type { WindowRole } from './roles.ts';

/** The renderer's `--paper` colour (renderer/src/styles.css), painted before the first frame so no window flashes white. */
export const calmBackground = '#f6f2ec';

export interface WindowContext {
  /** `app.isPackaged`: an installed app has no developer tools. */
  packaged: boolean;
  /** Absolute path of the bundled preload (`preload.cjs` beside the main bundle). */
  preloadPath: string;
}

type WebPreferences = NonNullable<BrowserWindowConstructorOptions['webPreferences']>;

/**
 * Each role has its own cookie jar and storage (`webPreferences.partition`; `persist:` keeps it
 * on disk): the desk's device session cookie (windowLoading.ts) can never reach the kiosk, which
 * shows the same hub origin. The staff-exit PIN window shares the kiosk's.
 */
export const partitionFor = (role: WindowRole): string => `persist:stillroom-${role}`;

function hardenedPreferences({ packaged, preloadPath }: WindowContext, withPreload: boolean): WebPreferences {
  return {
    ...(withPreload ? { preload: preloadPath } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: !packaged,
  };
}

export function windowOptionsFor(role: WindowRole, context: WindowContext): BrowserWindowConstructorOptions {
  const webPreferences: WebPreferences = {
    // Only the kiosk has a preload (the staff exit's pointer presses); the others need none.
    ...hardenedPreferences(context, role === 'kiosk'),
    partition: partitionFor(role),
    // The desk chimes on an arrival without anyone touching it; the kiosk only sounds after a tap.
    autoplayPolicy: role === 'kiosk' ? 'user-gesture-required' : 'no-user-gesture-required',
    // No alert/confirm boxes on a touch screen in a waiting room.
    disableDialogs: role === 'kiosk',
    // Tells the shared preload to forward pointer events for the hidden staff exit.
    ...(role === 'kiosk' ? { additionalArguments: [preloadSwitches.kiosk] } : {}),
  };
  const common: BrowserWindowConstructorOptions = {
    title: 'Stillroom',
    backgroundColor: calmBackground,
    // Shown on `ready-to-show`, once the first calm frame is painted.
    show: false,
    autoHideMenuBar: true,
    webPreferences,
  };
  switch (role) {
    case 'kiosk':
      // `closable: false` takes the close button and Alt+F4 away on Windows (not implemented on Linux,
      // electron.d.ts); the `close` guard in windowLoading.ts covers every platform.
      return { ...common, kiosk: true, fullscreen: true, frame: false, resizable: false, movable: false, minimizable: false, maximizable: false, closable: false };
    case 'desk':
      return { ...common, width: 1280, height: 800, minWidth: 800, minHeight: 560 };
    case 'room':
      return { ...common, width: 1024, height: 768, minWidth: 640, minHeight: 480 };
  }
}

/**
 * The staff-exit PIN pad: a small frameless window over the kiosk, modal to it, with the same
 * hardening. Its preload exposes only the PIN bridge, never `window.stillroom`.
 */
export function staffExitWindowOptions(context: WindowContext): BrowserWindowConstructorOptions {
  return {
    title: 'Staff exit',
    backgroundColor: calmBackground,
    show: false,
    autoHideMenuBar: true,
    width: 420,
    height: 640,
    modal: true,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    alwaysOnTop: true,
    webPreferences: { ...hardenedPreferences(context, true), partition: partitionFor('kiosk'), disableDialogs: true, autoplayPolicy: 'user-gesture-required', additionalArguments: [preloadSwitches.staffExit] },
  };
}
