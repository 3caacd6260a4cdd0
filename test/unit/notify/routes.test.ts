/**
 * Which notifications a check-in produces: the clinician's routes, the session, and the words a
 * locked phone may show.
 */
import { describe, expect, it } from 'vitest';
import type { Arrival } from '../../../main/contract/contract.ts';
import { arrivalWords, ClinicianRoutes, isSilent, planCheckInNotifications } from '../../../main/hub/notify/routes.ts';

const arrival = (slot: Arrival['slot'] = { kind: 'at', time: '14:00' }): Arrival => ({
  id: 'AAAAAAAAAAAAAAAAAAAAAA', clinicianId: 'sam', slot, wishes: ['quieter-room'], status: 'waiting', source: 'kiosk', arrivedAt: 1, seenAt: null, endedAt: null, acknowledgedAt: null,
  acknowledgedBy: null,
});

const everything = ClinicianRoutes.parse({
  push: { service: 'mobile_app_sams_phone' }, event: true, cue: { light: 'light.willow_lamp', seconds: 20 }, escalateAfterMinutes: 10,
});

describe('the words', () => {
  it('say the time if there is one, and nothing more', () => {
    expect(arrivalWords(arrival())).toBe('Your 2:00 client has arrived');
    expect(arrivalWords(arrival({ kind: 'at', time: '09:30' }))).toBe('Your 9:30 client has arrived');
    expect(arrivalWords(arrival({ kind: 'later' }))).toBe('Your client has arrived');
    expect(arrivalWords(arrival({ kind: 'unsure' }))).toBe('Your client has arrived');
  });
});

describe('routes', () => {
  it('out of session: every configured route, the push audible', () => {
    const plan = planCheckInNotifications(arrival(), everything, false);
    expect(plan.notifications.map((n) => n.route)).toEqual(['mqtt-bus', 'ha-notify', 'ha-event', 'light-cue']);
    expect(plan.notifications[1]).toEqual({ route: 'ha-notify', payload: { service: 'mobile_app_sams_phone', message: 'Your 2:00 client has arrived', silent: false } });
    expect(plan).toMatchObject({ silent: false, escalateAfterMinutes: null });
  });

  it('in session: only silent routes, and escalation applies', () => {
    const plan = planCheckInNotifications(arrival(), everything, true);
    expect(plan.notifications.map((n) => n.route)).toEqual(['mqtt-bus', 'ha-notify', 'light-cue']);
    expect(plan.notifications.every(isSilent)).toBe(true);
    expect(plan.notifications[1]).toMatchObject({ payload: { silent: true } });
    expect(plan).toMatchObject({ silent: true, escalateAfterMinutes: 10 });
  });

  it('nothing configured: the bus only', () => {
    expect(planCheckInNotifications(arrival(), undefined, false).notifications.map((n) => n.route)).toEqual(['mqtt-bus']);
    expect(planCheckInNotifications(arrival(), ClinicianRoutes.parse({ bus: false }), true).notifications).toEqual([]);
  });

  it('nothing in any payload but ids, the slot and the lock-screen words', () => {
    const text = JSON.stringify(planCheckInNotifications(arrival(), everything, false));
    expect(text).not.toMatch(/kiosk|source|displayName|Sam\b/);
  });

  it('the config refuses what it does not know, with a message that names it', () => {
    expect(ClinicianRoutes.safeParse({ push: { service: 'notify.sams phone' } }).error?.issues[0]?.message).toMatch(/notify service name/);
    expect(ClinicianRoutes.safeParse({ sms: true }).success).toBe(false);
    expect(ClinicianRoutes.safeParse({ cue: { light: 'switch.kettle' } }).success).toBe(false);
  });
});
