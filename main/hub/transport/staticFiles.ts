/**
 * The built renderer as both transports serve it: which file a request path maps to, its content
 * type, and the Content-Security-Policy every page gets. Surface paths (`/kiosk`, `/desk`,
 * `/room/…`) get index.html so the app can route; a path that would leave the renderer folder is
 * never served. The HTTP transport uses this directly; the Electron app scheme adds its origin
 * check on top (main/shell/appProtocol.ts).
 */
import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

/**
 * Strict CSP for every page: the renderer loads only its own files and talks only to its own
 * origin. Electron's security checklist, item 7.
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

export type RendererFile = { ok: true; filePath: string; mimeType: string } | { ok: false; status: 400 | 403; reason: string };

/**
 * Maps a URL path (still percent-encoded) to a file inside `rendererDir`. Paths with a file
 * extension are assets; any other path is a surface and gets `index.html`.
 */
export function resolveRendererPath(urlPath: string, rendererDir: string): RendererFile {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath);
  } catch {
    return { ok: false, status: 400, reason: 'malformed escape in path' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 400, reason: 'forbidden character in path' };

  const segments = pathname.split('/').filter((segment) => segment !== '');
  const isAsset = path.posix.extname(segments.at(-1) ?? '') !== '';
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

export function serveRendererFile(rendererDir: string, urlPath: string, response: ServerResponse): void {
  const file = resolveRendererPath(urlPath, rendererDir);
  const stat = file.ok ? statSafe(file.filePath) : null;
  if (!file.ok || !stat?.isFile()) {
    response.writeHead(file.ok ? 404 : file.status, { 'content-type': 'text/plain; charset=utf-8' }).end(file.ok ? 'Not found' : 'Refused');
    return;
  }
  // Vite names built assets by content hash, so they never change under the same name.
  const immutable = file.filePath.includes(`${path.sep}assets${path.sep}`);
  response.writeHead(200, {
    'content-type': file.mimeType,
    'content-length': stat.size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file.filePath).pipe(response);
}

function statSafe(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
