/**
 * The first checks on any JSON payload from the bus, before its schema: a size limit (checked
 * before parsing, so a huge body costs nothing) and valid JSON. The reason is for the log.
 */
export type JsonPayload = { ok: true; value: unknown } | { ok: false; reason: string };

export function jsonPayload(payload: Buffer, maxBytes: number): JsonPayload {
  if (payload.length > maxBytes) return { ok: false, reason: `payload of ${payload.length} bytes is over the ${maxBytes}-byte limit` };
  try {
    return { ok: true, value: JSON.parse(payload.toString('utf8')) };
  } catch {
    return { ok: false, reason: 'payload is not JSON' };
  }
}
