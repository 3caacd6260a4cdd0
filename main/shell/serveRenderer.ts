/**
 * Serves the built renderer on the app scheme (`protocol.handle`, not the deprecated
 * `registerFileProtocol`), and the shell's own pages (`shellPages.ts`) at their reserved paths.
 * The decisions live in `appProtocol.ts`; this only reads the file.
 */
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { appScheme, contentSecurityPolicy, resolveAppRequest, responseHeaders } from './appProtocol.ts';
import { shellPageFor } from './shellPages.ts';

export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const refusal = (status: number) => new Response(null, { status, headers: { 'content-security-policy': contentSecurityPolicy } });
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
    const page = shellPageFor(request.url);
    if (page) return new Response(request.method === 'HEAD' ? null : page.body, { status: 200, headers: responseHeaders(page.mimeType) });
    const resolved = resolveAppRequest(request.url, rendererDir);
    if (!resolved.ok) return refusal(resolved.status);
    try {
      const body = await readFile(resolved.filePath);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: responseHeaders(resolved.mimeType) });
    } catch {
      return refusal(404);
    }
  });
}
