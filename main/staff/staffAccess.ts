/**
 * Staff sign-in for screens reached over the network: the PIN is checked against its scrypt
 * hash, wrong tries are throttled per caller, and a correct PIN opens a session whose random
 * token lives in an HttpOnly cookie; only the token's SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Access, ApiError } from '../common/contract.ts';
import type { OfficeConfig } from '../config/officeConfig.ts';
import type { Db } from '../store/database.ts';
import { verifyPin } from './pin.ts';
import { PinThrottle } from './pinThrottle.ts';

export const staffSessionHours = 12;

export type LoginResult = { ok: true; token: string; maxAgeSeconds: number } | { ok: false; error: ApiError };

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** A `staff-pin` file in the data folder (written by `stillroom hash-pin --data`) wins over the config. */
function readPinHash(config: OfficeConfig, dataDir: string): string | undefined {
  try {
    return readFileSync(join(dataDir, 'staff-pin'), 'utf8').trim();
  } catch {
    return config.staff.pinHash;
  }
}

export function createStaffAccess({ db, config, dataDir, now }: { db: Db; config: OfficeConfig; dataDir: string; now: () => number }) {
  const throttle = new PinThrottle(now);
  const insert = db.prepare('INSERT INTO staff_sessions (token_hash, expires_at) VALUES (?, ?)');
  const find = db.prepare<[string, number], { expires_at: number }>('SELECT expires_at FROM staff_sessions WHERE token_hash = ? AND expires_at > ?');
  const remove = db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?');
  const removeExpired = db.prepare('DELETE FROM staff_sessions WHERE expires_at <= ?');

  /** The PIN check itself, throttled per caller; `hash` is the one to compare with. */
  async function check(pin: string, caller: string, hash: string | undefined): Promise<{ ok: true } | { ok: false; error: ApiError }> {
    const wait = throttle.waitSeconds(caller);
    if (wait > 0) return { ok: false, error: { code: 'too-many-tries', message: `Too many tries. Please wait ${wait} seconds and try again.`, retryAfterSeconds: wait } };
    if (!hash) return { ok: false, error: { code: 'not-allowed', message: 'No staff PIN has been set. An admin can set one with `stillroom hash-pin`.' } };
    if (!(await verifyPin(pin, hash))) {
      throttle.recordFailure(caller);
      return { ok: false, error: { code: 'needs-pin', message: "That PIN didn't match. Let's try that again." } };
    }
    throttle.recordSuccess(caller);
    return { ok: true };
  }

  return {
    /**
     * The admin PIN (the staff PIN where none is set), e.g. to leave the kiosk by its hidden exit.
     * Throttled like sign-in; opens no session.
     */
    async checkAdminPin(pin: string, caller: string): Promise<boolean> {
      return (await check(pin, caller, config.staff.adminPinHash ?? readPinHash(config, dataDir))).ok;
    },
    async login(pin: string, caller: string): Promise<LoginResult> {
      const checked = await check(pin, caller, readPinHash(config, dataDir));
      if (!checked.ok) {
        // After a wrong PIN, say how long the next try must wait, if the throttle now says so.
        const wait = checked.error.code === 'needs-pin' ? throttle.waitSeconds(caller) : 0;
        return wait > 0 ? { ok: false, error: { code: 'needs-pin', message: `That PIN didn't match. Please wait ${wait} seconds before trying again.`, retryAfterSeconds: wait } } : checked;
      }
      removeExpired.run(now());
      const token = randomBytes(32).toString('base64url');
      insert.run(digest(token), now() + staffSessionHours * 3_600_000);
      return { ok: true, token, maxAgeSeconds: staffSessionHours * 3600 };
    },
    access(token: string | undefined): Access {
      return token && find.get(digest(token), now()) ? 'staff' : 'kiosk';
    },
    logout(token: string): void {
      remove.run(digest(token));
    },
  };
}

export type StaffAccess = ReturnType<typeof createStaffAccess>;
