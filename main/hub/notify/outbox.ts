/**
 * The notification outbox in SQLite: rows written in the same transaction as the arrival they
 * announce, read back by the dispatcher until each is acknowledged. Plain data access; when to
 * send and how is dispatcher.ts's business.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../store/database.ts';
import type { RouteKind, RoutePayload } from './routes.ts';

export interface OutboxRow {
  id: string;
  arrivalId: string | null;
  route: RouteKind;
  payload: unknown;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  deliveredAt: number | null;
  lastError: string | null;
}

interface StoredRow {
  id: string;
  arrival_id: string | null;
  route: RouteKind;
  payload: string;
  created_at: number;
  attempts: number;
  next_attempt_at: number;
  delivered_at: number | null;
  last_error: string | null;
}

export interface RetryPolicy {
  /** Wait after the first failure; doubles with each further one. */
  baseMs: number;
  maxMs: number;
}

export const defaultRetry: RetryPolicy = { baseMs: 1000, maxMs: 5 * 60_000 };

/** `last_error` is limited to 300 characters by the schema. */
const maxErrorLength = 300;

const toRow = (row: StoredRow): OutboxRow => ({
  id: row.id,
  arrivalId: row.arrival_id,
  route: row.route,
  payload: JSON.parse(row.payload),
  createdAt: row.created_at,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  deliveredAt: row.delivered_at,
  lastError: row.last_error,
});

function prepare(db: Db) {
  return {
    insert: db.prepare('INSERT INTO outbox (id, arrival_id, route, payload, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)'),
    due: db.prepare<[number, number], StoredRow>(
      'SELECT * FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, rowid LIMIT ?',
    ),
    nextDue: db.prepare<[number], { at: number | null }>('SELECT MIN(next_attempt_at) AS at FROM outbox WHERE delivered_at IS NULL AND next_attempt_at > ?'),
    delivered: db.prepare('UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ? AND delivered_at IS NULL'),
    failed: db.prepare('UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ? AND delivered_at IS NULL'),
    get: db.prepare<[string], StoredRow>('SELECT * FROM outbox WHERE id = ?'),
    pendingCount: db.prepare<[], { pending: number; oldest: number | null }>(
      'SELECT COUNT(*) AS pending, MIN(created_at) AS oldest FROM outbox WHERE delivered_at IS NULL',
    ),
    lastError: db.prepare<[], { route: RouteKind; last_error: string }>(
      'SELECT route, last_error FROM outbox WHERE delivered_at IS NULL AND last_error IS NOT NULL ORDER BY next_attempt_at DESC LIMIT 1',
    ),
    deskAlert: db.prepare<[string], { found: number }>("SELECT 1 AS found FROM outbox WHERE arrival_id = ? AND route = 'desk-alert' LIMIT 1"),
    replacePayload: db.prepare('UPDATE outbox SET payload = ? WHERE id = ? AND delivered_at IS NULL'),
    // The last pushes and cues to one phone or one light (collapse.ts). Today's rows at most: they go with their arrivals.
    laterPush: db.prepare<[number, string], { id: string; payload: string }>(
      "SELECT id, payload FROM outbox WHERE route = 'ha-notify' AND delivered_at IS NULL AND next_attempt_at > ? AND json_extract(payload, '$.service') = ? AND json_extract(payload, '$.summary') IS NOT NULL ORDER BY next_attempt_at DESC LIMIT 1",
    ),
    pushTimes: db.prepare<[string, number], { at: number }>(
      "SELECT next_attempt_at AS at FROM outbox WHERE route = 'ha-notify' AND json_extract(payload, '$.service') = ? ORDER BY next_attempt_at DESC LIMIT ?",
    ),
    cueGlowing: db.prepare<[string, number], { found: number }>(
      "SELECT 1 AS found FROM outbox WHERE route = 'light-cue' AND json_extract(payload, '$.light') = ? AND (delivered_at IS NULL OR created_at > ?) LIMIT 1",
    ),
  };
}

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();
function sql(db: Db) {
  let prepared = statements.get(db);
  if (!prepared) {
    prepared = prepare(db);
    statements.set(db, prepared);
  }
  return prepared;
}

/** A fresh outbox id; it travels with the message as `messageId` so receivers can drop duplicates. */
export const newOutboxId = () => randomBytes(18).toString('base64url');

/**
 * Adds the notifications for one arrival, due at once. Call it inside the transaction that writes
 * the arrival (it nests as a savepoint), so both are committed or neither; then `nudge()` the
 * dispatcher. Returns the new row ids.
 */
export function enqueueArrivalNotifications(db: Db, arrival: { id: string }, notifications: readonly RoutePayload[], now = Date.now()): string[] {
  const { insert } = sql(db);
  return db.transaction(() =>
    notifications.map(({ route, payload }) => {
      const id = newOutboxId();
      insert.run(id, arrival.id, route, JSON.stringify(payload), now, now);
      return id;
    }),
  )();
}

/** One notification for an arrival, due at `dueAt` rather than at once (a push held back to collapse a burst). */
export function enqueueLater(db: Db, arrival: { id: string }, notification: RoutePayload, now: number, dueAt: number): string {
  const id = newOutboxId();
  sql(db).insert.run(id, arrival.id, notification.route, JSON.stringify(notification.payload), now, dueAt);
  return id;
}

/** A push held back for later, to this service, not yet sent (so not in flight either): a new arrival folds into it. */
export function heldBackPush(db: Db, service: string, now: number): { id: string; payload: Extract<RoutePayload, { route: 'ha-notify' }>['payload'] } | null {
  const row = sql(db).laterPush.get(now, service);
  return row ? { id: row.id, payload: JSON.parse(row.payload) } : null;
}

/** Changes what a row not yet delivered will say; false if it went out meanwhile. */
export function replacePayload(db: Db, id: string, notification: RoutePayload): boolean {
  return sql(db).replacePayload.run(JSON.stringify(notification.payload), id).changes === 1;
}

/** When the latest `limit` pushes to this service went or are due to go, latest first (today's at most). */
export function pushTimes(db: Db, service: string, limit: number): number[] {
  return sql(db).pushTimes.all(service, limit).map((row) => row.at);
}

/** Whether a cue on this light is still waiting to be sent, or was written after `since` (it may still glow). */
export function cueGlowing(db: Db, light: string, since: number): boolean {
  return sql(db).cueGlowing.get(light, since) !== undefined;
}

/** Up to `limit` rows that are due, oldest first, leaving out those already being delivered. */
export function claimDue(db: Db, now: number, limit: number, inFlight: ReadonlySet<string> = new Set()): OutboxRow[] {
  if (limit <= 0) return [];
  return sql(db)
    .due.all(now, limit + inFlight.size)
    .filter((row) => !inFlight.has(row.id))
    .slice(0, limit)
    .map(toRow);
}

/** When the next row not yet due becomes due, or null if none is waiting. */
export function nextDueAt(db: Db, now: number): number | null {
  return sql(db).nextDue.get(now)?.at ?? null;
}

export function markDelivered(db: Db, id: string, now: number): void {
  sql(db).delivered.run(now, id);
}

/** Wait after `attempts` failed tries: 1 s, 2 s, 4 s … capped (5 min by default). */
export function retryDelayMs(attempts: number, policy: RetryPolicy = defaultRetry): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
}

/** Counts the failed try, keeps the reason for the desk's health view, and sets when to try again. */
export function recordFailure(db: Db, row: Pick<OutboxRow, 'id' | 'attempts'>, error: string, now: number, policy: RetryPolicy = defaultRetry): number {
  const attempts = row.attempts + 1;
  const nextAttemptAt = now + retryDelayMs(attempts, policy);
  sql(db).failed.run(attempts, nextAttemptAt, error.slice(0, maxErrorLength), row.id);
  return nextAttemptAt;
}

/** Makes every waiting row of these routes due now, e.g. when Home Assistant has just come back. */
export function makeDueNow(db: Db, routes: readonly RouteKind[], now: number): number {
  if (routes.length === 0) return 0;
  return db
    .prepare(`UPDATE outbox SET next_attempt_at = ? WHERE delivered_at IS NULL AND next_attempt_at > ? AND route IN (${routes.map(() => '?').join(', ')})`)
    .run(now, now, ...routes).changes;
}

export function getOutboxRow(db: Db, id: string): OutboxRow | undefined {
  const row = sql(db).get.get(id);
  return row && toRow(row);
}

/** For the desk's health view: how many notifications wait, since when, and the latest reason. */
export function outboxHealth(db: Db): { pending: number; oldestCreatedAt: number | null; lastError: { route: RouteKind; message: string } | null } {
  const { pending, oldest } = sql(db).pendingCount.get()!;
  const last = sql(db).lastError.get();
  return { pending, oldestCreatedAt: oldest, lastError: last ? { route: last.route, message: last.last_error } : null };
}

/** Whether the desk was already alerted about this arrival (escalation happens once). */
export function hasDeskAlert(db: Db, arrivalId: string): boolean {
  return sql(db).deskAlert.get(arrivalId) !== undefined;
}

/**
 * Desk alerts whose arrival still waits unacknowledged. The live event can reach no desk (none
 * open, or reconnecting), so the board carries them too and an alert is never lost.
 */
export function openDeskAlerts(db: Db): { arrivalId: string; clinicianId: string | null; waitedMinutes: number }[] {
  const rows = db
    .prepare<[], { payload: string }>(
      `SELECT o.payload FROM outbox o JOIN arrivals a ON a.id = o.arrival_id
       WHERE o.route = 'desk-alert' AND a.status = 'waiting' AND a.acknowledged_at IS NULL ORDER BY o.created_at`,
    )
    .all();
  return rows.map((row) => {
    const { arrivalId, clinicianId, waitedMinutes } = JSON.parse(row.payload) as { arrivalId: string; clinicianId: string | null; waitedMinutes: number };
    return { arrivalId, clinicianId, waitedMinutes };
  });
}
