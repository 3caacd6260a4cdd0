/**
 * A practice's opening hours, as the office configuration gives them. The kiosk's display is
 * awake inside them and dimmed outside (main/shell/displaySchedule.ts).
 */
import { z } from 'zod';

/** In the order of `Date.getDay()`. */
export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

/** `HH:MM`; a closing time may be `24:00` (midnight at the end of the day). */
const clock = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const closingClock = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Opening and closing time of one day. A closing time before the opening time runs past midnight. */
export const OpeningSpan = z
  .tuple([z.string().regex(clock, 'expected HH:MM, e.g. 08:00'), z.string().regex(closingClock, 'expected HH:MM, e.g. 19:00, or 24:00')])
  .refine(([open, close]) => open !== close, {
    message: 'opening and closing time are the same; a day open throughout is ["00:00", "24:00"]',
  });

/** e.g. `{ mon: ['08:00', '19:00'], sat: ['09:00', '13:00'] }`; a day left out is closed. */
export const OpeningHours = z.strictObject(Object.fromEntries(weekdays.map((day) => [day, OpeningSpan.optional()])) as Record<Weekday, z.ZodOptional<typeof OpeningSpan>>);
export type OpeningHours = Partial<Record<Weekday, readonly [open: string, close: string]>>;
