/**
 * Staff sign-in for screens reached over the network: the PIN is checked against its scrypt
 * hash, wrong tries are throttled per caller, and a correct PIN opens a session whose random
 * token lives in an HttpOnly cookie; only the token's SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Access, ApiError } from '../../contract/contract.ts';
import type { OfficeConfig } from '../config/officeConfig.ts';
import type { Db } from '../store/database.ts';
import { verifyPin } from './pin.ts';
import { PinThrottle } from './pinThrottle.ts';

export const staffSessionHours = 12;

export type LoginResult = { ok: true; token: string; maxAgeSeconds: number; role: Exclude<Access, 'kiosk'> } | { ok: false; error: ApiError };

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
  const insert = db.prepare('INSERT INTO staff_sessions (token_hash, expires_at, role) VALUES (?, ?, ?)');
  const find = db.prepare<[string, number], { role: Exclude<Access, 'kiosk'> }>('SELECT role FROM staff_sessions WHERE token_hash = ? AND expires_at > ?');
  const remove = db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?');
  const removeExpired = db.prepare('DELETE FROM staff_sessions WHERE expires_at <= ?');

  type StaffRole = Exclude<Access, 'kiosk'>;
  /**
   * The PINs, highest role first. An office that sets only the desk PIN uses it for everything
   * (admin included); a room PIN, when set, opens room screens only.
   */
  const pinsByRole = (): [StaffRole, string | undefined][] => {
    const desk = readPinHash(config, dataDir);
    return [
      ['admin', config.staff.adminPinHash ?? desk],
      ['desk', desk],
      ['room', config.staff.roomPinHash],
    ];
  };

  /** The role `pin` opens, throttled per caller. */
  async function check(pin: string, caller: string): Promise<{ ok: true; role: StaffRole } | { ok: false; error: ApiError }> {
    const wait = throttle.waitSeconds(caller);
    if (wait > 0) return { ok: false, error: { code: 'too-many-tries', message: `Too many tries. Please wait ${wait} seconds and try again.`, retryAfterSeconds: wait } };
    const pins = pinsByRole();
    if (!pins.some(([, hash]) => hash)) return { ok: false, error: { code: 'not-allowed', message: 'No staff PIN has been set. An admin can set one with `stillroom hash-pin`.' } };
    const tried = new Set<string>();
    for (const [role, hash] of pins) {
      if (!hash || tried.has(hash)) continue;
      tried.add(hash);
      if (await verifyPin(pin, hash)) {
        throttle.recordSuccess(caller);
        return { ok: true, role };
      }
    }
    throttle.recordFailure(caller);
    return { ok: false, error: { code: 'needs-pin', message: "That PIN didn't match. Let's try that again." } };
  }

  return {
    /** The admin PIN (the desk PIN where none is set), e.g. to leave the kiosk by its hidden exit. Throttled; opens no session. */
    async checkAdminPin(pin: string, caller: string): Promise<boolean> {
      const checked = await check(pin, caller);
      return checked.ok && checked.role === 'admin';
    },
    async login(pin: string, caller: string): Promise<LoginResult> {
      const checked = await check(pin, caller);
      if (!checked.ok) {
        // After a wrong PIN, say how long the next try must wait, if the throttle now says so.
        const wait = checked.error.code === 'needs-pin' ? throttle.waitSeconds(caller) : 0;
        return wait > 0 ? { ok: false, error: { code: 'needs-pin', message: `That PIN didn't match. Please wait ${wait} seconds before trying again.`, retryAfterSeconds: wait } } : checked;
      }
      removeExpired.run(now());
      const token = randomBytes(32).toString('base64url');
      insert.run(digest(token), now() + staffSessionHours * 3_600_000, checked.role);
      return { ok: true, token, maxAgeSeconds: staffSessionHours * 3600, role: checked.role };
    },
    /** The session's role, or `kiosk` without a live session. */
    access(token: string | undefined): Access {
      return (token && find.get(digest(token), now())?.role) || 'kiosk';
    },
    logout(token: string): void {
      remove.run(digest(token));
    },
  };
}

export type StaffAccess = ReturnType<typeof createStaffAccess>;
