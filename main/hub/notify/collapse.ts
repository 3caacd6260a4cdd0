/**
 * A burst of check-ins for one clinician (a flood of fake arrivals, or a family arriving at once)
 * must not become a burst on their phone or a lamp that flickers (issue 9: "bursts of pushes and
 * cues collapse into one"). Nothing is lost: the board shows every arrival, the bus carries each,
 * and the pushes after the first are gathered into one that says how many.
 *
 * - Pushes: a few per phone (notify service) go at once, as a family or a busy hour needs; past
 *   that within a minute, the next check-in's push is held back until the minute is over, and later
 *   ones fold into it, which then says "12 more clients have arrived". Held rows are ordinary
 *   outbox rows with a later due time, so they survive a restart and go when Home Assistant comes
 *   back like any other. Under a flood a phone hears about four times a minute, not forty.
 * - Light cues: none while a cue on the same light is still waiting to be sent or may still glow
 *   (its seconds have not passed): the lamp already says "someone is here".
 *
 * The Home Assistant event and the bus event stay one per arrival: they are data for the practice's
 * own automations and screens, which count arrivals.
 */
import type { Db } from '../store/database.ts';
import { cueGlowing, enqueueArrivalNotifications, enqueueLater, heldBackPush, pushTimes, replacePayload } from './outbox.ts';
import { summaryWords, type RoutePayload } from './routes.ts';

export interface BurstWindows {
  /** Pushes to one phone that go at once within `pushMs`; the rest are gathered into one. */
  pushesAtOnce: number;
  pushMs: number;
}

export const defaultBurstWindows: BurstWindows = { pushesAtOnce: 3, pushMs: 60_000 };

type Push = Extract<RoutePayload, { route: 'ha-notify' }>;

/**
 * Writes an arrival's notifications to the outbox, collapsing bursts. Call it inside the
 * arrival's transaction, as `enqueueArrivalNotifications`.
 */
export function placeArrivalNotifications(db: Db, arrival: { id: string }, notifications: readonly RoutePayload[], now: number, windows: BurstWindows = defaultBurstWindows): void {
  const atOnce: RoutePayload[] = [];
  for (const notification of notifications) {
    if (notification.route === 'light-cue') {
      if (!cueGlowing(db, notification.payload.light, now - notification.payload.seconds * 1000)) atOnce.push(notification);
    } else if (notification.route === 'ha-notify') {
      if (!holdBackPush(db, arrival, notification, now, windows)) atOnce.push(notification);
    } else {
      atOnce.push(notification);
    }
  }
  if (atOnce.length > 0) enqueueArrivalNotifications(db, arrival, atOnce, now);
}

/** True when the push was folded into one held back, or held back itself; false: send it now. */
function holdBackPush(db: Db, arrival: { id: string }, push: Push, now: number, windows: BurstWindows): boolean {
  const { service } = push.payload;
  const held = heldBackPush(db, service, now);
  if (held) {
    const summary = (held.payload.summary ?? 1) + 1;
    // The newest check-in decides whether it is silent: the clinician may have started a session since.
    if (replacePayload(db, held.id, { route: 'ha-notify', payload: { service, message: summaryWords(summary), silent: push.payload.silent, summary } })) return true;
  }
  const recent = pushTimes(db, service, windows.pushesAtOnce);
  const oldest = recent[windows.pushesAtOnce - 1];
  if (oldest === undefined || now - oldest >= windows.pushMs) return false;
  enqueueLater(db, arrival, { route: 'ha-notify', payload: { ...push.payload, summary: 1 } }, now, oldest + windows.pushMs);
  return true;
}
