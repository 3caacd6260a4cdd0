/**
 * The figures at the top of the desk board, computed from the arrivals the board already holds,
 * so the hub pushes single arrivals and every screen agrees on the arithmetic.
 */
import type { Arrival } from './contract.ts';

export interface BoardCounts {
  waitingNow: number;
  seenToday: number;
  /** Median minutes waited before being seen (counted as `waitStart` says), over arrivals seen today; null before the first. */
  medianWaitMinutes: number | null;
}

export function boardCounts(arrivals: readonly Arrival[]): BoardCounts {
  const waits = arrivals.filter((a) => a.seenAt !== null).map((a) => Math.max(0, (a.seenAt! - waitStart(a)) / 60_000));
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

/**
 * When the practice starts keeping a client waiting: the later of their arrival and their
 * appointment time. Someone who comes 20 minutes early for 3:30 is not waiting on anyone until
 * 3:30. "Later today" and "Not sure" carry no time, so they count from the arrival. The time is
 * on the local day of the arrival, as the kiosk offered it.
 */
export function waitStart(arrival: Arrival): number {
  if (arrival.slot.kind !== 'at') return arrival.arrivedAt;
  const appointment = new Date(arrival.arrivedAt);
  appointment.setHours(Number(arrival.slot.time.slice(0, 2)), Number(arrival.slot.time.slice(3)), 0, 0);
  return Math.max(arrival.arrivedAt, appointment.getTime());
}

/** A waiting client who came before their appointment time, which has not come yet. */
export function isEarly(arrival: Arrival, now: number): boolean {
  return arrival.status === 'waiting' && now < waitStart(arrival);
}

/** Minutes an arrival has waited (or waited, once seen), counted from `waitStart`. */
export function waitedMinutes(arrival: Arrival, now: number): number {
  return Math.max(0, ((arrival.seenAt ?? (arrival.status === 'waiting' ? now : arrival.endedAt ?? now)) - waitStart(arrival)) / 60_000);
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
