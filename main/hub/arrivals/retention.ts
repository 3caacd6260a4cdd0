/**
 * Arrivals are deleted after the retention window (default: the end of the local day). Only
 * counts per day and hour are kept beyond it, so the practice can see how busy mornings are
 * without anything about any one visit surviving.
 */
import { forgetDeleted, type Db } from '../store/database.ts';
import type { OfficeConfig } from '../config/officeConfig.ts';

export function startOfLocalDay(time: number): number {
  const day = new Date(time);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** Arrivals that arrived before this moment are past retention. */
export function retentionCutoff(retention: OfficeConfig['privacy']['retention'], now: number): number {
  if (retention === 'end-of-day') return startOfLocalDay(now);
  return now - Number(retention.slice(0, -1)) * 3_600_000;
}

function localDayAndHour(time: number): { day: string; hour: number } {
  const date = new Date(time);
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return { day, hour: date.getHours() };
}

/** Arrivals still in the building: never purged in the day after the clock jumped forward. */
const activeStatuses = "('waiting', 'with-clinician')";

/**
 * Deletes arrivals (and their undo history) older than `cutoff`, folding them into the counts;
 * with `keepActive`, people still waiting or with their clinician stay.
 */
export function purgeArrivals(db: Db, cutoff: number, { keepActive = false } = {}): number {
  const which = `arrived_at < ?${keepActive ? ` AND status NOT IN ${activeStatuses}` : ''}`;
  const old = db.prepare<[number], { arrived_at: number; seen_at: number | null }>(`SELECT arrived_at, seen_at FROM arrivals WHERE ${which}`);
  const addCounts = db.prepare(
    `INSERT INTO arrival_counts (day, hour, arrivals, seen) VALUES (?, ?, ?, ?)
     ON CONFLICT (day, hour) DO UPDATE SET arrivals = arrivals + excluded.arrivals, seen = seen + excluded.seen`,
  );
  const remove = db.prepare(`DELETE FROM arrivals WHERE ${which}`);
  const purged = db.transaction(() => {
    const counts = new Map<string, { day: string; hour: number; arrivals: number; seen: number }>();
    for (const row of old.all(cutoff)) {
      const { day, hour } = localDayAndHour(row.arrived_at);
      const key = `${day} ${hour}`;
      const entry = counts.get(key) ?? { day, hour, arrivals: 0, seen: 0 };
      entry.arrivals += 1;
      if (row.seen_at !== null) entry.seen += 1;
      counts.set(key, entry);
    }
    for (const entry of counts.values()) addCounts.run(entry.day, entry.hour, entry.arrivals, entry.seen);
    return remove.run(cutoff).changes;
  })();
  if (purged > 0) forgetDeleted(db);
  return purged;
}

/**
 * "Wipe today": deletes today's arrivals with their undo history and pending notifications, and
 * unlike the retention purge folds nothing into the counts: the point is that nothing remains.
 */
export function wipeDay(db: Db, now: number): number {
  const wiped = db.prepare('DELETE FROM arrivals WHERE arrived_at >= ?').run(startOfLocalDay(now)).changes;
  forgetDeleted(db);
  return wiped;
}

/**
 * Times after `now` (written while the clock was ahead, before it was set back) become `now`: a
 * wait is never negative, and such an arrival is not kept until the end of a day still to come.
 */
export function clampFutureTimes(db: Db, now: number): number {
  let changed = 0;
  for (const column of ['arrived_at', 'seen_at', 'ended_at', 'acknowledged_at']) {
    changed += db.prepare(`UPDATE arrivals SET ${column} = ? WHERE ${column} > ?`).run(now, now).changes;
  }
  return changed;
}

/** A wall clock that moved this much further than the monotonic clock between two looks has jumped. */
export const clockJumpMs = 10 * 60_000;

export interface RetentionDeps {
  db: Db;
  retention: OfficeConfig['privacy']['retention'];
  /** Wall-clock time, epoch ms. */
  now: () => number;
  /** A clock that only moves forward at its own pace (performance.now); compared with `now` to see a jump. */
  monotonic?: () => number;
  everyMs: number;
  onPurged: (count: number) => void;
  onFault?: (error: unknown) => void;
  /** The wall clock jumped forward by `minutes` (a kiosk that booted on a stale clock, then synced). */
  onClockJump?: (minutes: number) => void;
}

/**
 * Keeps retention while the hub runs: purges at once, then every `everyMs`. `onPurged` hears how
 * many arrivals went, when any did, so the screens can redraw.
 *
 * Before each purge the wall clock is compared with the monotonic one. When it jumped forward
 * (a PC that booted on yesterday's time and then synced once purged three clients still waiting),
 * people still waiting or with their clinician are kept until the next local midnight, and the
 * jump is logged; finished visits go as usual. Times in the future are set to now.
 */
export function keepRetention({ db, retention, now, monotonic = now, everyMs, onPurged, onFault, onClockJump }: RetentionDeps): { purgeNow(): number; holding(): boolean; stop(): void } {
  let lastWall = now();
  let lastMonotonic = monotonic();
  let keepActiveUntil = 0;
  const lookAtTheClock = (wall: number) => {
    const ticked = monotonic();
    const jumped = wall - lastWall - (ticked - lastMonotonic);
    lastWall = wall;
    lastMonotonic = ticked;
    if (jumped > clockJumpMs) {
      keepActiveUntil = startOfLocalDay(wall) + 86_400_000;
      onClockJump?.(Math.round(jumped / 60_000));
    }
  };
  const purgeNow = () => {
    const wall = now();
    lookAtTheClock(wall);
    clampFutureTimes(db, wall);
    const purged = purgeArrivals(db, retentionCutoff(retention, wall), { keepActive: wall < keepActiveUntil });
    if (purged > 0) onPurged(purged);
    return purged;
  };
  // On the timer a failure (a full disk) is recorded and tried again next time, never thrown.
  const purgeOnTimer = () => {
    try {
      purgeNow();
    } catch (error) {
      onFault?.(error);
    }
  };
  purgeOnTimer();
  const timer = setInterval(purgeOnTimer, everyMs);
  timer.unref();
  return { purgeNow, holding: () => now() < keepActiveUntil, stop: () => clearInterval(timer) };
}
