/**
 * Reads a JSON request body with a hard size limit: a declared length over the limit is refused
 * before reading, and a body that grows past it mid-stream is cut off.
 */
import type { IncomingMessage } from 'node:http';
import type { ApiError } from '../../contract/contract.ts';

export const maxBodyBytes = 16 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: number; error: ApiError };

const tooLarge: BodyResult = { ok: false, status: 413, error: { code: 'invalid-input', message: 'The request is too large.' } };

export function readJsonBody(request: IncomingMessage): Promise<BodyResult> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    request.resume();
    return Promise.resolve({ ok: false, status: 415, error: { code: 'invalid-input', message: 'Send the request as JSON (Content-Type: application/json).' } });
  }
  if (Number(request.headers['content-length'] ?? 0) > maxBodyBytes) return Promise.resolve(tooLarge);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        settle(tooLarge);
        request.pause();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        settle({ ok: true, value: text.length === 0 ? {} : JSON.parse(text) });
      } catch {
        settle({ ok: false, status: 400, error: { code: 'invalid-input', message: 'The request body is not valid JSON.' } });
      }
    });
    request.on('error', () => settle({ ok: false, status: 400, error: { code: 'invalid-input', message: 'The request could not be read.' } }));
  });
}
