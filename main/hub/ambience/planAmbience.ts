/**
 * The planner: a room's desired ambience, its devices and what Home Assistant says about them go
 * in; the service calls to make it so come out, one ordered list per device. It only decides; the
 * Home Assistant adapter sends (devices concurrently, each device's steps at their `atMs`).
 */
import { clampToRoom, clampVolume, desiredFromPreset, type DesiredAmbience } from './clampToRoom.ts';
import { now, serviceCall, type AmbiencePlan, type DevicePlan, type EntityStates, type ServiceCall } from './homeAssistantCalls.ts';
import { lightCall, lightCapabilities, lightSceneState, lightTargetFromSetting, lightTargetFromState, type LightTarget } from './lightCommands.ts';
import { allLights, type LightSetting, type Preset, type SoundOrigin } from './presetSchema.ts';
import type { RoomAmbienceConfig } from './roomDevices.ts';
import { planSpeaker, type SoundTarget } from './soundCommands.ts';
import { SoundName } from '../sounds/catalogue.ts';

/**
 * Where a speaker fetches one of Stillroom's own sounds: the hub's address on the office network
 * (sounds/soundAddress.ts). `room` is the room's own generator (its masking player), `shared` the one
 * every room may play.
 */
export type SoundUrl = (name: SoundName, generator: 'room' | 'shared') => string;

export interface AmbienceInput {
  desired: DesiredAmbience;
  room: RoomAmbienceConfig;
  /** Live states of the room's entities: capabilities (colour modes, kelvin range, features) and what they do now. */
  states: EntityStates;
  /** How long the sound playing now takes to fade out (the outgoing preset's `fadeOutSeconds`); defaults to the transition. */
  fadeOutSeconds?: number;
  soundUrl: SoundUrl;
}

/**
 * What the player is told to play. A Stillroom sound becomes the hub's URL for it; so does an id of
 * the form `media-source://stillroom/<name>` from before Stillroom served its own sounds (kept in
 * older practice presets and in rooms' saved state), which no Home Assistant can resolve.
 */
function playerSource(origin: SoundOrigin, soundUrl: SoundUrl, generator: 'room' | 'shared'): { mediaContentId: string; mediaContentType: string } {
  const legacy = 'mediaContentId' in origin ? SoundName.safeParse(/^media-source:\/\/stillroom\/(.+)$/.exec(origin.mediaContentId)?.[1]) : null;
  if ('stillroom' in origin || legacy?.success) {
    return { mediaContentId: soundUrl('stillroom' in origin ? origin.stillroom : legacy!.data!, generator), mediaContentType: 'music' };
  }
  return { mediaContentId: origin.mediaContentId, mediaContentType: origin.mediaContentType };
}

/** `adjustSeconds`: how long a volume change takes when the same source is already playing (the desired state's transition). */
function soundTarget(sound: (SoundOrigin & { volume: number; fadeInSeconds: number }) | null, soundUrl: SoundUrl, generator: 'room' | 'shared', adjustSeconds?: number): SoundTarget | null {
  return sound && { ...playerSource(sound, soundUrl, generator), volume: sound.volume, fadeInSeconds: sound.fadeInSeconds, ...(adjustSeconds === undefined ? {} : { adjustSeconds }) };
}

/** Each light entity of the room and the setting that reaches it: its role's, else `all`'s; the first role naming it wins. */
export function settingsByLight(desired: DesiredAmbience, room: RoomAmbienceConfig): Map<string, LightSetting> {
  const settings = new Map<string, LightSetting>();
  for (const [role, entityIds] of Object.entries(room.lights)) {
    const setting = desired.lights[role] ?? desired.lights[allLights];
    if (!setting) continue;
    for (const entityId of entityIds) if (!settings.has(entityId)) settings.set(entityId, setting);
  }
  return settings;
}

function lightTargets(desired: DesiredAmbience, input: AmbienceInput): [string, LightTarget][] {
  return [...settingsByLight(desired, input.room)].map(([entityId, setting]) => [
    entityId,
    lightTargetFromSetting(setting, lightCapabilities(input.states[entityId]), input.room.limits),
  ]);
}

function lightPlans(targets: [string, LightTarget][], input: AmbienceInput, transitionSeconds: number): DevicePlan[] {
  return targets.map(([entityId, target]) => ({
    entityId,
    steps: [now(lightCall(entityId, target, lightCapabilities(input.states[entityId]), transitionSeconds))],
  }));
}

function speakerPlans(entityId: string | undefined, target: SoundTarget | null, input: AmbienceInput, fadeOutSeconds: number): DevicePlan[] {
  if (!entityId) return [];
  const steps = planSpeaker(entityId, target, input.states[entityId], fadeOutSeconds);
  return steps.length > 0 ? [{ entityId, steps }] : [];
}

const fadeOutFor = (input: AmbienceInput, transitionSeconds: number) => input.fadeOutSeconds ?? transitionSeconds;

/** Per-device calls: `light.turn_on`/`turn_off` for each light, and the speaker's play and volume ramp. */
export function planAmbience(input: AmbienceInput): AmbiencePlan {
  const desired = clampToRoom(input.desired, input.room.limits);
  return {
    devices: [
      ...lightPlans(lightTargets(desired, input), input, desired.transitionSeconds),
      ...speakerPlans(input.room.speaker, soundTarget(desired.sound, input.soundUrl, 'shared', desired.transitionSeconds), input, fadeOutFor(input, desired.transitionSeconds)),
    ],
  };
}

/**
 * The same desired state as one `scene.apply` for every light (one round trip, Home Assistant
 * reproduces the states), with the speaker still planned per device: a scene cannot fade volume.
 */
export function planSceneApply(input: AmbienceInput): { scene: ServiceCall | null; devices: DevicePlan[] } {
  const desired = clampToRoom(input.desired, input.room.limits);
  const targets = lightTargets(desired, input);
  const scene: ServiceCall | null =
    targets.length === 0
      ? null
      : {
          domain: 'scene',
          service: 'apply',
          serviceData: {
            entities: Object.fromEntries(targets.map(([entityId, target]) => [entityId, lightSceneState(target)])),
            transition: desired.transitionSeconds,
          },
        };
  return { scene, devices: speakerPlans(input.room.speaker, soundTarget(desired.sound, input.soundUrl, 'shared', desired.transitionSeconds), input, fadeOutFor(input, desired.transitionSeconds)) };
}

function doorSignPlans(room: RoomAmbienceConfig, on: boolean): DevicePlan[] {
  return room.doorSign ? [{ entityId: room.doorSign, steps: [now(serviceCall(room.doorSign, on ? 'turn_on' : 'turn_off'))] }] : [];
}

function maskingPlans(input: AmbienceInput, on: boolean, fadeSeconds: number): DevicePlan[] {
  const target = on ? soundTarget({ ...input.room.maskingSource, fadeInSeconds: fadeSeconds }, input.soundUrl, 'room') : null;
  return speakerPlans(input.room.masking, target, input, fadeSeconds);
}

export interface SessionStartInput {
  room: RoomAmbienceConfig;
  preset: Preset;
  /** States now; the caller keeps them as the snapshot that `planSessionEnd` restores. */
  states: EntityStates;
  fadeOutSeconds?: number;
  soundUrl: SoundUrl;
}

/** The preset, the door sign on and masking on; a preset whose `session` says no to either leaves it as it is. */
export function planSessionStart({ room, preset, states, fadeOutSeconds, soundUrl }: SessionStartInput): AmbiencePlan {
  const input: AmbienceInput = { desired: desiredFromPreset(preset), room, states, soundUrl, ...(fadeOutSeconds === undefined ? {} : { fadeOutSeconds }) };
  return {
    devices: [
      ...planAmbience(input).devices,
      ...(preset.session.doorSign ? doorSignPlans(room, true) : []),
      ...(preset.session.masking ? maskingPlans(input, true, preset.transitionSeconds) : []),
    ],
  };
}

export interface SessionEndInput {
  room: RoomAmbienceConfig;
  /** States now. */
  states: EntityStates;
  /** The states taken when the session started, or the neutral preset the room is configured to end with. */
  restore: { snapshot: EntityStates } | { preset: Preset };
  /** How long restoring takes (lights' transition, sound fades); a preset brings its own. */
  transitionSeconds?: number;
  fadeOutSeconds?: number;
  soundUrl: SoundUrl;
}

export const sessionEndTransitionSeconds = 10;

/** Puts back the snapshot (lights as they were, the speaker's source and volume) or applies the neutral preset; door sign and masking off. */
export function planSessionEnd({ room, states, restore, transitionSeconds, fadeOutSeconds, soundUrl }: SessionEndInput): AmbiencePlan {
  const seconds = transitionSeconds ?? ('preset' in restore ? restore.preset.transitionSeconds : sessionEndTransitionSeconds);
  const input: AmbienceInput = {
    desired: 'preset' in restore ? desiredFromPreset(restore.preset) : { presetId: null, lights: {}, sound: null, transitionSeconds: seconds },
    room,
    states,
    fadeOutSeconds: fadeOutSeconds ?? seconds,
    soundUrl,
  };
  const main = 'preset' in restore ? planAmbience(input).devices : restorePlans(input, restore.snapshot, seconds);
  return { devices: [...main, ...doorSignPlans(room, false), ...maskingPlans(input, false, seconds)] };
}

function restorePlans(input: AmbienceInput, snapshot: EntityStates, seconds: number): DevicePlan[] {
  const { room } = input;
  const lights = [...new Set(Object.values(room.lights).flat())].flatMap((entityId): [string, LightTarget][] => {
    const target = lightTargetFromState(snapshot[entityId], room.limits);
    return target ? [[entityId, target]] : [];
  });
  return [...lightPlans(lights, input, seconds), ...speakerPlans(room.speaker, soundFromState(room, snapshot, seconds), input, seconds)];
}

/** What a speaker was playing, as a source to return to; `null` if it was silent. */
function soundFromState(room: RoomAmbienceConfig, snapshot: EntityStates, fadeInSeconds: number): SoundTarget | null {
  const state = room.speaker ? snapshot[room.speaker] : undefined;
  const id = state?.attributes['media_content_id'];
  const type = state?.attributes['media_content_type'];
  const volume = state?.attributes['volume_level'];
  if (state?.state !== 'playing' || typeof id !== 'string' || typeof type !== 'string') return null;
  return { mediaContentId: id, mediaContentType: type, volume: clampVolume(typeof volume === 'number' ? volume : 0, room.limits), fadeInSeconds };
}
