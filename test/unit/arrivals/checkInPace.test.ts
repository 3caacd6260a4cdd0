/** The pace's own bounds (arrivals/checkInPace.ts): memory stays bounded under a flood from many addresses. */
import { describe, expect, it } from 'vitest';
import { createCheckInPace, defaultCheckInPace } from '../../../main/hub/arrivals/checkInPace.ts';

describe('the check-in pace', () => {
  it('keeps at most maxSources buckets however many addresses flood it', () => {
    let clock = 0;
    const pace = createCheckInPace({ limits: { ...defaultCheckInPace, maxSources: 100 }, now: () => clock });
    for (let n = 0; n < 50_000; n++) {
      pace.take(`10.0.${n >> 8}.${n & 255}`);
      clock += 1;
    }
    expect(pace.sources()).toBeLessThanOrEqual(100);
    pace.stop();
  });

  it('says a surge once and its end once, and survives a listener that throws', () => {
    let clock = 0;
    const told: boolean[] = [];
    const pace = createCheckInPace({
      now: () => clock,
      onSurge: (surging) => {
        told.push(surging);
        throw new Error('a desk that cannot be told');
      },
    });
    for (let n = 0; n < 100; n++) pace.take(`10.0.0.${n}`);
    expect(pace.surging()).toBe(true);
    clock += 6 * 60_000;
    expect(pace.take('10.0.0.1')).toEqual({ ok: true });
    expect(told).toEqual([true, false]);
    pace.stop();
  });
});
