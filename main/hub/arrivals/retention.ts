/**
 * Arrivals are deleted after the retention window (default: the end of the local day). Only
 * counts per day and hour are kept beyond it, so the practice can see how busy mornings are
 * without anything about any one visit surviving.
 */
import type { Db } from '../store/database.ts';
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

/** Deletes arrivals (and their undo history) older than `cutoff`, folding them into the counts. */
export function purgeArrivals(db: Db, cutoff: number): number {
  const old = db.prepare<[number], { arrived_at: number; seen_at: number | null }>('SELECT arrived_at, seen_at FROM arrivals WHERE arrived_at < ?');
  const addCounts = db.prepare(
    `INSERT INTO arrival_counts (day, hour, arrivals, seen) VALUES (?, ?, ?, ?)
     ON CONFLICT (day, hour) DO UPDATE SET arrivals = arrivals + excluded.arrivals, seen = seen + excluded.seen`,
  );
  const remove = db.prepare('DELETE FROM arrivals WHERE arrived_at < ?');
  return db.transaction(() => {
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
}

/**
 * "Wipe today": deletes today's arrivals with their undo history and pending notifications, and
 * unlike the retention purge folds nothing into the counts: the point is that nothing remains.
 */
export function wipeDay(db: Db, now: number): number {
  return db.prepare('DELETE FROM arrivals WHERE arrived_at >= ?').run(startOfLocalDay(now)).changes;
}

/**
 * Keeps retention while the hub runs: purges at once, then every `everyMs`. `onPurged` hears how
 * many arrivals went, when any did, so the screens can redraw.
 */
export function keepRetention({ db, retention, now, everyMs, onPurged, onFault }: { db: Db; retention: OfficeConfig['privacy']['retention']; now: () => number; everyMs: number; onPurged: (count: number) => void; onFault?: (error: unknown) => void }): { purgeNow(): number; stop(): void } {
  const purgeNow = () => {
    const purged = purgeArrivals(db, retentionCutoff(retention, now()));
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
  return { purgeNow, stop: () => clearInterval(timer) };
}
