/**
 * Which web permissions the windows get: one table, one line per permission Electron knows.
 * Stillroom needs none of them: sound and light run through the hub, the kiosk is fullscreen
 * because the window is created so, and the screen stays awake through the main process. An
 * entry may only become `allow` with the reason beside it, and then only for the app's origin.
 * https://www.electronjs.org/docs/latest/tutorial/security#5-handle-session-permission-requests-from-remote-content
 */
import type { Session } from 'electron';
import { isSameOrigin } from './appProtocol.ts';

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type CheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
/** Every permission name Electron can ask about, from its own types. */
export type PermissionName = Parameters<RequestHandler>[1] | Parameters<CheckHandler>[1];

export type PermissionRule = { allow: false } | { allow: true; reason: string };

const deny: PermissionRule = { allow: false };

/**
 * Typed as a complete record, so an Electron upgrade that adds a permission fails to compile
 * until someone decides about it here.
 */
export const permissionRules: Readonly<Record<PermissionName, PermissionRule>> = {
  'ar': deny,
  'automatic-fullscreen': deny,
  'background-fetch': deny,
  'background-sync': deny,
  'captured-surface-control': deny,
  'clipboard-read': deny,
  'clipboard-sanitized-write': deny,
  'deprecated-sync-clipboard-read': deny,
  'display-capture': deny,
  'fileSystem': deny,
  'fullscreen': deny,
  'geolocation': deny,
  'geolocation-approximate': deny,
  'hand-tracking': deny,
  'hid': deny,
  'idle-detection': deny,
  'keyboardLock': deny,
  'local-fonts': deny,
  'local-network': deny,
  'local-network-access': deny,
  'loopback-network': deny,
  'media': deny,
  'mediaKeySystem': deny,
  'midi': deny,
  'midiSysex': deny,
  'nfc': deny,
  'notifications': deny,
  'openExternal': deny,
  'payment-handler': deny,
  'periodic-background-sync': deny,
  'persistent-storage': deny,
  'pointerLock': deny,
  'screen-wake-lock': deny,
  'sensors': deny,
  'serial': deny,
  'smart-card': deny,
  'speaker-selection': deny,
  'storage-access': deny,
  'system-wake-lock': deny,
  'top-level-storage-access': deny,
  'usb': deny,
  'vr': deny,
  'web-app-installation': deny,
  'web-printing': deny,
  'window-management': deny,
  'unknown': deny,
};

/**
 * Whether `permission`, asked for by a page at `requestingUrl`, is granted. Names missing from
 * the table (a newer Chromium) and requests from any other origin are refused.
 */
export function isPermissionGranted(permission: string, requestingUrl: string, appOrigin: string): boolean {
  if (!Object.hasOwn(permissionRules, permission)) return false;
  const rule = permissionRules[permission as PermissionName];
  return rule.allow && isSameOrigin(requestingUrl, appOrigin);
}
