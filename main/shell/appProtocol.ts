/**
 * The `app://stillroom/…` scheme the windows load the built renderer from, decided without
 * Electron: which file a request maps to, which headers go with it, and which origin counts as
 * the app's own. A custom privileged scheme instead of `file://` gives the renderer a real origin
 * for CSP and sender checks, and no file-system reach beyond the renderer folder.
 * https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */
import path from 'node:path';

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

/**
 * Strict CSP for everything the scheme serves: the renderer loads only its own files and talks
 * to the hub over IPC, so nothing else is needed. Electron's checklist, item 7.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export type AppRequest =
  | { ok: true; filePath: string; mimeType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps a request on the app scheme to a file inside `rendererDir`. Paths with a file extension are
 * assets; any other path is a surface (`/kiosk`, `/desk`, `/room/blue`) and gets `index.html`, so
 * the renderer's own routing takes over. Anything that would leave `rendererDir` is refused.
 */
export function resolveAppRequest(url: string, rendererDir: string): AppRequest {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (originOf(url) !== appOrigin) return { ok: false, status: 403, reason: 'not the app origin' };

  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed escape in path' };
  }
  // After decoding, `%2F..` and `%5C..` become real separators; refuse what a path may not hold.
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 400, reason: 'forbidden character in path' };

  const segments = pathname.split('/').filter((segment) => segment !== '');
  const last = segments.at(-1) ?? '';
  const isAsset = path.posix.extname(last) !== '';
  const root = path.resolve(rendererDir);
  const filePath = isAsset ? path.resolve(root, ...segments) : path.join(root, 'index.html');

  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { ok: false, status: 403, reason: 'path escapes the renderer folder' };
  }
  return { ok: true, filePath, mimeType: mimeTypeFor(filePath) };
}

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Content type by extension; unknown files are opaque bytes (and `nosniff` keeps them so). */
export function mimeTypeFor(filePath: string): string {
  return mimeTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
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
