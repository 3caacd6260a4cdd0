/**
 * Which notifications a check-in produces, decided from the clinician's configured routes and
 * whether their room is in session. Pure: no database, no network.
 *
 * While a session is running only silent routes go out: the light cue and a push the phone shows
 * without sound. The words are only ever what a locked phone screen may show (privacy rule 4).
 */
import { z } from 'zod';
import type { Arrival } from '../../contract/contract.ts';
import { slotWords } from '../../contract/slots.ts';

export const routeKinds = ['mqtt-bus', 'ha-notify', 'ha-event', 'light-cue', 'desk-alert'] as const;
export type RouteKind = (typeof routeKinds)[number];

/**
 * How one clinician (or the front desk) hears of an arrival, in the office configuration:
 *
 * ```yaml
 * notify:
 *   bus: true                                  # arrival events on the office bus (default true)
 *   push: { service: mobile_app_sams_phone }   # notify.<service> in Home Assistant
 *   event: true                                # fire `stillroom_arrival` for the practice's own automations
 *   cue: { light: light.willow_lamp, seconds: 20, colour: [255, 180, 120] }
 *   escalateAfterMinutes: 10                   # desk alert when an in-session arrival is not acknowledged
 * ```
 */
export const ClinicianRoutes = z.strictObject({
  bus: z.boolean().default(true),
  push: z.strictObject({ service: z.string().regex(/^[a-z0-9_]{1,60}$/, 'expected a notify service name such as mobile_app_sams_phone') }).optional(),
  event: z.boolean().default(false),
  cue: z
    .strictObject({
      light: z.string().regex(/^light\.[a-z0-9_]{1,60}$/, 'expected a light entity such as light.willow_lamp'),
      seconds: z.number().int().min(3).max(120).default(20),
      colour: z.tuple([z.number().int().min(0).max(255), z.number().int().min(0).max(255), z.number().int().min(0).max(255)]).optional(),
    })
    .optional(),
  escalateAfterMinutes: z.number().int().min(1).max(120).optional(),
});
export type ClinicianRoutes = z.infer<typeof ClinicianRoutes>;

/** The push's words: the slot's time if the client gave one, nothing else. */
export function arrivalWords(arrival: Pick<Arrival, 'slot'>): string {
  return arrival.slot.kind === 'at' ? `Your ${slotWords(arrival.slot)} client has arrived` : 'Your client has arrived';
}

/**
 * A push that gathers two or more check-ins after one already sent (collapse.ts); a single one held
 * back keeps its own words.
 */
export const summaryWords = (count: number): string => `${count} more clients have arrived`;

/** A soft warm glow unless the clinician chose a colour. */
export const defaultCueColour: [number, number, number] = [255, 176, 110];

/** What is stored in an outbox row's `payload`, by route; the row id is added as `messageId` on delivery. */
export type RoutePayload =
  | { route: 'mqtt-bus'; payload: { arrivalId: string; clinicianId: string | null; slot: Arrival['slot']; arrivedAt: number; status: Arrival['status']; wishes: Arrival['wishes'] } }
  | { route: 'ha-notify'; payload: { service: string; message: string; silent: boolean; summary?: number } }
  | { route: 'ha-event'; payload: { arrivalId: string; clinicianId: string | null; slot: string | null; message: string } }
  | { route: 'light-cue'; payload: { light: string; seconds: number; colour: [number, number, number] } }
  | { route: 'desk-alert'; payload: { arrivalId: string; clinicianId: string | null; slot: string | null; waitedMinutes: number } };

export interface NotificationPlan {
  notifications: RoutePayload[];
  /** True when the clinician was only told quietly, so nobody may have noticed: escalation applies. */
  silent: boolean;
  /** Minutes after which an unacknowledged silent arrival alerts the desk; null: no escalation. */
  escalateAfterMinutes: number | null;
}

/** The bus event for an arrival as it is now; also what a status change publishes. */
export function busEvent(arrival: Arrival): Extract<RoutePayload, { route: 'mqtt-bus' }> {
  const { id, clinicianId, slot, arrivedAt, status, wishes } = arrival;
  return { route: 'mqtt-bus', payload: { arrivalId: id, clinicianId, slot, arrivedAt, status, wishes } };
}

const slotTime = (arrival: Arrival) => (arrival.slot.kind === 'at' ? arrival.slot.time : null);

/**
 * The notifications for a check-in. The bus event always goes (it is data for screens and other
 * hubs, not a sound) and so does the light cue; in session the push is marked silent and the Home
 * Assistant event (which may drive a chime) is held back, so the cue is how the clinician notices.
 */
export function planCheckInNotifications(arrival: Arrival, routes: ClinicianRoutes | undefined, inSession: boolean): NotificationPlan {
  const configured = routes ?? ClinicianRoutes.parse({});
  const message = arrivalWords(arrival);
  const notifications: RoutePayload[] = [];
  if (configured.bus) notifications.push(busEvent(arrival));
  if (configured.push) notifications.push({ route: 'ha-notify', payload: { service: configured.push.service, message, silent: inSession } });
  if (configured.event && !inSession) {
    notifications.push({ route: 'ha-event', payload: { arrivalId: arrival.id, clinicianId: arrival.clinicianId, slot: slotTime(arrival), message } });
  }
  if (configured.cue) {
    notifications.push({ route: 'light-cue', payload: { light: configured.cue.light, seconds: configured.cue.seconds, colour: configured.cue.colour ?? defaultCueColour } });
  }
  return { notifications, silent: inSession, escalateAfterMinutes: inSession ? (configured.escalateAfterMinutes ?? null) : null };
}

/** Routes that make no sound and no visible text beyond the lock-screen line: all that may reach a room in session. */
export function isSilent(notification: RoutePayload): boolean {
  if (notification.route === 'ha-notify') return notification.payload.silent;
  return notification.route === 'light-cue' || notification.route === 'mqtt-bus';
}

/** The desk alert for an arrival nobody acknowledged while its clinician was in session. */
export function deskAlert(arrival: Arrival, waitedMinutes: number): Extract<RoutePayload, { route: 'desk-alert' }> {
  return { route: 'desk-alert', payload: { arrivalId: arrival.id, clinicianId: arrival.clinicianId, slot: slotTime(arrival), waitedMinutes } };
}
