/**
 * When the kiosk's screen is awake and when it is dimmed, from the practice's opening hours and
 * the local clock. Outside opening hours the screen dims rather than going black: a dark screen
 * in a waiting room looks broken, and an early client still sees where to check in.
 * Boundaries are computed with local `Date` fields, so a day with a daylight-saving change is
 * 23 or 25 hours long and 08:00 is still 08:00.
 */

import { OpeningHours, weekdays, type Weekday } from '../hub/config/openingHours.ts';

export { OpeningHours };

export type DisplayState = 'awake' | 'dimmed';

/**
 * Look again at least this often, even before the next boundary: a Raspberry Pi without an RTC
 * battery can start with a wrong clock and correct it over NTP later, and a timer set from the
 * wrong clock would otherwise fire hours off.
 */
export const maxCheckIntervalMs = 15 * 60_000;

export interface DisplayPlan {
  state: DisplayState;
  /**
   * When the state changes next, looking at most a week ahead (open around the clock: the end of
   * that week); null when it never changes (no opening hours, or closed every day).
   */
  nextChangeAt: Date | null;
  /** When to look again: the next change, at the latest `maxCheckIntervalMs` away; null for never. */
  checkInMs: number | null;
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** A local wall-clock time on the day `dayOffset` days after `base`'s date; `new Date` rolls minutes and days over. */
function localTime(base: Date, dayOffset: number, minutes: number): Date {
  return new Date(base.getFullYear(), base.getMonth(), base.getDate() + dayOffset, 0, minutes);
}

/** The open intervals from yesterday (for a night that runs past midnight) to a week ahead, merged where they touch. */
function openIntervals(hours: OpeningHours, now: Date): Array<{ start: Date; end: Date }> {
  const intervals: Array<{ start: Date; end: Date }> = [];
  for (let offset = -1; offset <= 7; offset++) {
    const day = localTime(now, offset, 0);
    const span = hours[weekdays[day.getDay()] as Weekday];
    if (!span) continue;
    const open = minutesOf(span[0]);
    const close = minutesOf(span[1]);
    const start = localTime(now, offset, open);
    const end = localTime(now, offset, close > open ? close : close + 24 * 60);
    if (end > start) intervals.push({ start, end });
  }
  intervals.sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: Array<{ start: Date; end: Date }> = [];
  for (const interval of intervals) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) {
      if (interval.end > last.end) last.end = interval.end;
    } else {
      merged.push({ ...interval });
    }
  }
  return merged;
}

/** Awake or dimmed at `now`, and when to look again. No opening hours at all: awake, as before there were any. */
export function displayPlanAt(hours: OpeningHours | null, now: Date): DisplayPlan {
  if (hours === null) return { state: 'awake', nextChangeAt: null, checkInMs: null };
  const intervals = openIntervals(hours, now);
  const current = intervals.find((interval) => interval.start <= now && now < interval.end);
  const nextChangeAt = current ? current.end : (intervals.find((interval) => interval.start > now)?.start ?? null);
  const state: DisplayState = current ? 'awake' : 'dimmed';
  if (nextChangeAt === null) return { state, nextChangeAt, checkInMs: null };
  return { state, nextChangeAt, checkInMs: Math.min(nextChangeAt.getTime() - now.getTime(), maxCheckIntervalMs) };
}

/** The CSS the glue inserts into the kiosk page outside opening hours: dim, never black. */
export const dimmedCss = 'html { filter: brightness(0.35); }';
