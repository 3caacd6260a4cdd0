import { describe, expect, it } from 'vitest';
import { slotChoices, slotWords } from '../../main/contract/slots.ts';

const at = (hours: number, minutes: number) => new Date(2025, 0, 7, hours, minutes);

describe('appointment choices on the kiosk', () => {
  it('offers the half hour that has begun, the next one, and "a bit later"', () => {
    expect(slotChoices(at(14, 10))).toEqual([{ kind: 'at', time: '14:00' }, { kind: 'at', time: '14:30' }, { kind: 'at', time: '15:00' }, { kind: 'later' }]);
  });

  it('treats the start of a half hour as that half hour', () => {
    expect(slotChoices(at(14, 30)).slice(0, 2)).toEqual([{ kind: 'at', time: '14:30' }, { kind: 'at', time: '15:00' }]);
  });

  it('offers the last minute before the half hour the slot that began', () => {
    expect(slotChoices(at(9, 59)).slice(0, 2)).toEqual([{ kind: 'at', time: '09:30' }, { kind: 'at', time: '10:00' }]);
  });

  it('follows the practice\'s slot length, so a 3:45 appointment is on the screen at 3:38', () => {
    expect(slotChoices(at(15, 38), 15)).toEqual([{ kind: 'at', time: '15:30' }, { kind: 'at', time: '15:45' }, { kind: 'at', time: '16:00' }, { kind: 'later' }]);
    expect(slotChoices(at(15, 38), 10).map((slot) => (slot.kind === 'at' ? slot.time : slot.kind))).toEqual(['15:30', '15:40', '15:50', 'later']);
  });

  it('wraps past midnight', () => {
    expect(slotChoices(at(23, 45)).slice(0, 2)).toEqual([{ kind: 'at', time: '23:30' }, { kind: 'at', time: '00:00' }]);
  });
});

describe('slot words', () => {
  it.each([
    ['14:30', '2:30'],
    ['09:00', '9:00'],
    ['12:00', '12:00'],
    ['00:30', '12:30'],
  ])('says %s as %s', (time, words) => {
    expect(slotWords({ kind: 'at', time })).toBe(words);
  });

  it('says "later" and "no time given" for the other choices', () => {
    expect([slotWords({ kind: 'later' }), slotWords({ kind: 'unsure' })]).toEqual(['later', 'no time given']);
  });
});
