import { describe, expect, it } from 'vitest';
import { PinThrottle } from '../../../main/hub/staff/pinThrottle.ts';
import {
  checkStaffExitPin,
  cornerSizePx,
  idle,
  longPressMs,
  pressStep,
  pressTimeout,
  StaffExitRequest,
  type PointerSample,
  type PressState,
} from '../../../main/shell/staffExit.ts';

const sample = (kind: PointerSample['kind'], x: number, y: number, at: number, pointerId = 1): PointerSample => ({ kind, x, y, at, pointerId });

/** Feeds samples through the machine and returns the last step. */
function run(samples: PointerSample[], start: PressState = idle) {
  let state = start;
  let effect = { type: 'none' } as ReturnType<typeof pressStep>['effect'];
  for (const next of samples) ({ state, effect } = pressStep(state, next));
  return { state, effect };
}

describe('the staff exit long press', () => {
  it('a press in the top-left corner starts the wait', () => {
    expect(pressStep(idle, sample('down', 10, 10, 0))).toEqual({ state: { phase: 'pressing', pointerId: 1, since: 0 }, effect: { type: 'wait', ms: longPressMs } });
  });

  it('a press outside the corner is an ordinary tap', () => {
    expect(pressStep(idle, sample('down', cornerSizePx, 10, 0))).toEqual({ state: idle, effect: { type: 'none' } });
    expect(pressStep(idle, sample('down', 500, 300, 0)).effect).toEqual({ type: 'none' });
  });

  it('held for three seconds, it asks for the PIN', () => {
    const { state } = run([sample('down', 5, 5, 1_000), sample('move', 8, 6, 2_000)]);
    expect(pressTimeout(state, 1_000 + longPressMs)).toEqual({ state: idle, effect: { type: 'ask-pin' } });
  });

  it('letting go early cancels', () => {
    expect(run([sample('down', 5, 5, 0), sample('up', 5, 5, longPressMs - 1)])).toEqual({ state: idle, effect: { type: 'cancel' } });
  });

  it('a release after three seconds still asks, even if the timer was late', () => {
    expect(run([sample('down', 5, 5, 0), sample('up', 5, 5, longPressMs)]).effect).toEqual({ type: 'ask-pin' });
  });

  it('sliding out of the corner cancels', () => {
    expect(run([sample('down', 5, 5, 0), sample('move', 120, 5, 500)])).toEqual({ state: idle, effect: { type: 'cancel' } });
  });

  it('a second finger cancels; another pointer’s moves are ignored', () => {
    expect(run([sample('down', 5, 5, 0), sample('down', 300, 300, 100, 2)]).effect).toEqual({ type: 'cancel' });
    expect(run([sample('down', 5, 5, 0), sample('move', 300, 300, 100, 2)]).state).toMatchObject({ phase: 'pressing' });
  });

  it('a cancelled pointer (scroll, palm rejection) cancels', () => {
    expect(run([sample('down', 5, 5, 0), sample('cancel', 5, 5, 100)]).effect).toEqual({ type: 'cancel' });
  });

  it('a timer that fires early waits for the rest', () => {
    const { state } = run([sample('down', 5, 5, 0)]);
    expect(pressTimeout(state, longPressMs - 200)).toEqual({ state, effect: { type: 'wait', ms: 200 } });
    expect(pressTimeout(idle, longPressMs)).toEqual({ state: idle, effect: { type: 'none' } });
  });
});

describe('the staff exit PIN', () => {
  const verify = (right: string) => async (pin: string) => pin === right;

  it('accepts the admin PIN', async () => {
    const throttle = new PinThrottle(() => 0);
    expect(await checkStaffExitPin('2468', throttle, verify('2468'))).toEqual({ ok: true });
  });

  it('slows down guessing and refuses unread while it waits', async () => {
    let now = 0;
    const throttle = new PinThrottle(() => now);
    for (let attempt = 0; attempt < 2; attempt++) expect(await checkStaffExitPin('0000', throttle, verify('2468'))).toEqual({ ok: false, message: "That PIN didn't match." });
    expect(await checkStaffExitPin('0000', throttle, verify('2468'))).toMatchObject({ ok: false, retryAfterSeconds: 2 });
    let asked = false;
    const reply = await checkStaffExitPin('2468', throttle, async () => (asked = true));
    expect(reply).toMatchObject({ ok: false, retryAfterSeconds: 2 });
    expect(asked).toBe(false);
    now = 2_000;
    expect(await checkStaffExitPin('2468', throttle, verify('2468'))).toEqual({ ok: true });
  });

  it('a failing check is a kind message, not a quit', async () => {
    const reply = await checkStaffExitPin('2468', new PinThrottle(() => 0), async () => Promise.reject(new Error('disk')));
    expect(reply).toMatchObject({ ok: false, message: expect.stringContaining('could not be checked') });
  });

  it('the pad’s messages are parsed strictly', () => {
    expect(StaffExitRequest.safeParse({ action: 'submit', pin: '2468' }).success).toBe(true);
    expect(StaffExitRequest.safeParse({ action: 'cancel' }).success).toBe(true);
    for (const bad of [{ action: 'submit', pin: '12' }, { action: 'submit', pin: '12ab' }, { action: 'submit', pin: 2468 }, { action: 'quit' }, { action: 'cancel', extra: 1 }, '2468']) {
      expect(StaffExitRequest.safeParse(bad).success).toBe(false);
    }
  });
});
