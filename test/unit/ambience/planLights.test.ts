import { describe, expect, it } from 'vitest';
import type { DesiredAmbience } from '../../../main/hub/ambience/clampToRoom.ts';
import type { EntityState } from '../../../main/hub/ambience/homeAssistantCalls.ts';
import { planAmbience } from '../../../main/hub/ambience/planAmbience.ts';
import { callFor, desired, lightState, plannedEntities, room, states, soundUrl } from './ambienceFixtures.ts';

const warmLamp = desired({ lights: { lamp: { on: true, brightness: 40, kelvin: 2700 } } });
const amberLamp = desired({ lights: { lamp: { on: true, brightness: 40, colour: '#ff9f5a' } } });

/** Plans `wanted` for a room whose only light, the lamp, reports `lamp`. */
function lampCall(wanted: DesiredAmbience, lamp: EntityState | undefined) {
  const plan = planAmbience({ soundUrl, desired: wanted, room: { ...room, lights: { lamp: ['light.lamp'] } }, states: lamp ? { 'light.lamp': lamp } : {} });
  return callFor(plan, 'light.lamp');
}

describe('which lights a preset reaches', () => {
  it('sends each role its own setting, to every light of the role', () => {
    const plan = planAmbience({
    soundUrl,
      desired: desired({ lights: { ceiling: { on: false }, lamp: { on: true, brightness: 40, kelvin: 2700 } } }),
      room,
      states,
    });
    expect(plannedEntities(plan)).toEqual(['light.ceiling_a', 'light.ceiling_b', 'light.lamp']);
    expect(callFor(plan, 'light.ceiling_b')).toEqual({ domain: 'light', service: 'turn_off', target: { entity_id: 'light.ceiling_b' }, serviceData: { transition: 10 } });
    expect(callFor(plan, 'light.lamp').service).toBe('turn_on');
  });

  it('sends `all` to every light', () => {
    const plan = planAmbience({ soundUrl, desired: desired({ lights: { all: { on: false } } }), room, states });
    expect(plannedEntities(plan)).toEqual(['light.ceiling_a', 'light.ceiling_b', 'light.lamp', 'light.accent']);
  });

  it('lets a named role override `all`', () => {
    const plan = planAmbience({ soundUrl, desired: desired({ lights: { all: { on: false }, lamp: { on: true, brightness: 30 } } }), room, states });
    expect(callFor(plan, 'light.lamp').service).toBe('turn_on');
    expect(callFor(plan, 'light.accent').service).toBe('turn_off');
  });

  it('ignores a role the room does not have and leaves unnamed roles alone', () => {
    const plan = planAmbience({ soundUrl, desired: desired({ lights: { reading: { on: true, brightness: 50 }, lamp: { on: false } } }), room, states });
    expect(plannedEntities(plan)).toEqual(['light.lamp']);
  });
});

describe('room limits', () => {
  it('raises brightness to the room floor', () => {
    const call = callFor(planAmbience({ soundUrl, desired: desired({ lights: { lamp: { on: true, brightness: 3 } } }), room, states }), 'light.lamp');
    expect(call.serviceData['brightness_pct']).toBe(10);
  });

  it('lowers brightness to the room ceiling', () => {
    const call = callFor(planAmbience({ soundUrl, desired: desired({ lights: { lamp: { on: true, brightness: 100 } } }), room, states }), 'light.lamp');
    expect(call.serviceData['brightness_pct']).toBe(80);
  });
});

describe('colour modes', () => {
  it('gives an on/off-only light neither brightness nor colour', () => {
    expect(lampCall(warmLamp, lightState(['onoff'])).serviceData).toEqual({ transition: 10 });
  });

  it('gives a brightness-only light brightness and no colour', () => {
    expect(lampCall(warmLamp, lightState(['brightness'])).serviceData).toEqual({ brightness_pct: 40, transition: 10 });
  });

  it('gives a colour-temperature light its kelvin', () => {
    expect(lampCall(warmLamp, lightState(['color_temp'])).serviceData).toEqual({ brightness_pct: 40, color_temp_kelvin: 2700, transition: 10 });
  });

  it('clamps kelvin into the warmest the light can do', () => {
    const call = lampCall(desired({ lights: { lamp: { on: true, brightness: 40, kelvin: 2200 } } }), lightState(['color_temp'], { minKelvin: 2700, maxKelvin: 6500 }));
    expect(call.serviceData['color_temp_kelvin']).toBe(2700);
  });

  it('clamps kelvin into the coolest the light can do', () => {
    const call = lampCall(desired({ lights: { lamp: { on: true, brightness: 40, kelvin: 5000 } } }), lightState(['color_temp'], { minKelvin: 2200, maxKelvin: 4000 }));
    expect(call.serviceData['color_temp_kelvin']).toBe(4000);
  });

  it('sends kelvin to an hs-only light for Home Assistant to emulate', () => {
    expect(lampCall(warmLamp, lightState(['hs'])).serviceData).toEqual({ brightness_pct: 40, color_temp_kelvin: 2700, transition: 10 });
  });

  it('sends a colour as rgb_color to an xy light', () => {
    expect(lampCall(amberLamp, lightState(['xy'])).serviceData).toEqual({ brightness_pct: 40, rgb_color: [255, 159, 90], transition: 10 });
  });

  it('turns a colour into a warm kelvin for a white-only light', () => {
    const kelvin = lampCall(amberLamp, lightState(['color_temp'])).serviceData['color_temp_kelvin'];
    expect(kelvin).toBeGreaterThanOrEqual(2000);
    expect(kelvin).toBeLessThanOrEqual(3000);
  });

  it('keeps only brightness when a light can make neither colour nor white tones', () => {
    expect(lampCall(amberLamp, lightState(['brightness'])).serviceData).toEqual({ brightness_pct: 40, transition: 10 });
  });

  it('sends everything to a light Home Assistant has not described, and lets it filter', () => {
    expect(lampCall(warmLamp, undefined).serviceData).toEqual({ brightness_pct: 40, color_temp_kelvin: 2700, transition: 10 });
  });
});

describe('transitions', () => {
  it('leaves transition out for a light without the feature', () => {
    expect(lampCall(warmLamp, lightState(['color_temp'], { transition: false })).serviceData).not.toHaveProperty('transition');
  });

  it('leaves transition out of turn_off too', () => {
    const off = desired({ lights: { lamp: { on: false } } });
    expect(lampCall(off, lightState(['color_temp'], { transition: false })).serviceData).toEqual({});
  });

  it("uses the preset's transition seconds", () => {
    expect(lampCall({ ...warmLamp, transitionSeconds: 14 }, lightState(['color_temp'])).serviceData['transition']).toBe(14);
  });
});

describe('exclusive groups of light.turn_on', () => {
  const brightnessGroup = ['brightness', 'brightness_pct', 'brightness_step', 'brightness_step_pct'];
  const colourGroup = ['profile', 'color_name', 'color_temp', 'color_temp_kelvin', 'kelvin', 'hs_color', 'rgb_color', 'rgbw_color', 'rgbww_color', 'xy_color', 'white'];
  const modeSets = [['onoff'], ['brightness'], ['color_temp'], ['hs'], ['xy'], ['color_temp', 'hs'], ['color_temp', 'xy'], ['rgbww'], ['rgb', 'color_temp']] as const;

  it('never holds two fields of one group, for any colour mode and any preset light', () => {
    for (const modes of modeSets) {
      for (const wanted of [warmLamp, amberLamp]) {
        const fields = Object.keys(lampCall(wanted, lightState([...modes])).serviceData);
        expect(fields.filter((field) => brightnessGroup.includes(field)).length, modes.join()).toBeLessThanOrEqual(1);
        expect(fields.filter((field) => colourGroup.includes(field)).length, modes.join()).toBeLessThanOrEqual(1);
      }
    }
  });
});
