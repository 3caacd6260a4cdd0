import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayPlanAt, maxCheckIntervalMs, OpeningHours, type OpeningHours as Hours } from '../../../main/shell/displaySchedule.ts';

// Berlin has daylight saving: 2026-03-29 springs forward (02:00 → 03:00), 2026-10-25 falls back.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

const at = (year: number, month: number, day: number, hours: number, minutes = 0) => new Date(year, month - 1, day, hours, minutes);
const weekdaysOnly: Hours = { mon: ['08:00', '19:00'], tue: ['08:00', '19:00'], wed: ['08:00', '19:00'], thu: ['08:00', '19:00'], fri: ['08:00', '16:00'] };

describe('the display schedule', () => {
  it('is awake inside opening hours and dims at closing time', () => {
    const now = at(2026, 3, 10, 12); // a Tuesday
    const plan = displayPlanAt(weekdaysOnly, now);
    expect(plan.state).toBe('awake');
    expect(plan.nextChangeAt).toEqual(at(2026, 3, 10, 19));
    expect(plan.checkInMs).toBe(maxCheckIntervalMs);
  });

  it('is dimmed at night and wakes at the next opening', () => {
    const plan = displayPlanAt(weekdaysOnly, at(2026, 3, 10, 21));
    expect(plan).toMatchObject({ state: 'dimmed', nextChangeAt: at(2026, 3, 11, 8) });
  });

  it('opening time is awake, closing time is dimmed', () => {
    expect(displayPlanAt(weekdaysOnly, at(2026, 3, 10, 8)).state).toBe('awake');
    expect(displayPlanAt(weekdaysOnly, at(2026, 3, 10, 19)).state).toBe('dimmed');
  });

  it('skips closed days: Friday evening wakes on Monday morning', () => {
    const plan = displayPlanAt(weekdaysOnly, at(2026, 3, 13, 17)); // Friday, after 16:00
    expect(plan).toMatchObject({ state: 'dimmed', nextChangeAt: at(2026, 3, 16, 8) });
  });

  it('a closing time before the opening time runs past midnight', () => {
    const evenings: Hours = { fri: ['18:00', '02:00'] };
    expect(displayPlanAt(evenings, at(2026, 3, 13, 23))).toMatchObject({ state: 'awake', nextChangeAt: at(2026, 3, 14, 2) });
    // Saturday is closed, but Friday's night still reaches into it.
    expect(displayPlanAt(evenings, at(2026, 3, 14, 1))).toMatchObject({ state: 'awake', nextChangeAt: at(2026, 3, 14, 2) });
    expect(displayPlanAt(evenings, at(2026, 3, 14, 3))).toMatchObject({ state: 'dimmed', nextChangeAt: at(2026, 3, 20, 18) });
  });

  it('days that touch at midnight are one stretch', () => {
    const nights: Hours = { mon: ['20:00', '24:00'], tue: ['00:00', '06:00'] };
    expect(displayPlanAt(nights, at(2026, 3, 9, 23))).toMatchObject({ state: 'awake', nextChangeAt: at(2026, 3, 10, 6) });
  });

  it('closed every day: dimmed, and no timer', () => {
    expect(displayPlanAt({}, at(2026, 3, 10, 12))).toEqual({ state: 'dimmed', nextChangeAt: null, checkInMs: null });
  });

  it('no opening hours configured: awake, as before there were any', () => {
    expect(displayPlanAt(null, at(2026, 3, 10, 3))).toEqual({ state: 'awake', nextChangeAt: null, checkInMs: null });
  });

  it('the next look is the boundary itself when it is near', () => {
    const plan = displayPlanAt(weekdaysOnly, at(2026, 3, 10, 18, 55));
    expect(plan.checkInMs).toBe(5 * 60_000);
  });

  describe('around daylight-saving changes', () => {
    it('spring forward: Monday 08:00 after the short Sunday is still 08:00 local time', () => {
      const now = at(2026, 3, 27, 17); // Friday, closed after 16:00
      const plan = displayPlanAt(weekdaysOnly, now);
      expect(plan.nextChangeAt).toEqual(at(2026, 3, 30, 8));
      expect(plan.nextChangeAt?.getHours()).toBe(8);
      // 2 days 15 hours on the calendar, one hour fewer on the clock.
      expect(plan.nextChangeAt!.getTime() - now.getTime()).toBe((2 * 24 + 15 - 1) * 3_600_000);
    });

    it('fall back: the long Sunday does not shift Monday’s opening', () => {
      const now = at(2026, 10, 23, 17);
      const plan = displayPlanAt(weekdaysOnly, now);
      expect(plan.nextChangeAt?.getHours()).toBe(8);
      expect(plan.nextChangeAt!.getTime() - now.getTime()).toBe((2 * 24 + 15 + 1) * 3_600_000);
    });

    it('a night span across the skipped hour ends at its local closing time', () => {
      const saturdayNight: Hours = { sat: ['22:00', '04:00'] };
      const plan = displayPlanAt(saturdayNight, at(2026, 3, 28, 23));
      expect(plan).toMatchObject({ state: 'awake', nextChangeAt: at(2026, 3, 29, 4) });
      expect(plan.nextChangeAt!.getTime() - at(2026, 3, 28, 23).getTime()).toBe(4 * 3_600_000);
    });
  });
});

describe('the opening hours in the configuration', () => {
  it('accepts days with HH:MM spans, 24:00 as a closing time, and missing days', () => {
    expect(OpeningHours.safeParse({ mon: ['08:00', '19:00'], sat: ['00:00', '24:00'] }).success).toBe(true);
  });

  it.each<[unknown, string]>([
    [{ monday: ['08:00', '19:00'] }, 'an unknown day'],
    [{ mon: ['8:00', '19:00'] }, 'a time without two digits'],
    [{ mon: ['08:00', '25:00'] }, 'an hour past 24'],
    [{ mon: ['24:00', '08:00'] }, '24:00 as an opening time'],
    [{ mon: ['08:00', '08:00'] }, 'the same opening and closing time'],
    [{ mon: ['08:00'] }, 'a span without a closing time'],
  ])('refuses %j (%s)', (value) => {
    expect(OpeningHours.safeParse(value).success).toBe(false);
  });
});
