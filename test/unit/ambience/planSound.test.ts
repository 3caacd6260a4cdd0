import { describe, expect, it } from 'vitest';
import type { TimedCall } from '../../../main/hub/ambience/homeAssistantCalls.ts';
import { planAmbience } from '../../../main/hub/ambience/planAmbience.ts';
import { volumeRamp } from '../../../main/hub/ambience/soundCommands.ts';
import { desired, playerState, room, states, soundUrl } from './ambienceFixtures.ts';

const rain = { stillroom: 'rain', volume: 0.2, fadeInSeconds: 6, fadeOutSeconds: 4 };
/** What the speaker is told to play, and reports back as `media_content_id` while it plays it. */
const rainUrl = 'http://192.168.1.20:4280/sounds/rain.mp3';
const volumes = (steps: TimedCall[]) => steps.filter((step) => step.call.service === 'volume_set').map((step) => step.call.serviceData['volume_level'] as number);
const services = (steps: TimedCall[]) => steps.map((step) => step.call.service);

function speakerSteps(sound: unknown, speaker = states['media_player.room'], fadeOutSeconds?: number) {
  const plan = planAmbience({
    soundUrl,
    desired: desired({ lights: { lamp: { on: false } }, sound }),
    room,
    states: { ...states, 'media_player.room': speaker },
    ...(fadeOutSeconds === undefined ? {} : { fadeOutSeconds }),
  });
  return plan.devices.find((device) => device.entityId === 'media_player.room')?.steps ?? [];
}

describe('a volume ramp', () => {
  it('takes one step per half second', () => {
    expect(volumeRamp('media_player.room', 0, 0.2, 3)).toHaveLength(6);
  });

  it('takes at most twenty steps however long the fade', () => {
    const steps = volumeRamp('media_player.room', 0, 0.2, 60);
    expect(steps).toHaveLength(20);
    expect(steps.at(-1)!.atMs).toBe(60_000);
  });

  it('rises steadily and ends exactly on the target', () => {
    const levels = volumes(volumeRamp('media_player.room', 0, 0.2, 4));
    levels.slice(1).forEach((level, index) => expect(level).toBeGreaterThan(levels[index]!));
    expect(levels.at(-1)).toBe(0.2);
  });

  it('spreads its steps evenly over the fade, the last at its end', () => {
    expect(volumeRamp('media_player.room', 0, 0.2, 2, 1000).map((step) => step.atMs)).toEqual([1500, 2000, 2500, 3000]);
  });

  it('is a single step when there is no fade', () => {
    expect(volumeRamp('media_player.room', 0.3, 0.1, 0)).toEqual([
      { atMs: 0, call: { domain: 'media_player', service: 'volume_set', target: { entity_id: 'media_player.room' }, serviceData: { volume_level: 0.1 } } },
    ]);
  });
});

describe('the speaker', () => {
  it('starts a new source at volume 0, then plays it and fades in', () => {
    const steps = speakerSteps(rain);
    expect(services(steps.slice(0, 2))).toEqual(['volume_set', 'play_media']);
    expect(steps[0]!.call.serviceData).toEqual({ volume_level: 0 });
    expect(steps[1]!.call.serviceData).toEqual({ media_content_id: rainUrl, media_content_type: 'music' });
    expect(steps.at(-1)).toMatchObject({ atMs: 6000, call: { serviceData: { volume_level: 0.2 } } });
  });

  it('never goes past the room volume ceiling', () => {
    expect(Math.max(...volumes(speakerSteps({ ...rain, volume: 0.3 })))).toBe(0.25);
  });

  it('only changes the volume of a source that is already playing, from where it is', () => {
    const steps = speakerSteps(rain, playerState('playing', { media_content_id: rainUrl, volume_level: 0.1 }));
    expect(services(steps).every((service) => service === 'volume_set')).toBe(true);
    expect(volumes(steps)[0]).toBeGreaterThan(0.1);
  });

  it('fades out what is playing before starting something else', () => {
    const other = playerState('playing', { media_content_id: 'http://192.168.1.20:4280/sounds/stream.mp3', volume_level: 0.2 });
    const steps = speakerSteps(rain, other, 2);
    const play = steps.findIndex((step) => step.call.service === 'play_media');
    expect(volumes(steps.slice(0, play)).at(-1)).toBe(0);
    expect(steps[play]!.atMs).toBe(2000);
  });

  it('fades out and stops for a preset without sound', () => {
    const steps = speakerSteps('none', playerState('playing', { media_content_id: rainUrl, volume_level: 0.2 }), 3);
    expect(steps.at(-1)).toMatchObject({ atMs: 3000, call: { service: 'media_stop' } });
    expect(volumes(steps).at(-1)).toBe(0);
  });

  it('sends nothing to a silent speaker for a preset without sound', () => {
    expect(speakerSteps('none')).toEqual([]);
  });
});

describe('where a sound comes from', () => {
  const played = (sound: unknown) => speakerSteps(sound).find((step) => step.call.service === 'play_media')?.call.serviceData;

  it("plays one of Stillroom's own sounds from the hub's address", () => {
    expect(played(rain)).toEqual({ media_content_id: rainUrl, media_content_type: 'music' });
  });

  it('plays the hub\'s sound for an id from before Stillroom served its own, which no Home Assistant has', () => {
    expect(played({ mediaContentId: 'media-source://stillroom/rain', mediaContentType: 'music', volume: 0.2 })).toEqual({ media_content_id: rainUrl, media_content_type: 'music' });
  });

  it("plays the practice's own media as Home Assistant names it", () => {
    const ocean = { mediaContentId: 'media-source://media_source/local/ocean.mp3', mediaContentType: 'audio/mpeg', volume: 0.2 };
    expect(played(ocean)).toEqual({ media_content_id: 'media-source://media_source/local/ocean.mp3', media_content_type: 'audio/mpeg' });
  });

  it('a fine-tune of the volume ramps over the fine-tune\'s own seconds, not the preset\'s fade-in', () => {
    const plan = planAmbience({
      soundUrl,
      desired: { ...desired({ lights: { lamp: { on: false } }, sound: rain }), transitionSeconds: 2 },
      room,
      states: { ...states, 'media_player.room': playerState('playing', { media_content_id: rainUrl, volume_level: 0.1 }) },
    });
    const steps = plan.devices.find((device) => device.entityId === 'media_player.room')!.steps;
    expect(steps.map((step) => step.call.service)).toEqual(Array(4).fill('volume_set'));
    expect(steps.at(-1)).toMatchObject({ atMs: 2000, call: { serviceData: { volume_level: 0.2 } } });
  });
});
