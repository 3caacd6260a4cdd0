import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../../main/contract/issues.ts';
import { RoomAmbienceConfig } from '../../../main/hub/ambience/roomDevices.ts';

const willow = { lights: { ceiling: 'light.willow_ceiling', lamp: ['light.willow_lamp', 'light.willow_floor_lamp'] }, speaker: 'media_player.willow' };

const problemsWith = (fields: Record<string, unknown>) => {
  const parsed = RoomAmbienceConfig.safeParse({ ...willow, ...fields }, { reportInput: true });
  return parsed.success ? [] : parsed.error.issues.map(describeIssue);
};

describe('a room’s devices', () => {
  it('reads one entity or a list per role, and fills in the limits and session end', () => {
    const room = RoomAmbienceConfig.parse(willow);
    expect(room.lights).toEqual({ ceiling: ['light.willow_ceiling'], lamp: ['light.willow_lamp', 'light.willow_floor_lamp'] });
    expect(room.limits).toEqual({ minBrightness: 5, maxBrightness: 100, maxVolume: 0.4 });
    expect(room.sessionEnd).toBe('restore');
  });

  it('refuses a light role pointing at another domain', () => {
    expect(problemsWith({ lights: { lamp: 'switch.willow_lamp' } })).toEqual(['lights.lamp: expected a light entity such as light.desk_lamp']);
  });

  it('names the wrong entry in a list of lights', () => {
    expect(problemsWith({ lights: { lamp: ['light.ok', 'media_player.willow'] } })).toEqual(['lights.lamp[1]: expected a light entity such as light.desk_lamp']);
  });

  it('accepts a switch or an input_boolean as the door sign, nothing else', () => {
    expect(problemsWith({ doorSign: 'input_boolean.willow_in_session' })).toEqual([]);
    expect(problemsWith({ doorSign: 'light.willow_sign' })).toEqual(['doorSign: expected a switch or input_boolean entity such as switch.room_one']);
  });

  it('wants a media player for masking', () => {
    expect(problemsWith({ masking: 'switch.fan' })).toEqual(['masking: expected a media_player entity such as media_player.room_one']);
  });

  it('keeps `all` for presets', () => {
    expect(problemsWith({ lights: { all: 'light.everything' } })).toEqual(['lights: "all" is reserved for presets; name the role instead']);
  });

  it('refuses a brightness floor above its ceiling', () => {
    expect(problemsWith({ limits: { minBrightness: 60, maxBrightness: 40 } })).toEqual(['limits.maxBrightness: must not be below minBrightness']);
  });

  it('can be extended into the office config’s room entry', () => {
    expect(() => RoomAmbienceConfig.extend({ id: RoomAmbienceConfig.shape.sessionEnd })).not.toThrow();
  });
});
