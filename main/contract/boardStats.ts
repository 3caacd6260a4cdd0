/**
 * The figures at the top of the desk board, computed from the arrivals the board already holds,
 * so the hub pushes single arrivals and every screen agrees on the arithmetic.
 */
import type { Arrival } from './contract.ts';

export interface BoardCounts {
  waitingNow: number;
  seenToday: number;
  /** Median minutes from arrival to being seen, over arrivals seen today; null before the first. */
  medianWaitMinutes: number | null;
}

export function boardCounts(arrivals: readonly Arrival[]): BoardCounts {
  const waits = arrivals.filter((a) => a.seenAt !== null).map((a) => (a.seenAt! - a.arrivedAt) / 60_000);
  return {
    waitingNow: arrivals.filter((a) => a.status === 'waiting').length,
    seenToday: waits.length,
    medianWaitMinutes: median(waits),
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Minutes an arrival has waited (or waited, once seen). */
export function waitedMinutes(arrival: Arrival, now: number): number {
  return Math.max(0, ((arrival.seenAt ?? (arrival.status === 'waiting' ? now : arrival.endedAt ?? now)) - arrival.arrivedAt) / 60_000);
}

export type WaitLevel = 'usual' | 'gentle' | 'long';

/** A wait past a threshold is marked gently on the board; only waiting arrivals are marked. */
export function waitLevel(arrival: Arrival, now: number, thresholds: { gentleWaitMinutes: number; longWaitMinutes: number }): WaitLevel {
  if (arrival.status !== 'waiting') return 'usual';
  const minutes = waitedMinutes(arrival, now);
  if (minutes >= thresholds.longWaitMinutes) return 'long';
  if (minutes >= thresholds.gentleWaitMinutes) return 'gentle';
  return 'usual';
}
