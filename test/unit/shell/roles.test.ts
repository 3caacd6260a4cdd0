import { describe, expect, it } from 'vitest';
import { parseWindowList, windowPlanFor } from '../../../main/shell/roles.ts';

describe('window roles', () => {
  it('the kiosk window shows /kiosk, calls with kiosk access and is locked', () => {
    expect(windowPlanFor({ role: 'kiosk' })).toEqual({ role: 'kiosk', surfacePath: '/kiosk', access: 'kiosk', locked: true });
  });

  it('the desk window shows /desk with staff access, without a PIN', () => {
    expect(windowPlanFor({ role: 'desk' })).toEqual({ role: 'desk', surfacePath: '/desk', access: 'desk', locked: false });
  });

  it('a room window shows its own room with staff access', () => {
    expect(windowPlanFor({ role: 'room', roomId: 'blue' })).toEqual({ role: 'room', surfacePath: '/room/blue', access: 'room', locked: false });
  });

  it('"kiosk,desk,room:blue" opens those three windows', () => {
    expect(parseWindowList('kiosk, desk,room:blue')).toEqual({ ok: true, windows: [{ role: 'kiosk' }, { role: 'desk' }, { role: 'room', roomId: 'blue' }] });
  });

  it.each([
    ['', 'at least one'],
    ['kiosk,kiosk', 'twice'],
    ['lobby', '"lobby" is not a window'],
    ['room:', 'is not a room id'],
    ['room:../admin', 'is not a room id'],
  ])('"%s" is refused with a message naming the problem', (value, problem) => {
    const result = parseWindowList(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(problem);
  });
});
