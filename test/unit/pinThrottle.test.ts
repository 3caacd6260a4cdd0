import { beforeEach, describe, expect, it } from 'vitest';
import { PinThrottle } from '../../main/hub/staff/pinThrottle.ts';

const rules = { freeTries: 3, firstDelaySeconds: 2, maxDelaySeconds: 10 };
let time: number;
let throttle: PinThrottle;

beforeEach(() => {
  time = 1_000_000;
  throttle = new PinThrottle(() => time, rules);
});

function failTimes(caller: string, count: number): void {
  for (let i = 0; i < count; i += 1) {
    time += throttle.waitSeconds(caller) * 1000;
    throttle.recordFailure(caller);
  }
}

describe('PIN throttle', () => {
  it('lets a caller try at once before any failure', () => {
    expect(throttle.waitSeconds('10.0.0.5')).toBe(0);
  });

  it('allows the free tries without any wait', () => {
    failTimes('10.0.0.5', 2);
    expect(throttle.waitSeconds('10.0.0.5')).toBe(0);
  });

  it('makes the caller wait once the free tries are used up', () => {
    failTimes('10.0.0.5', 3);
    expect(throttle.waitSeconds('10.0.0.5')).toBe(2);
  });

  it('doubles the wait with every further failure, up to the limit', () => {
    const waits: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      failTimes('10.0.0.5', 1);
      waits.push(throttle.waitSeconds('10.0.0.5'));
    }
    expect(waits).toEqual([0, 0, 2, 4, 8, 10]);
  });

  it('counts the wait down with the clock', () => {
    failTimes('10.0.0.5', 3);
    time += 1500;
    expect(throttle.waitSeconds('10.0.0.5')).toBe(1);
    time += 500;
    expect(throttle.waitSeconds('10.0.0.5')).toBe(0);
  });

  it('forgets the failures after a success', () => {
    failTimes('10.0.0.5', 3);
    throttle.recordSuccess('10.0.0.5');
    expect(throttle.waitSeconds('10.0.0.5')).toBe(0);
    failTimes('10.0.0.5', 1);
    expect(throttle.waitSeconds('10.0.0.5')).toBe(0);
  });

  it('keeps each caller’s tries separate', () => {
    failTimes('10.0.0.5', 3);
    expect(throttle.waitSeconds('10.0.0.6')).toBe(0);
  });

  it('still slows a guesser down when many other addresses are trying', () => {
    failTimes('10.0.0.5', 3);
    for (let i = 0; i < 1500; i += 1) throttle.recordFailure(`192.168.${Math.floor(i / 256)}.${i % 256}`);
    expect(throttle.waitSeconds('10.0.0.5')).toBe(2);
  });
});
