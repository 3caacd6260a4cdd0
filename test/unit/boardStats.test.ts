import { describe, expect, it } from 'vitest';
import { boardCounts, isEarly, median, waitLevel, waitStart, waitedMinutes } from '../../main/contract/boardStats.ts';
import type { Arrival } from '../../main/contract/contract.ts';

const minute = 60_000;
const arrivedAt = new Date(2025, 0, 7, 10, 0).getTime();
const thresholds = { gentleWaitMinutes: 10, longWaitMinutes: 20 };

function arrival(changes: Partial<Arrival> = {}): Arrival {
  return { id: 'a'.repeat(22), clinicianId: 'sam', slot: { kind: 'later' }, wishes: [], status: 'waiting', source: 'kiosk', arrivedAt, seenAt: null, endedAt: null, acknowledgedAt: null, ...changes };
}
const seenAfter = (minutes: number) => arrival({ status: 'with-clinician', seenAt: arrivedAt + minutes * minute });

describe('median', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('is the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 10, 7])).toBe(5.5);
  });

  it('is null when there is nothing to count', () => {
    expect(median([])).toBeNull();
  });
});

describe('board counts', () => {
  it('counts who is waiting, who has been seen and the median wait of those seen', () => {
    const board = [arrival(), arrival(), seenAfter(4), seenAfter(12), { ...seenAfter(6), status: 'done' as const, endedAt: arrivedAt + 60 * minute }];
    expect(boardCounts(board)).toEqual({ waitingNow: 2, seenToday: 3, medianWaitMinutes: 6 });
  });

  it('has no median wait before anyone is seen', () => {
    expect(boardCounts([arrival()])).toEqual({ waitingNow: 1, seenToday: 0, medianWaitMinutes: null });
  });

  it('leaves a cancelled arrival that was never seen out of the wait', () => {
    expect(boardCounts([arrival({ status: 'cancelled', endedAt: arrivedAt + 30 * minute }), seenAfter(8)]).medianWaitMinutes).toBe(8);
  });
});

describe('wait level', () => {
  it.each([
    [0, 'usual'],
    [9.9, 'usual'],
    [10, 'gentle'],
    [19.9, 'gentle'],
    [20, 'long'],
    [95, 'long'],
  ])('after %s minutes of waiting is %s', (minutes, level) => {
    expect(waitLevel(arrival(), arrivedAt + minutes * minute, thresholds)).toBe(level);
  });

  it('never marks someone who is already with their clinician', () => {
    expect(waitLevel(seenAfter(45), arrivedAt + 60 * minute, thresholds)).toBe('usual');
  });

  it('counts a seen arrival’s wait up to when they were seen', () => {
    expect(waitedMinutes(seenAfter(12), arrivedAt + 60 * minute)).toBe(12);
  });

  it('never counts a negative wait when the clock is behind', () => {
    expect(waitedMinutes(arrival(), arrivedAt - 5 * minute)).toBe(0);
  });
});

describe('the wait counts from the later of arrival and appointment', () => {
  // The client arrives at 10:00 (see `arrivedAt`).
  const forHalfPast = arrival({ slot: { kind: 'at', time: '10:30' } });

  it('does not mark someone who came 25 minutes early as waiting long before their appointment', () => {
    expect(waitedMinutes(forHalfPast, arrivedAt + 25 * minute)).toBe(0);
    expect(waitLevel(forHalfPast, arrivedAt + 25 * minute, thresholds)).toBe('usual');
    expect(isEarly(forHalfPast, arrivedAt + 25 * minute)).toBe(true);
  });

  it('starts counting at the appointment time, and marks the wait from there', () => {
    expect(isEarly(forHalfPast, arrivedAt + 30 * minute)).toBe(false);
    expect(waitedMinutes(forHalfPast, arrivedAt + 42 * minute)).toBe(12);
    expect(waitLevel(forHalfPast, arrivedAt + 42 * minute, thresholds)).toBe('gentle');
    expect(waitLevel(forHalfPast, arrivedAt + 50 * minute, thresholds)).toBe('long');
  });

  it('counts from the arrival when the client came after their appointment time', () => {
    const late = arrival({ slot: { kind: 'at', time: '09:45' } });
    expect(waitStart(late)).toBe(arrivedAt);
    expect(waitedMinutes(late, arrivedAt + 12 * minute)).toBe(12);
  });

  it('counts from the arrival when there is no time to go by ("Later today", "Not sure")', () => {
    expect(waitedMinutes(arrival({ slot: { kind: 'later' } }), arrivedAt + 15 * minute)).toBe(15);
    expect(waitedMinutes(arrival({ slot: { kind: 'unsure' } }), arrivedAt + 15 * minute)).toBe(15);
  });

  it('gives an early client seen on time no wait in the median', () => {
    const seenOnTime = { ...forHalfPast, status: 'with-clinician' as const, seenAt: arrivedAt + 31 * minute };
    const seenEarly = { ...forHalfPast, status: 'with-clinician' as const, seenAt: arrivedAt + 20 * minute };
    expect(boardCounts([seenOnTime, seenEarly, seenAfter(9)]).medianWaitMinutes).toBe(1);
  });
});
