/**
 * Applies the pure rules from `navigation.ts`, `permissions.ts` and `blockedInput.ts` to
 * Electron objects. Registered for every web contents the app creates, not only our windows,
 * so anything created later (a devtools window, a stray child) is held to the same rules.
 */
import type { Session, WebContents } from 'electron';
import { kioskShortcut } from './blockedInput.ts';
import { mayAttachWebview, mayNavigate, windowOpenResponse } from './navigation.ts';
import { isPermissionGranted } from './permissions.ts';

type HardenedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function hardenWebContents(contents: HardenedContents, appOrigin: string): void {
  contents.on('will-navigate', (event) => {
    if (!mayNavigate(event.url, appOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!mayNavigate(event.url, appOrigin)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => windowOpenResponse());
  contents.on('will-attach-webview', (event) => {
    if (!mayAttachWebview()) event.preventDefault();
  });
}

/** The kiosk lock on one window's contents: shortcuts swallowed, pinch zoom off. */
export function lockKioskContents(contents: Pick<WebContents, 'on' | 'setVisualZoomLevelLimits'>): void {
  contents.on('before-input-event', (event, input) => {
    if (kioskShortcut(input) !== null) event.preventDefault();
  });
  void contents.setVisualZoomLevelLimits(1, 1);
}

export function denyPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>, appOrigin: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, appOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin, appOrigin));
  // HID, serial and USB device pickers: never.
  session.setDevicePermissionHandler(() => false);
}
