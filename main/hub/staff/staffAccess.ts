/**
 * Staff sign-in for screens reached over the network: the PIN is checked against its scrypt
 * hash, wrong tries are throttled, and a correct PIN opens a session whose random token lives in
 * an HttpOnly cookie; only the token's SHA-256 is stored.
 *
 * Guessing is bounded three ways, all decided before scrypt runs so concurrent tries cannot race
 * past them (100 parallel guesses once found the desk PIN in 6 s):
 * - per caller: one check at a time (a few more wait their turn, the rest are refused), and every
 *   try counts as wrong until it is proved right, so after the free tries each one waits longer
 *   (pinThrottle.ts);
 * - for the whole hub: at most `hubFailuresPerHour` wrong PINs in any hour from anywhere, so
 *   spreading guesses over many addresses gains nothing; the desk is told of a burst;
 * - at most `maxConcurrentChecks` scrypt runs at once (a few more wait): scrypt uses libuv's
 *   small thread pool, which also serves files, so a flood of checks cannot make pages slow.
 * The throttle lives in SQLite, so a restart hands out no fresh tries. Every wrong PIN is logged
 * with its source address. A session remembers which PIN hash opened it and ends when that PIN
 * changes (a device session for the shell's own windows was opened by no PIN and does not).
 *
 * A live socket holds its session for as long as it stays open, so it asks `watch()` before each
 * event whether the session still holds: past its expiry, after a logout, or once its PIN changed
 * it does not, and the socket is closed (a socket once kept streaming arrivals after logout).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mayUse, type Access, type ApiError } from '../../contract/contract.ts';
import type { OfficeConfig } from '../config/officeConfig.ts';
import { silentLog, type Log } from '../log.ts';
import type { Db } from '../store/database.ts';
import { verifyPin } from './pin.ts';
import { PinThrottle, type ThrottleRecord, type ThrottleStore } from './pinThrottle.ts';

export const staffSessionHours = 12;
/** Wrong PINs the whole hub accepts in any hour before every sign-in waits. */
export const hubFailuresPerHour = 20;
/** Wrong PINs within ten minutes that make the desk hear of it. */
export const burstFailures = 10;
export const maxConcurrentChecks = 2;

export type LoginResult = { ok: true; token: string; maxAgeSeconds: number; role: Exclude<Access, 'kiosk'> } | { ok: false; error: ApiError };

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
/**
 * What a device session stores where a PIN session stores its PIN's digest: the session was
 * handed by the hub to its own Electron shell (supervised/child.ts), not opened by a PIN, so a
 * changed PIN does not end it. The shell renews it; nothing over the network can ask for one.
 */
const deviceSessionMark = digest('stillroom device session');

/**
 * A `staff-pin` file in the data folder (written by `stillroom hash-pin --data`) wins over the config.
 * One that is there but cannot be read (written 0600 by another user, a folder by mistake) falls back
 * to the config too, and `onUnreadable` hears why: the admin set a PIN that is not the one in use.
 */
function readPinHash(config: OfficeConfig, dataDir: string, onUnreadable: (code: string) => void): string | undefined {
  try {
    return readFileSync(join(dataDir, 'staff-pin'), 'utf8').trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    if (code !== 'ENOENT') onUnreadable(code);
    return config.staff.pinHash;
  }
}

function sqliteThrottleStore(db: Db): ThrottleStore {
  const get = db.prepare<[string], { failures: number; blocked_until: number }>('SELECT failures, blocked_until FROM pin_throttle WHERE caller = ?');
  const set = db.prepare('INSERT INTO pin_throttle (caller, failures, blocked_until) VALUES (?, ?, ?) ON CONFLICT (caller) DO UPDATE SET failures = excluded.failures, blocked_until = excluded.blocked_until');
  const remove = db.prepare('DELETE FROM pin_throttle WHERE caller = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM pin_throttle');
  const forget = db.prepare('DELETE FROM pin_throttle WHERE blocked_until < ?');
  return {
    get(caller) {
      const row = get.get(caller);
      return row ? ({ failures: row.failures, blockedUntil: row.blocked_until } satisfies ThrottleRecord) : undefined;
    },
    set: (caller, record) => void set.run(caller, record.failures, record.blockedUntil),
    delete: (caller) => void remove.run(caller),
    size: () => count.get()!.n,
    forgetBefore: (cutoff) => void forget.run(cutoff),
  };
}

export interface StaffAccessDeps {
  db: Db;
  config: OfficeConfig;
  dataDir: string;
  now: () => number;
  log?: Log;
  /** A burst of wrong PINs began (true) or a right one ended it (false): the desk's health hears. */
  onGuessing?: (guessing: boolean) => void;
  /**
   * A new office's one-time setup code (setup/firstRun.ts), as a PIN's hash: it opens admin only
   * while neither a desk nor an admin PIN is set, so setting the first one ends it and its sessions.
   */
  setupCodeHash?: string;
}

export function createStaffAccess({ db, config, dataDir, now, log = silentLog, onGuessing, setupCodeHash }: StaffAccessDeps) {
  // Callers are network addresses; cap the text so a strange one cannot fill the table's check.
  const callerKey = (caller: string) => caller.slice(0, 80);
  const throttle = new PinThrottle(now, undefined, sqliteThrottleStore(db));
  const insert = db.prepare('INSERT INTO staff_sessions (token_hash, expires_at, role, pin_digest) VALUES (?, ?, ?, ?)');
  const find = db.prepare<[string, number], { role: Exclude<Access, 'kiosk'>; pin_digest: string | null; expires_at: number }>('SELECT role, pin_digest, expires_at FROM staff_sessions WHERE token_hash = ? AND expires_at > ?');
  const remove = db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?');
  const removeExpired = db.prepare('DELETE FROM staff_sessions WHERE expires_at <= ?');
  const addFailure = db.prepare('INSERT INTO pin_failures (at) VALUES (?)');
  const removeFailure = db.prepare('DELETE FROM pin_failures WHERE rowid = ?');
  const failuresSince = db.prepare<[number], { n: number; oldest: number | null }>('SELECT count(*) AS n, min(at) AS oldest FROM pin_failures WHERE at > ?');
  const forgetFailures = db.prepare('DELETE FROM pin_failures WHERE at <= ?');
  let guessing = false;
  // Bumped whenever a session may have ended early (a logout, a PIN change): watchers look again.
  let generation = 0;
  const sessionsChangedListeners = new Set<() => void>();
  const sessionsChanged = () => {
    generation += 1;
    for (const listener of sessionsChangedListeners) listener();
  };

  type StaffRole = Exclude<Access, 'kiosk'>;
  /**
   * The PINs, highest role first. An office that sets only the desk PIN uses it for everything
   * (admin included); a room PIN, when set, opens room screens only.
   */
  let unreadableSaid: string | null = null;
  const unreadable = (code: string) => {
    if (unreadableSaid === code) return;
    unreadableSaid = code;
    log.error("the data folder's staff-pin cannot be read, so the office file's PIN is used instead; run `stillroom hash-pin --data` as the user the hub runs as", { code });
  };
  const pinsByRole = (): [StaffRole, string | undefined][] => {
    const desk = readPinHash(config, dataDir, unreadable);
    return [
      ['admin', config.staff.adminPinHash ?? desk ?? setupCodeHash],
      ['desk', desk],
      ['room', config.staff.roomPinHash],
    ];
  };

  const tooMany = (message: string, wait: number): { ok: false; error: ApiError } => ({ ok: false, error: { code: 'too-many-tries', message, retryAfterSeconds: Math.max(1, wait) } });

  /** Seconds until the hub as a whole takes another try, 0 when it does now. */
  function hubWait(time: number): number {
    forgetFailures.run(time - 3_600_000);
    const { n, oldest } = failuresSince.get(time - 3_600_000)!;
    return n >= hubFailuresPerHour && oldest !== null ? Math.ceil((oldest + 3_600_000 - time) / 1000) : 0;
  }

  /**
   * Checks take turns: one at a time per caller, `maxConcurrentChecks` for the hub, a few waiting
   * behind them (two screens at one address may sign in together); more than that are refused.
   */
  const callerTurns = new Map<string, Promise<unknown>>();
  const waitingPerCaller = new Map<string, number>();
  let running = 0;
  let waitingForHub = 0;
  const hubTurn: (() => void)[] = [];
  const maxWaitingPerCaller = 3;
  const maxWaitingForHub = 8;

  async function inTurn<T>(caller: string, work: () => Promise<T>, busy: () => T): Promise<T> {
    const waiting = waitingPerCaller.get(caller) ?? 0;
    if (waiting >= maxWaitingPerCaller) return busy();
    waitingPerCaller.set(caller, waiting + 1);
    const previous = callerTurns.get(caller) ?? Promise.resolve();
    const mine = previous.then(async () => {
      if (running >= maxConcurrentChecks) {
        if (waitingForHub >= maxWaitingForHub) return busy();
        waitingForHub += 1;
        await new Promise<void>((resolve) => hubTurn.push(resolve));
        waitingForHub -= 1;
      }
      running += 1;
      try {
        return await work();
      } finally {
        running -= 1;
        hubTurn.shift()?.();
      }
    });
    callerTurns.set(caller, mine.catch(() => undefined));
    try {
      return await mine;
    } finally {
      const left = (waitingPerCaller.get(caller) ?? 1) - 1;
      if (left <= 0) {
        waitingPerCaller.delete(caller);
        callerTurns.delete(caller);
      } else waitingPerCaller.set(caller, left);
    }
  }

  type Checked = { ok: true; role: StaffRole } | { ok: false; error: ApiError };

  /** The role `pin` opens, throttled per caller and for the hub. */
  function check(pin: string, rawCaller: string): Promise<Checked> {
    const caller = callerKey(rawCaller);
    return inTurn(caller, () => checkNow(pin, caller), () => tooMany('Several PINs are being checked just now. Please wait a moment and try again.', 2));
  }

  async function checkNow(pin: string, caller: string): Promise<Checked> {
    const wait = throttle.waitSeconds(caller);
    if (wait > 0) return tooMany(`Too many tries. Please wait ${wait} seconds and try again.`, wait);
    const time = now();
    const hub = hubWait(time);
    if (hub > 0) return tooMany(`Too many wrong PINs have been tried on this hub. Please wait ${Math.ceil(hub / 60)} minutes, or use the desk app on the hub itself.`, hub);
    const pins = pinsByRole();
    if (!pins.some(([, hash]) => hash)) return { ok: false, error: { code: 'not-allowed', message: 'No staff PIN has been set. An admin can set one with `stillroom hash-pin`.' } };

    // Counted as wrong before scrypt runs: a try in flight is a failure until it is proved right.
    throttle.recordFailure(caller);
    const failure = addFailure.run(time).lastInsertRowid;
    const tried = new Set<string>();
    for (const [role, hash] of pins) {
      if (!hash || tried.has(hash)) continue;
      tried.add(hash);
      if (await verifyPin(pin, hash)) {
        throttle.recordSuccess(caller);
        removeFailure.run(failure);
        if (guessing) {
          guessing = false;
          onGuessing?.(false);
        }
        return { ok: true, role };
      }
    }
    log.warn('a wrong staff PIN was tried', { source: caller });
    if (!guessing && failuresSince.get(now() - 600_000)!.n >= burstFailures) {
      guessing = true;
      onGuessing?.(true);
    }
    return { ok: false, error: { code: 'needs-pin', message: "That PIN didn't match. Let's try that again." } };
  }

  const roleDigest = (role: StaffRole): string | undefined => {
    const hash = pinsByRole().find(([name]) => name === role)?.[1];
    return hash ? digest(hash) : undefined;
  };

  function access(token: string | undefined): Access {
    if (!token) return 'kiosk';
    const session = find.get(digest(token), now());
    if (!session) return 'kiosk';
    // A device session (deviceSessionMark) survives a PIN change by design: the shell's own desk
    // and room windows were never opened by a PIN, so a new PIN does not end them (and their live
    // sockets stay open); a logout of that token still ends it, and its sockets close.
    if (session.pin_digest !== deviceSessionMark && session.pin_digest !== roleDigest(session.role)) {
      remove.run(digest(token));
      return 'kiosk';
    }
    return session.role;
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
        const wait = checked.error.code === 'needs-pin' ? throttle.waitSeconds(callerKey(caller)) : 0;
        return wait > 0 ? { ok: false, error: { code: 'needs-pin', message: `That PIN didn't match. Please wait ${wait} seconds before trying again.`, retryAfterSeconds: wait } } : checked;
      }
      removeExpired.run(now());
      const token = randomBytes(32).toString('base64url');
      insert.run(digest(token), now() + staffSessionHours * 3_600_000, checked.role, roleDigest(checked.role) ?? null);
      return { ok: true, token, maxAgeSeconds: staffSessionHours * 3600, role: checked.role };
    },
    /** The session's role, or `kiosk` without a live session (expired, signed out, or its PIN since changed). */
    access,
    /**
     * A session for one of the shell's own windows (the desk or a room screen on the hub's machine),
     * asked for over the supervisor's channel only. `current` is kept while it still opens `role`.
     */
    openDeviceSession(role: 'desk' | 'room', current?: string): { token: string; maxAgeSeconds: number } {
      const maxAgeSeconds = staffSessionHours * 3600;
      if (current !== undefined) {
        // Kept only while it has an hour left, still opens `role` (an admin sign-in at the desk
        // stays an admin sign-in) and its PIN has not changed since.
        const held = find.get(digest(current), now() + 3_600_000);
        const stillGood = held && (held.pin_digest === deviceSessionMark || held.pin_digest === roleDigest(held.role)) && mayUse(held.role, role);
        if (stillGood) return { token: current, maxAgeSeconds };
      }
      removeExpired.run(now());
      const token = randomBytes(32).toString('base64url');
      insert.run(digest(token), now() + maxAgeSeconds * 1000, role, deviceSessionMark);
      return { token, maxAgeSeconds };
    },
    logout(token: string): void {
      remove.run(digest(token));
      sessionsChanged();
    },
    /**
     * For a live socket: the role its session opens now, and `stillOpen()`, cheap enough to ask
     * before every event: the expiry is compared each time, the whole session is looked up again
     * after a logout or PIN change anywhere and at least every `recheckMs` (a PIN changed in the
     * data folder by `stillroom hash-pin --data` is noticed that way).
     */
    watch(token: string | undefined, recheckMs = 1000): { role: Access; stillOpen(): boolean } {
      const role = access(token);
      const session = token && role !== 'kiosk' ? find.get(digest(token), now()) : undefined;
      if (!token || !session) return { role, stillOpen: () => true };
      let seen = generation;
      let checkedAt = performance.now();
      let open = true;
      return {
        role,
        stillOpen() {
          if (!open) return false;
          if (now() >= session.expires_at) open = false;
          else if (seen !== generation || performance.now() - checkedAt >= recheckMs) {
            seen = generation;
            checkedAt = performance.now();
            open = access(token) === role;
          }
          return open;
        },
      };
    },
    /** Heard after a logout or a PIN change: live sockets look at their sessions at once. */
    onSessionsChanged(listener: () => void): () => void {
      sessionsChangedListeners.add(listener);
      return () => sessionsChangedListeners.delete(listener);
    },
    /** The office's PINs may have changed (the office file was saved): sessions opened by an old one end. */
    pinsChanged: sessionsChanged,
  };
}

export type StaffAccess = ReturnType<typeof createStaffAccess>;
