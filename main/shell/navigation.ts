/**
 * Where a window's content may go. A kiosk opens nothing: it stays on the app's own pages, opens
 * no new windows and attaches no webviews, whatever a page (or a link in a page) asks for.
 * https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation
 */
import { isSameOrigin } from './appProtocol.ts';

/** `will-navigate` and `will-redirect`: only to a page of the app's own origin. */
export function mayNavigate(url: string, appOrigin: string): boolean {
  return isSameOrigin(url, appOrigin);
}

/** `setWindowOpenHandler`: every `window.open`, `target="_blank"` and shift-click is denied. */
export function windowOpenResponse(): { action: 'deny' } {
  return { action: 'deny' };
}

/** `will-attach-webview`: never; the windows are created with `webviewTag: false` as well. */
export function mayAttachWebview(): false {
  return false;
}
