/**
 * Room ambience: applying a preset records what the room should be, the planner turns that into
 * device commands, and the plan runner carries them out. What a surface shows comes from Home
 * Assistant's live state. Commands lost to an outage are sent again after the reconnect, unless
 * a person changed that device by hand in the meantime.
 */
import { clampBrightness, clampToRoom, clampVolume, desiredFromPreset, type DesiredAmbience } from '../ambience/clampToRoom.ts';
import type { AmbiencePlan, EntityState, EntityStates } from '../ambience/homeAssistantCalls.ts';
import { planAmbience, planSceneApply, planSessionEnd, planSessionStart, type SoundUrl } from '../ambience/planAmbience.ts';
import type { SoundName } from '../sounds/catalogue.ts';
import type { PresetLibrary } from '../ambience/presetLibrary.ts';
import type { Preset } from '../ambience/presetSchema.ts';
import type { RoomAmbienceConfig } from '../ambience/roomDevices.ts';
import type { DeviceLinkStatus, DeviceOutcome, LiveEvent, PresetCard, RoomsOverview, RoomView } from '../../contract/contract.ts';
import type { OfficeConfig } from '../config/officeConfig.ts';
import type { ServiceCall, ServiceCallResult } from '../devices/homeAssistant/serviceCallResult.ts';
import type { Log } from '../log.ts';
import { ok, refuse, type Result } from '../result.ts';
import { devicesNotAsAsked } from './asAsked.ts';
import { deviceViews, roomEntities } from './deviceViews.ts';
import { presetFileFor } from '../ambience/presetFromRoom.ts';
import { runPlan, type DeviceResult, type RunningPlan } from './planRunner.ts';
import type { RoomStateStore, StoredRoomState } from './roomStateStore.ts';

/** What the rooms need from the device layer; the Home Assistant link provides it. */
export interface RoomDevices {
  status(): DeviceLinkStatus;
  entities(): EntityStates & Readonly<Record<string, { last_updated?: string } | undefined>>;
  callService(call: ServiceCall): Promise<ServiceCallResult>;
  /** Whether Home Assistant's `scene.apply` can set this entity (not so for a zigbee2mqtt light); all can when absent. */
  sceneCapable?(entityId: string): boolean;
}

type RoomConfig = OfficeConfig['rooms'][number];

/** What a room can be asked to do from outside a screen: the office bus's commands. */
export type RoomCommand = { action: 'apply-preset'; preset: string } | { action: 'start-session' } | { action: 'end-session' };

export interface RoomsDeps {
  config: OfficeConfig;
  library: () => PresetLibrary;
  devices: RoomDevices;
  store: RoomStateStore;
  publish: (event: LiveEvent) => void;
  /** Where a room's speakers fetch Stillroom's own sounds (the hub's address; sounds/soundStreams.ts). */
  soundUrl: (roomId: string, name: SoundName, generator: 'room' | 'shared') => string;
  log: Log;
}

const card = ({ id, name, description, swatch }: Preset): PresetCard => ({ id, name, description, swatch });
const defaultLimits = { minBrightness: 1, maxBrightness: 100, maxVolume: 1 };

export function createRooms({ config, library, devices, store, publish, soundUrl: soundUrlIn, log }: RoomsDeps) {
  const soundUrl = (roomId: string): SoundUrl => (name, generator) => soundUrlIn(roomId, name, generator);
  const rooms = new Map(config.rooms.map((room) => [room.id, room]));
  const running = new Map<string, RunningPlan>();
  const lastChange = new Map<string, DeviceOutcome[]>();
  /** Devices whose command was lost to an outage, with what the device was doing when it was tried. */
  const lost = new Map<string, Map<string, string | null>>();
  const lastPublished = new Map<string, string>();
  /** Devices found not as their room asks when the hub first saw them after it started (asAsked.ts). */
  const changedWhileAway = new Map<string, Set<string>>();
  const checkedSinceStart = new Set<string>();
  let closed = false;

  /** Connected and holding Home Assistant's entity list (it arrives just after the connection). */
  const knowsEntities = () => devices.status().state === 'connected' && Object.keys(devices.entities()).length > 0;

  function ambienceOf(roomId: string): Result<RoomAmbienceConfig> {
    const room = rooms.get(roomId);
    if (!room) return refuse('not-found', 'There is no such room.');
    if (!room.ambience) return refuse('conflict', 'This room has no lights or speakers set up yet. An admin can add them to the office configuration.');
    return ok(room.ambience);
  }
  function presetOf(presetId: string): Result<Preset> {
    const preset = library().presets.get(presetId);
    return preset ? ok(preset) : refuse('not-found', 'That preset is no longer available.');
  }

  function problemsOf(roomId: string): string[] {
    const ambience = rooms.get(roomId)?.ambience;
    const problems = library().problems.map((problem) => `A preset file was skipped: ${problem.message}`);
    if (!ambience) return problems;
    if (ambience.sessionEnd !== 'restore' && !library().presets.has(ambience.sessionEnd)) {
      problems.push(`Sessions here end with the preset "${ambience.sessionEnd}", which does not exist; the room will be left as it is.`);
    }
    if (knowsEntities()) {
      const entities = devices.entities();
      for (const { entityId } of roomEntities(ambience)) {
        if (!entities[entityId]) problems.push(`${entityId} is not in Home Assistant. Check the name in the office configuration.`);
      }
    }
    return problems;
  }

  function view(room: RoomConfig): RoomView {
    const roomId = room.id;
    const state = store.get(roomId);
    // Presets the practice hid (admin) are not offered; a room already set to one still names it.
    const hidden = new Set(config.presets.hidden);
    const presets = [...library().presets.values()].filter((each) => !hidden.has(each.id));
    const preset = state.desired?.presetId ? library().presets.get(state.desired.presetId) : undefined;
    const lightLevels = Object.values(state.desired?.lights ?? {}).flatMap((light) => (light.on ? [light.brightness] : []));
    return {
      id: room.id,
      name: room.name,
      hasAmbience: !!room.ambience,
      preset: preset ? card(preset) : null,
      adjusted: state.adjusted,
      inSession: state.inSession,
      brightness: lightLevels.length > 0 ? Math.max(...lightLevels) : null,
      volume: state.desired?.sound?.volume ?? null,
      limits: room.ambience?.limits ?? defaultLimits,
      devices: room.ambience ? deviceViews(room.ambience, devices.entities()) : [],
      presets: presets.map(card),
      lastChange: lastChange.get(roomId) ?? [],
      homeAssistant: devices.status(),
      problems: problemsOf(roomId),
      changedWhileAway: [...(changedWhileAway.get(roomId) ?? [])].map((entityId) => nameOf(entityId)),
    };
  }

  function nameOf(entityId: string): string {
    const name = devices.entities()[entityId]?.attributes['friendly_name'];
    return typeof name === 'string' ? name : entityId;
  }

  /**
   * The first time the hub sees a room's devices after it started, it compares them with what the
   * room was last asked to be; those that differ are said on the room screen (rather than a preset
   * name the room no longer shows) until the room is set again or they come to match. Nothing is
   * sent: the hub cannot tell a power cut's defaults from a change a person made by hand while it
   * was away, and must not undo the second. A device that was unavailable is set by devicesBack.
   */
  function compareAfterStart(roomId: string): void {
    const ambience = rooms.get(roomId)?.ambience;
    const desired = store.get(roomId).desired;
    if (!ambience || !desired || !knowsEntities()) return;
    if (!checkedSinceStart.has(roomId)) {
      checkedSinceStart.add(roomId);
      const differ = devicesNotAsAsked(desired, ambience, devices.entities());
      if (differ.length > 0) {
        changedWhileAway.set(roomId, new Set(differ));
        log.info('a room is not as it was last set: its devices changed while the hub was away', { room: roomId, devices: differ.length });
      }
      return;
    }
    const differed = changedWhileAway.get(roomId);
    if (!differed) return;
    const differ = new Set(devicesNotAsAsked(desired, ambience, devices.entities()));
    for (const entityId of differed) if (!differ.has(entityId)) differed.delete(entityId);
    if (differed.size === 0) changedWhileAway.delete(roomId);
  }

  /**
   * Devices last seen unavailable. One that comes back (a lamp switched on again at the wall, a
   * speaker plugged in, Home Assistant's integrations loaded after its restart) is set as its room
   * asks: Home Assistant skipped it meanwhile, and many bulbs power on at full brightness.
   */
  const away = new Set<string>();
  function devicesBack(roomId: string): Set<string> {
    const ambience = rooms.get(roomId)?.ambience;
    const back = new Set<string>();
    if (!ambience || !knowsEntities()) return back;
    const entities = devices.entities();
    for (const { entityId } of roomEntities(ambience)) {
      const state = entities[entityId]?.state;
      if (state === 'unavailable') away.add(entityId);
      else if (state !== undefined && away.delete(entityId)) back.add(entityId);
    }
    return back;
  }

  async function setAsAsked(roomId: string, back: ReadonlySet<string>): Promise<void> {
    const desired = store.get(roomId).desired;
    const ambience = rooms.get(roomId)?.ambience;
    if (!desired || !ambience || closed) return;
    const plan = planFor(roomId, ambience, desired, { oneScene: false });
    const returned = plan.devices.filter((device) => back.has(device.entityId));
    if (returned.length === 0) return;
    log.info('a device is back: setting it as the room asks', { room: roomId, devices: returned.length });
    // On its own, not through carryOut: a fade running for the rest of the room goes on.
    const results = await runPlan({ devices: returned }, (call) => devices.callService(call)).immediate;
    if (closed) return;
    const outcomes = results.map(outcomeOf);
    const previous = lastChange.get(roomId) ?? [];
    lastChange.set(roomId, [...previous.map((o) => outcomes.find((n) => n.entityId === o.entityId) ?? o), ...outcomes.filter((n) => !previous.some((o) => o.entityId === n.entityId))]);
    announce(roomId);
  }

  const seenDevices = new Map<string, readonly unknown[]>();
  function devicesChanged(roomId: string): boolean {
    const ambience = rooms.get(roomId)?.ambience;
    if (!ambience) return false;
    const entities = devices.entities();
    const current = roomEntities(ambience).map(({ entityId }) => entities[entityId]);
    const previous = seenDevices.get(roomId);
    seenDevices.set(roomId, current);
    return !previous || current.some((state, index) => state !== previous[index]);
  }

  /** Pushes the room to every surface if anything a person could see changed. */
  function announce(roomId: string): RoomView {
    const current = view(rooms.get(roomId)!);
    const text = JSON.stringify(current);
    if (lastPublished.get(roomId) !== text) {
      lastPublished.set(roomId, text);
      publish({ type: 'room', room: current });
    }
    return current;
  }

  function outcomeOf({ entityId, result }: DeviceResult): DeviceOutcome {
    const entity = devices.entities()[entityId];
    const name = typeof entity?.attributes['friendly_name'] === 'string' ? entity.attributes['friendly_name'] : entityId;
    // Home Assistant answers success for an unavailable entity, having skipped it
    // (homeassistant/helpers/service.py entity_service_call), so its state says what happened.
    if (result.ok && entity?.state === 'unavailable') return unavailableOutcome(entityId, name);
    if (result.ok) return { entityId, name, outcome: 'done', message: null };
    if (result.reason === 'disconnected') return { entityId, name, outcome: 'waiting', message: 'Home Assistant is not connected; this will be sent when it is back.' };
    if (result.reason === 'unavailable') return unavailableOutcome(entityId, name);
    if (!entity) return { entityId, name, outcome: 'failed', message: result.message };
    return { entityId, name, outcome: 'failed', message: `Home Assistant said: ${result.message}` };
  }

  /** Sends a plan for a room, replacing whatever was still running there; records what each device did. */
  async function carryOut(roomId: string, plan: AmbiencePlan): Promise<Result<RoomView>> {
    running.get(roomId)?.cancel();
    checkedSinceStart.add(roomId);
    changedWhileAway.delete(roomId);
    // Home Assistant accepts a call for an entity it does not have and does nothing, so a device
    // missing from a connected Home Assistant is reported here instead of silently "done".
    const entities = devices.entities();
    const missing = knowsEntities() ? plan.devices.filter((device) => device.entityId !== sceneDevice && !entities[device.entityId]) : [];
    const run = runPlan({ devices: plan.devices.filter((device) => !missing.includes(device)) }, (call) => devices.callService(call));
    running.set(roomId, run);
    const sent = (await run.immediate).flatMap((result) =>
      result.entityId === sceneDevice ? sceneLights(plan).map((entityId) => ({ entityId, result: result.result })) : [result],
    );
    if (closed) return refuse('unavailable', 'Stillroom is shutting down.');
    const results = [
      ...sent,
      ...missing.map(({ entityId }): DeviceResult => ({ entityId, result: { ok: false, reason: 'rejected', message: `${entityId} is not in Home Assistant. Check the name in the office configuration.` } })),
    ];
    const pending = lost.get(roomId) ?? new Map<string, string | null>();
    for (const { entityId, result } of results) {
      if (!result.ok && result.reason === 'disconnected') pending.set(entityId, pending.has(entityId) ? pending.get(entityId)! : stateSignature(entities[entityId]));
      else pending.delete(entityId);
    }
    lost.set(roomId, pending);
    const outcomes = results.map(outcomeOf);
    lastChange.set(roomId, outcomes);
    const failed = outcomes.filter((o) => o.outcome !== 'done');
    if (failed.length > 0) log.warn('some devices did not take the change', { room: roomId, devices: failed.map((o) => `${o.entityId}:${o.outcome}`).join(' ') });
    return ok(announce(roomId));
  }

  function save(roomId: string, change: Partial<StoredRoomState>): StoredRoomState {
    const next = { ...store.get(roomId), ...change };
    store.set(roomId, next);
    return next;
  }

  /**
   * The plan for a desired state. A room with many lights gets one `scene.apply` for the lights
   * that are there and available (one round trip; `npm run bench` measured a third of the time of
   * one call per light for 24 lights); the rest, and smaller rooms, get one call per device, which
   * reports each device on its own.
   */
  function planFor(roomId: string, room: RoomAmbienceConfig, desired: DesiredAmbience, { oneScene = true } = {}): AmbiencePlan {
    const states = devices.entities();
    const perDevice = planAmbience({ desired, room, states, soundUrl: soundUrl(roomId) });
    const lights = new Set(Object.values(room.lights).flat());
    if (!oneScene || lights.size < sceneFromLights || !knowsEntities()) return perDevice;
    const inScene = (entityId: string) =>
      lights.has(entityId) && !!states[entityId] && states[entityId].state !== 'unavailable' && (devices.sceneCapable?.(entityId) ?? true);
    const { scene } = planSceneApply({ desired, room: { ...room, lights: Object.fromEntries(Object.entries(room.lights).map(([role, ids]) => [role, ids.filter(inScene)])) }, states, soundUrl: soundUrl(roomId) });
    if (!scene) return perDevice;
    return { devices: [{ entityId: sceneDevice, steps: [{ atMs: 0, call: scene }] }, ...perDevice.devices.filter((device) => !inScene(device.entityId))] };
  }

  return {
    view(roomId: string): Result<RoomView> {
      const room = rooms.get(roomId);
      return room ? ok(view(room)) : refuse('not-found', 'There is no such room.');
    },
    views: () => config.rooms.map(view),
    inSession: (roomId: string) => store.get(roomId).inSession,
    overview(): RoomsOverview {
      return {
        rooms: config.rooms.map((room) => {
          const state = store.get(room.id);
          const presetId = state.desired?.presetId;
          return { id: room.id, name: room.name, presetName: (presetId && library().presets.get(presetId)?.name) || null, inSession: state.inSession };
        }),
        homeAssistant: devices.status(),
      };
    },

    async applyPreset(roomId: string, presetId: string): Promise<Result<RoomView>> {
      const ambience = ambienceOf(roomId);
      if (!ambience.ok) return ambience;
      const preset = presetOf(presetId);
      if (!preset.ok) return preset;
      const desired = clampToRoom(desiredFromPreset(preset.value), ambience.value.limits);
      save(roomId, { desired, adjusted: false, chosen: true });
      return carryOut(roomId, planFor(roomId, ambience.value, desired));
    },

    /**
     * A client who asked for a comfort wish has checked in: the room eases into the chosen preset
     * slowly (at least half a minute), so it is ready without a sudden change if someone is there.
     */
    async prepareForArrival(roomId: string, presetId: string): Promise<Result<RoomView>> {
      const ambience = ambienceOf(roomId);
      if (!ambience.ok) return ambience;
      const preset = presetOf(presetId);
      if (!preset.ok) return preset;
      // The therapist's own choice for the room stands: a wish only prepares a room nobody has set.
      if (store.get(roomId).chosen) return ok(announce(roomId));
      const desired = clampToRoom({ ...desiredFromPreset(preset.value), transitionSeconds: Math.max(30, preset.value.transitionSeconds) }, ambience.value.limits);
      save(roomId, { desired, adjusted: false, chosen: false });
      return carryOut(roomId, planFor(roomId, ambience.value, desired));
    },

    /** Moves the brightest light to `brightness` (the others keep their proportion) and/or sets the volume. */
    async fineTune(roomId: string, { brightness, volume }: { brightness?: number | undefined; volume?: number | undefined }): Promise<Result<RoomView>> {
      const found = ambienceOf(roomId);
      if (!found.ok) return found;
      const ambience = found.value;
      const current = store.get(roomId).desired;
      if (!current) return refuse('conflict', 'Choose a preset first; fine-tuning adjusts it.');
      const levels = Object.values(current.lights).flatMap((light) => (light.on ? [light.brightness] : []));
      const factor = brightness === undefined || levels.length === 0 ? 1 : brightness / Math.max(...levels);
      const lights = Object.fromEntries(
        Object.entries(current.lights).map(([role, light]) => [role, light.on ? { ...light, brightness: clampBrightness(Math.round(light.brightness * factor), ambience.limits) } : light]),
      );
      const sound = current.sound && volume !== undefined ? { ...current.sound, volume: clampVolume(volume, ambience.limits) } : current.sound;
      const desired: DesiredAmbience = { ...current, lights, sound, transitionSeconds: 2 };
      save(roomId, { desired, adjusted: true, chosen: true });
      return carryOut(roomId, planFor(roomId, ambience, desired));
    },

    async startSession(roomId: string): Promise<Result<RoomView>> {
      const found = ambienceOf(roomId);
      if (!found.ok) return found;
      const ambience = found.value;
      const state = store.get(roomId);
      if (state.inSession) return refuse('conflict', 'A session is already running in this room.');
      const states = devices.entities();
      const snapshot = { states: Object.fromEntries(roomEntities(ambience).map(({ entityId }) => [entityId, states[entityId]])), desired: state.desired, adjusted: state.adjusted, chosen: state.chosen };
      save(roomId, { inSession: true, snapshot });
      // Lights and sound as the room is set (fine-tuning included), plus the door sign and masking
      // as the preset's session extras say (both, when the room has no preset yet).
      const extras = new Set([ambience.doorSign, ambience.masking].filter((id) => !!id));
      const preset = (state.desired?.presetId && library().presets.get(state.desired.presetId)) || sessionOnly;
      const extrasPlan = planSessionStart({ room: ambience, preset, states, soundUrl: soundUrl(roomId) }).devices.filter((device) => extras.has(device.entityId));
      return carryOut(roomId, { devices: [...(state.desired ? planFor(roomId, ambience, state.desired).devices : []), ...extrasPlan] });
    },

    /** A command from the office bus (a wall switch, another system). */
    command(roomId: string, command: RoomCommand): Promise<Result<RoomView>> {
      if (command.action === 'apply-preset') return this.applyPreset(roomId, command.preset);
      return command.action === 'start-session' ? this.startSession(roomId) : this.endSession(roomId);
    },

    async endSession(roomId: string): Promise<Result<RoomView>> {
      const found = ambienceOf(roomId);
      if (!found.ok) return found;
      const ambience = found.value;
      const state = store.get(roomId);
      if (!state.inSession) return refuse('conflict', 'No session is running in this room.');
      const neutral = ambience.sessionEnd === 'restore' ? undefined : library().presets.get(ambience.sessionEnd);
      const states = devices.entities();
      const plan = neutral
        ? planSessionEnd({ room: ambience, states, restore: { preset: neutral }, soundUrl: soundUrl(roomId) })
        : planSessionEnd({ room: ambience, states, restore: { snapshot: state.snapshot?.states ?? {} }, soundUrl: soundUrl(roomId) });
      // The office's after-session preset is nobody's choice for the next client; a restored room keeps whose it was.
      if (neutral) save(roomId, { inSession: false, snapshot: null, desired: clampToRoom(desiredFromPreset(neutral), ambience.limits), adjusted: false, chosen: false });
      else save(roomId, { inSession: false, snapshot: null, desired: state.snapshot?.desired ?? null, adjusted: state.snapshot?.adjusted ?? false, chosen: state.snapshot ? (state.snapshot.chosen ?? state.snapshot.desired !== null) : false });
      return carryOut(roomId, plan);
    },

    /** The room's light and sound as they are asked to be now, as a preset file named `name`. */
    asPreset(roomId: string, name: string): Result<{ text: string; preset: Preset }> {
      const room = rooms.get(roomId);
      if (!room) return refuse('not-found', 'There is no such room.');
      const desired = store.get(roomId).desired;
      if (!desired) return refuse('conflict', 'Choose a preset for this room first, adjust it as you like, then save it.');
      const made = presetFileFor({ name, roomName: room.name, desired, basedOn: desired.presetId ? library().presets.get(desired.presetId) : undefined });
      if ('problem' in made) return refuse('invalid-input', made.problem);
      if (library().presets.has(made.preset.id)) return refuse('conflict', `There is already a preset called "${library().presets.get(made.preset.id)!.name}". Choose another name.`);
      return ok(made);
    },

    /** After Home Assistant comes back: send again what was lost, skipping devices a person has changed since. */
    async resendLost(): Promise<void> {
      try {
        await resend();
      } catch (error) {
        if (!closed) log.error('could not resend lost commands', { error: error instanceof Error ? error.message : String(error) });
      }
    },

    /**
     * Pushes every room whose picture changed. After a live-state update (`devicesOnly`), a room
     * none of whose devices changed is skipped without drawing it: the client library replaces only
     * the entity objects that changed, so comparing them by identity is enough.
     */
    refresh({ devicesOnly = false }: { devicesOnly?: boolean } = {}): void {
      for (const roomId of rooms.keys()) {
        if (devicesOnly && !devicesChanged(roomId)) continue;
        compareAfterStart(roomId);
        announce(roomId);
        const back = devicesBack(roomId);
        if (back.size > 0) {
          setAsAsked(roomId, back).catch((error: unknown) => {
            if (!closed) log.error('could not set a device that came back', { room: roomId, error: error instanceof Error ? error.message : String(error) });
          });
        }
      }
    },

    close(): void {
      closed = true;
      for (const run of running.values()) run.cancel();
    },
  };

  /**
   * Resends each room's lost commands, except to a device that is no longer doing what it did when
   * the command was tried: someone changed it by hand meanwhile (or the command did arrive), and
   * either way the hub must not undo it. Timestamps cannot tell: a restarted Home Assistant gives
   * every entity new ones.
   */
  async function resend(): Promise<void> {
    for (const [roomId, pending] of lost) {
      if (pending.size === 0) continue;
      const desired = store.get(roomId).desired;
      const ambience = rooms.get(roomId)?.ambience;
      const entities = devices.entities();
      for (const [entityId, seen] of pending) {
        if (seen !== null && stateSignature(entities[entityId]) !== seen) pending.delete(entityId);
      }
      if (!desired || !ambience || pending.size === 0) continue;
      const plan = planFor(roomId, ambience, desired, { oneScene: false });
      log.info('sending again what an outage lost', { room: roomId, devices: pending.size });
      await carryOut(roomId, { devices: plan.devices.filter((device) => pending.has(device.entityId)) });
    }
  }
}

function unavailableOutcome(entityId: string, name: string): DeviceOutcome {
  return { entityId, name, outcome: 'unavailable', message: `${name} is unavailable right now (is it switched off at the wall?). It will be set as the room asks when it is back.` };
}

/** Rooms with at least this many lights are set with one `scene.apply` (see planFor). */
const sceneFromLights = 6;
/** The plan runner's name for the one `scene.apply` step; its result stands for every light in it. */
const sceneDevice = 'scene.apply';

function sceneLights(plan: AmbiencePlan): string[] {
  const call = plan.devices.find((device) => device.entityId === sceneDevice)?.steps[0]?.call;
  return Object.keys((call?.serviceData['entities'] as Record<string, unknown> | undefined) ?? {});
}

/** What a device is doing, in the terms a person can change at the wall: on/off, level, colour, volume, source. */
function stateSignature(state: EntityState | undefined): string | null {
  if (!state) return null;
  const a = state.attributes;
  return JSON.stringify([state.state, a['brightness'], a['color_temp_kelvin'], a['hs_color'], a['rgb_color'], a['xy_color'], a['volume_level'], a['media_content_id']]);
}

/** Starting a session in a room that has no preset yet: only the door sign and masking change. */
const sessionOnly: Preset = {
  id: 'session-only',
  name: 'Session',
  description: 'Door sign and masking only.',
  swatch: '#000000',
  transitionSeconds: 5,
  lights: {},
  sound: null,
  session: { doorSign: true, masking: true },
};

export type Rooms = ReturnType<typeof createRooms>;
