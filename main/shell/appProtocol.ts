/**
 * The `app://stillroom/…` scheme the windows load the built renderer from, decided without
 * Electron: which file a request maps to, which headers go with it, and which origin counts as
 * the app's own. A custom privileged scheme instead of `file://` gives the renderer a real origin
 * for CSP and sender checks, and no file-system reach beyond the renderer folder.
 * https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */
import { contentSecurityPolicy, mimeTypeFor, resolveRendererPath, type RendererFile } from '../hub/transport/staticFiles.ts';

export { contentSecurityPolicy, mimeTypeFor };

export const appScheme = 'app';
export const appHost = 'stillroom';
export const appOrigin = `${appScheme}://${appHost}`;

/** The URL a window loads for a surface path such as `/kiosk`. */
export function appUrl(surfacePath: string): string {
  return `${appOrigin}${surfacePath}`;
}

/**
 * `scheme://host[:port]` of a URL, lower-cased, or null for URLs without a host (`about:blank`,
 * `data:`, `file:///…`). Node's `URL.origin` is `"null"` for custom schemes, so it cannot be used.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/** Whether `url` belongs to `origin` (as returned by `originOf` or `appOrigin`). */
export function isSameOrigin(url: string, origin: string): boolean {
  return originOf(url) === origin.toLowerCase();
}

export type AppRequest = RendererFile | { ok: false; status: 400 | 403; reason: string };

/** Maps a request on the app scheme to a file inside `rendererDir`, as the HTTP transport does, for the app's origin only. */
export function resolveAppRequest(url: string, rendererDir: string): AppRequest {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (originOf(url) !== appOrigin) return { ok: false, status: 403, reason: 'not the app origin' };
  return resolveRendererPath(parsed.pathname, rendererDir);
}

/** Headers sent with every file the scheme serves. */
export function responseHeaders(mimeType: string): Record<string, string> {
  return {
    'content-type': mimeType,
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
}
