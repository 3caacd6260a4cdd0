/**
 * Delivers the outbox at least once. A row is marked delivered only when its route acknowledges it
 * (the broker's PUBACK, Home Assistant's successful result); a failure is retried with backoff.
 * There is no polling: the dispatcher wakes when nudged after an enqueue, when a delivery settles,
 * and at the next row's due time. After a restart it simply starts with whatever is pending.
 */
import { silentLog, type Log } from '../log.ts';
import type { Db } from '../store/database.ts';
import { claimDue, defaultRetry, makeDueNow, markDelivered, nextDueAt, recordFailure, type OutboxRow, type RetryPolicy } from './outbox.ts';
import type { RouteKind } from './routes.ts';

/**
 * `held`: trying again on a timer cannot help (Home Assistant refuses this token the right to it);
 * the row waits, counted as pending, until `retryNow` for its route (the link reconnected).
 */
export type DeliveryResult = { ok: true } | { ok: false; message: string; held?: boolean };

/** Sends one row's message; resolves once the receiver has acknowledged it or clearly has not. */
export type RouteHandler = (message: OutboxRow) => Promise<DeliveryResult>;
export type RouteHandlers = Partial<Record<RouteKind, RouteHandler>>;

export interface DispatcherOptions {
  db: Db;
  handlers: RouteHandlers;
  log?: Log;
  now?: () => number;
  retry?: RetryPolicy;
  /** Deliveries awaiting acknowledgement at once; more wait their turn in the table. */
  maxInFlight?: number;
  /** Called after each row is marked delivered or failed; for the desk's health view and for tests. */
  onSettled?: (row: OutboxRow, result: DeliveryResult) => void;
  /** The outbox's own bookkeeping failed (a full disk): the row stays pending and is tried again. */
  onFault?: (error: unknown) => void;
  /** The bookkeeping worked again after a fault. */
  onRecovered?: () => void;
}

export interface Dispatcher {
  /** Reads what is pending (including rows left by a previous run) and starts delivering. */
  start(): void;
  /** Something was enqueued: look at once. Cheap; several nudges in one tick make one look. */
  nudge(): void;
  /** Stop waiting out the backoff for these routes, e.g. when Home Assistant or the broker is back. */
  retryNow(routes: readonly RouteKind[]): void;
  /**
   * Stops looking. A delivery still in flight is not recorded when it settles: its row stays pending
   * and goes again after the next start (receivers drop the duplicate by `messageId`).
   */
  stop(): void;
  inFlight(): number;
}

const maxTimerMs = 2 ** 31 - 1;
/** A held row is due again only through `retryNow` (a year is "not by itself"). */
const heldRetry: RetryPolicy = { baseMs: 365 * 24 * 3600_000, maxMs: 365 * 24 * 3600_000 };
const faultRetryMs = 5_000;

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, handlers } = options;
  const log = options.log ?? silentLog;
  const now = options.now ?? Date.now;
  const retry = options.retry ?? defaultRetry;
  const maxInFlight = options.maxInFlight ?? 32;
  const inFlight = new Set<string>();
  let running = false;
  let looking = false;
  let timer: NodeJS.Timeout | undefined;

  function schedule(): void {
    if (!running || looking) return;
    looking = true;
    queueMicrotask(look);
  }

  function look(): void {
    looking = false;
    if (!running) return;
    clearTimeout(timer);
    timer = undefined;
    try {
      lookNow();
    } catch (error) {
      options.onFault?.(error);
      timer = setTimeout(look, faultRetryMs);
    }
  }

  function lookNow(): void {
    const time = now();
    for (const row of claimDue(db, time, maxInFlight - inFlight.size, inFlight)) deliver(row);
    // Rows due now but beyond `maxInFlight` are picked up when a delivery settles; only rows in the
    // future need a timer.
    const next = nextDueAt(db, time);
    if (next !== null) timer = setTimeout(look, Math.min(Math.max(next - now(), 0), maxTimerMs));
  }

  const failingRoutes = new Set<string>();
  function deliver(row: OutboxRow): void {
    inFlight.add(row.id);
    const handler = handlers[row.route];
    void send(handler, row).then((result) => {
      inFlight.delete(row.id);
      if (!running) return;
      const time = now();
      try {
        if (result.ok) {
          markDelivered(db, row.id, time);
          if (failingRoutes.delete(row.route)) log.info('notifications are delivered again', { route: row.route });
        } else {
          const nextAttemptAt = recordFailure(db, row, result.message, time, result.held ? heldRetry : retry);
          // Once per route while it fails, not per notification: a line per arrival (with its id) would
          // be a record of each visit's time outliving the purge.
          if (!failingRoutes.has(row.route)) {
            if (result.held) log.warn('notifications held until the connection changes', { route: row.route });
            else log.warn('notifications not delivered yet; retrying', { route: row.route, retryInMs: nextAttemptAt - time });
          }
          failingRoutes.add(row.route);
        }
        options.onRecovered?.();
      } catch (error) {
        // SQLITE_FULL here once crashed the hub on every start. The row stays pending (a receiver
        // drops the duplicate by its messageId); look again later rather than at once.
        options.onFault?.(error);
        clearTimeout(timer);
        timer = setTimeout(look, faultRetryMs);
        return;
      }
      options.onSettled?.(row, result);
      schedule();
    });
  }

  async function send(handler: RouteHandler | undefined, row: OutboxRow): Promise<DeliveryResult> {
    if (!handler) return { ok: false, message: `No ${row.route} connection is configured, so this notification waits.` };
    try {
      return await handler(row);
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : 'the route failed unexpectedly' };
    }
  }

  return {
    start: () => {
      if (running) return;
      running = true;
      schedule();
    },
    nudge: schedule,
    retryNow: (routes) => {
      if (!running) return;
      if (makeDueNow(db, routes, now()) > 0) schedule();
    },
    stop: () => {
      running = false;
      clearTimeout(timer);
      timer = undefined;
    },
    inFlight: () => inFlight.size,
  };
}
