import { describe, expect, it } from 'vitest';
import { adaptForWishes, softBackgroundSound } from '../../../main/hub/ambience/adaptForWishes.ts';
import { preset, room } from './ambienceFixtures.ts';

const welcome = preset({
  lights: { lamp: { on: true, brightness: 60, kelvin: 2700 }, accent: { on: true, brightness: 30, colour: '#ffffff' }, ceiling: { on: false } },
  sound: { stillroom: 'rain', volume: 0.2 },
});
const silent = { ...welcome, sound: null };

describe('adapting a preset to comfort wishes', () => {
  it('softer light dims and warms every light that is on', () => {
    const { lights } = adaptForWishes(welcome, ['softer-light'], room.limits);
    expect(lights['lamp']).toEqual({ on: true, brightness: 42, kelvin: 2400 });
    expect(lights['ceiling']).toEqual({ on: false });
  });

  it('softer light warms a colour towards candlelight', () => {
    const accent = adaptForWishes(welcome, ['softer-light'], room.limits).lights['accent'];
    expect(accent?.on && accent.colour).toEqual([255, 233, 211]);
  });

  it('softer light stops at the room floor', () => {
    const dim = preset({ lights: { lamp: { on: true, brightness: 12 } } });
    expect(adaptForWishes(dim, ['softer-light'], room.limits).lights['lamp']).toEqual({ on: true, brightness: 10 });
  });

  it('quieter room lowers the volume', () => {
    expect(adaptForWishes(welcome, ['quieter-room'], room.limits).sound?.volume).toBe(0.12);
  });

  it('background sound adds a soft source when there is none', () => {
    expect(adaptForWishes(silent, ['background-sound'], room.limits).sound).toEqual(softBackgroundSound);
  });

  it('background sound keeps a source the preset already has', () => {
    expect(adaptForWishes(welcome, ['background-sound'], room.limits).sound).toMatchObject({ stillroom: 'rain' });
  });

  it('changes nothing without wishes', () => {
    expect(adaptForWishes(welcome, [], room.limits)).toEqual(welcome);
  });
});
