/**
 * Serves the built renderer. Surface paths (`/kiosk`, `/desk`, `/room/…`) get index.html so the
 * app can route; a path that would resolve outside the renderer folder is never served.
 */
import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
};

export function resolveRendererFile(rendererDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = normalize(rendererDir + sep);
  const candidate = normalize(join(root, decoded));
  if (!candidate.startsWith(root)) return null;
  if (extname(candidate) === '') return join(root, 'index.html');
  return candidate;
}

export function serveRendererFile(rendererDir: string, urlPath: string, response: ServerResponse): void {
  const file = resolveRendererFile(rendererDir, urlPath);
  const stat = file ? statSafe(file) : null;
  if (!file || !stat?.isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const immutable = file.includes(`${sep}assets${sep}`);
  response.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'content-length': stat.size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(response);
}

function statSafe(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
