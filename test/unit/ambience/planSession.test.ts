import { describe, expect, it } from 'vitest';
import type { AmbiencePlan } from '../../../main/hub/ambience/homeAssistantCalls.ts';
import { planSceneApply, planSessionEnd, planSessionStart } from '../../../main/hub/ambience/planAmbience.ts';
import { callFor, desired, lightState, playerState, preset, room, states, soundUrl } from './ambienceFixtures.ts';

const calm = preset({
  id: 'calm',
  transitionSeconds: 12,
  lights: { all: { on: true, brightness: 35, kelvin: 2400 }, ceiling: { on: false } },
  sound: { stillroom: 'stream', volume: 0.12, fadeInSeconds: 12, fadeOutSeconds: 8 },
});

/** The room before the session: the lamp on at 180/255 in 2900 K, the accent in an hs colour, the speaker playing the radio. */
const before = {
  ...states,
  'light.lamp': { state: 'on', attributes: { ...lightState(['color_temp', 'xy']).attributes, color_mode: 'color_temp', brightness: 180, color_temp_kelvin: 2900, xy_color: [0.45, 0.4] } },
  'light.accent': { state: 'on', attributes: { ...lightState(['hs', 'color_temp']).attributes, color_mode: 'hs', brightness: 60, hs_color: [30, 60] } },
  'light.ceiling_a': { state: 'unavailable', attributes: {} },
  'media_player.room': playerState('playing', { media_content_id: 'radio://calm-fm', media_content_type: 'music', volume_level: 0.2 }),
};

const stepsFor = (plan: AmbiencePlan, entityId: string) => plan.devices.find((device) => device.entityId === entityId)?.steps ?? [];

describe('starting a session', () => {
  const plan = planSessionStart({ soundUrl, room, preset: calm, states });

  it('applies the preset', () => {
    expect(callFor(plan, 'light.lamp').serviceData).toEqual({ brightness_pct: 35, color_temp_kelvin: 2400, transition: 12 });
    expect(callFor(plan, 'light.ceiling_a').service).toBe('turn_off');
  });

  it('turns the door sign on', () => {
    expect(callFor(plan, 'switch.door_sign')).toEqual({ domain: 'switch', service: 'turn_on', target: { entity_id: 'switch.door_sign' }, serviceData: {} });
  });

  it('starts masking with its source and fades it in', () => {
    const steps = stepsFor(plan, 'media_player.hallway');
    expect(steps.find((step) => step.call.service === 'play_media')?.call.serviceData).toEqual({
      // The room's own masking generator, from the hub's address.
      media_content_id: 'http://192.168.1.20:4280/sounds/pink-noise/room.mp3',
      media_content_type: 'music',
    });
    expect(steps.at(-1)).toMatchObject({ atMs: 12_000, call: { service: 'volume_set', serviceData: { volume_level: 0.3 } } });
  });

  it('leaves the door sign and masking alone when the preset says so', () => {
    const cleaning = planSessionStart({ soundUrl, room, preset: { ...calm, session: { doorSign: false, masking: false } }, states });
    expect(stepsFor(cleaning, 'switch.door_sign')).toEqual([]);
    expect(stepsFor(cleaning, 'media_player.hallway')).toEqual([]);
  });
});

describe('ending a session by restoring the room', () => {
  const during = { ...states, 'media_player.hallway': playerState('playing', { media_content_id: 'http://192.168.1.20:4280/sounds/pink-noise/room.mp3', volume_level: 0.3 }) };
  const plan = planSessionEnd({ soundUrl, room, states: during, restore: { snapshot: before } });

  it('puts a light back to its brightness and colour temperature', () => {
    expect(callFor(plan, 'light.lamp').serviceData).toEqual({ brightness_pct: 70.59, color_temp_kelvin: 2900, transition: 10 });
  });

  it('puts a light back to its colour in the mode it was in', () => {
    expect(callFor(plan, 'light.accent').serviceData).toEqual({ brightness_pct: 23.53, hs_color: [30, 60], transition: 10 });
  });

  it('turns off a light that was off', () => {
    expect(callFor(plan, 'light.ceiling_b').service).toBe('turn_off');
  });

  it('leaves a light alone whose earlier state is unknown', () => {
    expect(stepsFor(plan, 'light.ceiling_a')).toEqual([]);
  });

  it('plays what the speaker played before, within the room ceiling', () => {
    const steps = stepsFor(plan, 'media_player.room');
    expect(steps.find((step) => step.call.service === 'play_media')?.call.serviceData).toEqual({ media_content_id: 'radio://calm-fm', media_content_type: 'music' });
    expect(steps.at(-1)!.call.serviceData).toEqual({ volume_level: 0.2 });
  });

  it('turns the door sign off', () => {
    expect(callFor(plan, 'switch.door_sign').service).toBe('turn_off');
  });

  it('fades masking out and stops it', () => {
    const steps = stepsFor(plan, 'media_player.hallway');
    expect(steps.at(-1)!.call.service).toBe('media_stop');
    expect(steps.at(-2)!.call.serviceData).toEqual({ volume_level: 0 });
  });
});

describe('ending a session with a neutral preset', () => {
  it('applies the preset instead of the snapshot, and still turns the door sign off', () => {
    const rest = preset({ id: 'rest', lights: { all: { on: false } } });
    const plan = planSessionEnd({ soundUrl, room, states, restore: { preset: rest } });
    expect(callFor(plan, 'light.lamp').service).toBe('turn_off');
    expect(callFor(plan, 'switch.door_sign').service).toBe('turn_off');
  });
});

describe('scene.apply', () => {
  it('describes every light as a state, with brightness in 0–255 and its colour mode', () => {
    const { scene } = planSceneApply({ soundUrl, desired: desired({ transitionSeconds: 12, lights: calm.lights }), room, states });
    expect(scene).toEqual({
      domain: 'scene',
      service: 'apply',
      serviceData: {
        entities: {
          'light.ceiling_a': 'off',
          'light.ceiling_b': 'off',
          'light.lamp': { state: 'on', brightness: 89, color_mode: 'color_temp', color_temp_kelvin: 2400, color_temp: 417 },
          'light.accent': { state: 'on', brightness: 89, color_mode: 'color_temp', color_temp_kelvin: 2400, color_temp: 417 },
        },
        transition: 12,
      },
    });
  });

  it('leaves the speaker to its own fade', () => {
    const { devices } = planSceneApply({ soundUrl, desired: desired({ lights: calm.lights, sound: calm.sound }), room, states });
    expect(devices.map((device) => device.entityId)).toEqual(['media_player.room']);
  });
});
