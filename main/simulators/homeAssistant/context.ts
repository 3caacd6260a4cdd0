/**
 * Home Assistant contexts and timestamps, in the shapes the real server puts on the wire.
 */
import { randomBytes } from 'node:crypto';

export interface Context {
  id: string;
  parent_id: string | null;
  user_id: string | null;
}

/** The one user every simulated long-lived token belongs to. */
export const simulatedUserId = '31ddb597e03147118cf8d2f8fbea5553';

/**
 * The user behind the token. `isAdmin` is read at every command, as HA's `User.is_admin` is
 * (homeassistant/auth/models.py: a cached property dropped when the user's groups change), so
 * taking the Administrator switch away applies to connections already open.
 */
export interface SimulatedUser {
  id: string;
  name: string;
  isAdmin: boolean;
}

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Modern HA builds context ids as ULIDs: 10 chars of millisecond time, then 16 random chars. */
export function ulid(atMs: number = Date.now()): string {
  let time = '';
  let remaining = Math.floor(atMs);
  for (let i = 0; i < 10; i++) {
    time = crockford[remaining % 32] + time;
    remaining = Math.floor(remaining / 32);
  }
  let random = '';
  for (const byte of randomBytes(16)) random += crockford[byte % 32];
  return time + random;
}

export function newContext(userId: string | null = null, parentId: string | null = null): Context {
  return { id: ulid(), parent_id: parentId, user_id: userId };
}

let lastSeconds = 0;

/**
 * Wall-clock seconds with microseconds, strictly increasing so that two writes in the same
 * millisecond still get different `last_updated` values, as they would in Python.
 */
export function nowSeconds(): number {
  const now = Math.round((performance.timeOrigin + performance.now()) * 1000) / 1e6;
  lastSeconds = now > lastSeconds ? now : Math.round((lastSeconds + 1e-6) * 1e6) / 1e6;
  return lastSeconds;
}

/** Python's `datetime.isoformat()` for a UTC time: microseconds only when non-zero, `+00:00`. */
export function isoFromSeconds(seconds: number): string {
  const micros = Math.round(seconds * 1e6);
  const date = new Date(Math.floor(micros / 1000));
  const fraction = micros % 1_000_000;
  const base = date.toISOString().slice(0, 19);
  return fraction === 0 ? `${base}+00:00` : `${base}.${String(fraction).padStart(6, '0')}+00:00`;
}
