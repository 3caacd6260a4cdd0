import { describe, expect, it } from 'vitest';
import type { EntityState } from '../../../main/hub/ambience/homeAssistantCalls.ts';
import { devicesNotAsAsked } from '../../../main/hub/rooms/asAsked.ts';
import { desired, lightState, playerState, room, states } from '../ambience/ambienceFixtures.ts';

const on = (light: EntityState, brightness: number): EntityState => ({ state: 'on', attributes: { ...light.attributes, brightness } });
// Lamp at 40 % (102 of 255; the room's limits are 10-80 %), everything else off, silence.
const lampOnly = desired({ lights: { all: { on: false }, lamp: { on: true, brightness: 40, kelvin: 2700 } }, sound: 'none' });
const asSet = { ...states, 'light.lamp': on(states['light.lamp'], 102) };

describe('whether a room is still as it was set', () => {
  it('finds nothing when every light and the speaker are as asked, colour left aside', () => {
    expect(devicesNotAsAsked(lampOnly, room, asSet)).toEqual([]);
  });

  it('finds a light at its power-on full brightness, and one switched on that should be off', () => {
    expect(devicesNotAsAsked(lampOnly, room, { ...asSet, 'light.lamp': on(states['light.lamp'], 255), 'light.accent': on(states['light.accent'], 128) })).toEqual(['light.lamp', 'light.accent']);
  });

  it('allows the rounding of 0-255 brightness but not a fade cut half way', () => {
    expect(devicesNotAsAsked(lampOnly, room, { ...asSet, 'light.lamp': on(states['light.lamp'], 104) })).toEqual([]);
    expect(devicesNotAsAsked(lampOnly, room, { ...asSet, 'light.lamp': on(states['light.lamp'], 150) })).toEqual(['light.lamp']);
  });

  it('compares a level the room clamps: 100 % asked in a room whose ceiling is 80 % is 80 %', () => {
    const full = desired({ lights: { all: { on: false }, lamp: { on: true, brightness: 100 } }, sound: 'none' });
    expect(devicesNotAsAsked(full, room, { ...asSet, 'light.lamp': on(states['light.lamp'], 204) })).toEqual([]);
  });

  it('only asks an on/off light whether it is on', () => {
    const onOff = { ...asSet, 'light.lamp': { state: 'on', attributes: { ...lightState(['onoff']).attributes } } };
    expect(devicesNotAsAsked(lampOnly, room, onOff)).toEqual([]);
  });

  it('finds a speaker still playing into a preset of silence, and a silent one where a sound should play', () => {
    expect(devicesNotAsAsked(lampOnly, room, { ...asSet, 'media_player.room': playerState('playing', { volume_level: 0.2 }) })).toEqual(['media_player.room']);
    const withSound = desired({ lights: { all: { on: false }, lamp: { on: true, brightness: 40 } }, sound: { stillroom: 'rain', volume: 0.2 } });
    expect(devicesNotAsAsked(withSound, room, asSet)).toEqual(['media_player.room']);
    expect(devicesNotAsAsked(withSound, room, { ...asSet, 'media_player.room': playerState('playing', { volume_level: 0.2 }) })).toEqual([]);
  });

  it('leaves unavailable and missing devices to their own reports', () => {
    const { ['light.ceiling_b']: _missing, ...rest } = asSet;
    expect(devicesNotAsAsked(lampOnly, room, { ...rest, 'light.lamp': { state: 'unavailable', attributes: {} } })).toEqual([]);
  });
});
