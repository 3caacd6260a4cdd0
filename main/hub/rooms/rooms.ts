/**
 * Room ambience: applying a preset records what the room should be, the planner turns that into
 * device commands, and the plan runner carries them out. What a surface shows comes from Home
 * Assistant's live state. A change not finished on a device (lost to an outage, a fade cut short
 * when the hub stopped) is kept in SQLite and finished after the reconnect or the restart, unless a
 * person changed that device in the meantime.
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
  entities(): EntityStates & Readonly<Record<string, { last_updated?: string; context?: { user_id: string | null } } | undefined>>;
  callService(call: ServiceCall): Promise<ServiceCallResult>;
  /** Whether Home Assistant's `scene.apply` can set this entity (not so for a zigbee2mqtt light); all can when absent. */
  sceneCapable?(entityId: string): boolean;
  /** Whether Home Assistant's state has arrived since it connected; absent: when any entity is known. */
  entitiesArrived?(): boolean;
  /** The Home Assistant user the hub signs in as (`auth/current_user`), once known; its changes are the hub's own. */
  ownUserId?(): string | null;
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
  /** Each room's plans still sending: the room's main change, and devices set on their own (back, resent). */
  const running = new Map<string, Set<RunningPlan>>();
  const lastChange = new Map<string, DeviceOutcome[]>();
  const lastPublished = new Map<string, string>();
  /** Devices found not as their room asks when the hub first saw them after it started (asAsked.ts). */
  const changedWhileAway = new Map<string, Set<string>>();
  const checkedSinceStart = new Set<string>();
  let closed = false;

  /** Connected and holding Home Assistant's entity list (it arrives just after the connection). */
  // With the office's entities only (entitySubscription.ts) the state that arrives can be empty: an office whose ids are all wrong.
  const knowsEntities = () => devices.status().state === 'connected' && (devices.entitiesArrived?.() ?? Object.keys(devices.entities()).length > 0);

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
    // Devices the hub is still finishing (resend) are its own business, not a change made while it was away.
    const finishing = store.get(roomId).unfinished;
    if (!checkedSinceStart.has(roomId)) {
      checkedSinceStart.add(roomId);
      const differ = devicesNotAsAsked(desired, ambience, devices.entities()).filter((entityId) => !(entityId in finishing));
      if (differ.length > 0) {
        changedWhileAway.set(roomId, new Set(differ));
        log.info('a room is not as it was last set: its devices changed while the hub was away', { room: roomId, devices: differ.length });
      }
      return;
    }
    const differed = changedWhileAway.get(roomId);
    if (!differed) return;
    const differ = new Set(devicesNotAsAsked(desired, ambience, devices.entities()));
    for (const entityId of differed) if (!differ.has(entityId) || entityId in finishing) differed.delete(entityId);
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
    // On its own, not as the room's main change: a fade running for the rest of the room goes on.
    const results = await send(roomId, { devices: returned }, { alongside: true });
    if (closed) return;
    mergeOutcomes(roomId, results.map(outcomeOf));
    announce(roomId);
  }

  /** Replaces the outcomes of these devices in the room's last change, keeping the others'. */
  function mergeOutcomes(roomId: string, outcomes: DeviceOutcome[]): void {
    const previous = lastChange.get(roomId) ?? [];
    lastChange.set(roomId, [...previous.map((o) => outcomes.find((n) => n.entityId === o.entityId) ?? o), ...outcomes.filter((n) => !previous.some((o) => o.entityId === n.entityId))]);
  }

  /**
   * Runs a plan for a room and keeps, in SQLite, which of its devices the change has not finished
   * on: marked before the first call, cleared for a device once its last step (the end of a fade,
   * `media_stop`) is taken. A device cut short by an outage, by Home Assistant skipping it as
   * unavailable, or by the hub stopping stays marked and is finished by `resend` or `devicesBack`.
   * One that Home Assistant refused is not: sending it again would be refused again, and the room
   * screen says why. `alongside` leaves the room's other running plans alone; otherwise this plan
   * replaces them (their devices it does not cover stay marked, to be finished as the room now asks).
   */
  async function send(roomId: string, plan: AmbiencePlan, { alongside = false } = {}): Promise<DeviceResult[]> {
    const plans = running.get(roomId) ?? new Set<RunningPlan>();
    running.set(roomId, plans);
    if (!alongside) {
      for (const run of plans) run.cancel();
      plans.clear();
    }
    const entities = devices.entities();
    const unfinished = { ...store.get(roomId).unfinished };
    for (const entityId of plan.devices.flatMap((device) => (device.entityId === sceneDevice ? sceneLights(plan) : [device.entityId]))) {
      if (!(entityId in unfinished)) unfinished[entityId] = stateSignature(entities[entityId]);
    }
    save(roomId, { unfinished });
    const run = runPlan(plan, (call) => devices.callService(call));
    plans.add(run);
    void run.settled.then(() => plans.delete(run));
    // Each device as soon as it settles: a lamp's one call is done long before a speaker's fade, and a
    // restart in between must find the lamp done (its later state is then a person's or a power cut's).
    for (const settling of run.each) {
      void settling.then((done) => {
        if (closed) return;
        const still = { ...store.get(roomId).unfinished };
        for (const { entityId, result, complete } of done.entityId === sceneDevice ? sceneLights(plan).map((id) => ({ ...done, entityId: id })) : [done]) {
          const refused = !result.ok && result.reason !== 'disconnected' && result.reason !== 'unavailable';
          const skipped = result.ok && devices.entities()[entityId]?.state === 'unavailable';
          if ((complete && !skipped) || refused) delete still[entityId];
        }
        save(roomId, { unfinished: still });
      });
    }
    return (await run.immediate).flatMap((result) => (result.entityId === sceneDevice ? sceneLights(plan).map((entityId) => ({ entityId, result: result.result })) : [result]));
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
  async function carryOut(roomId: string, plan: AmbiencePlan, { alongside = false } = {}): Promise<Result<RoomView>> {
    // A person setting the room answers "changed since"; the hub finishing its own change does not.
    if (!alongside) {
      checkedSinceStart.add(roomId);
      changedWhileAway.delete(roomId);
    }
    // Home Assistant accepts a call for an entity it does not have and does nothing, so a device
    // missing from a connected Home Assistant is reported here instead of silently "done".
    const entities = devices.entities();
    const missing = knowsEntities() ? plan.devices.filter((device) => device.entityId !== sceneDevice && !entities[device.entityId]) : [];
    const sent = await send(roomId, { devices: plan.devices.filter((device) => !missing.includes(device)) }, { alongside });
    if (closed) return refuse('unavailable', 'Stillroom is shutting down.');
    const results = [
      ...sent,
      ...missing.map(({ entityId }): DeviceResult => ({ entityId, result: { ok: false, reason: 'rejected', message: `${entityId} is not in Home Assistant. Check the name in the office configuration.` } })),
    ];
    const outcomes = results.map(outcomeOf);
    if (alongside) mergeOutcomes(roomId, outcomes);
    else lastChange.set(roomId, outcomes);
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

    /**
     * After Home Assistant comes back (or the hub starts): finish what was left unfinished, skipping
     * devices a person has changed since. False when Home Assistant is not connected with its state yet.
     */
    async resendLost(): Promise<boolean> {
      try {
        return await resend();
      } catch (error) {
        if (!closed) log.error('could not resend lost commands', { error: error instanceof Error ? error.message : String(error) });
        return true;
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
      // What the cancelled plans had not finished stays marked in SQLite: the next start finishes it.
      for (const plans of running.values()) for (const run of plans) run.cancel();
    },
  };

  /**
   * Finishes each room's unfinished devices as the room now asks, once Home Assistant is connected
   * and has sent its state. A device decides by what it is doing now:
   * - unavailable or not there yet (Home Assistant still loading its integrations after a restart):
   *   it stays marked, and is set when it comes back (devicesBack);
   * - already as the room asks: the change arrived after all, nothing to send;
   * - as it was when the change was first tried, or last changed by Stillroom's own Home Assistant
   *   user (a fade that got part of the way: Home Assistant puts the calling user's id on every state
   *   a service call writes, homeassistant/components/websocket_api/commands.py handle_call_service
   *   and homeassistant/helpers/service.py entity_service_call): sent again;
   * - anything else was changed by a person (at the wall, in Home Assistant's app) or by the device
   *   itself (a player whose stream ended with the hub) while Stillroom could not reach it, and is left
   *   as it is, with the room screen saying so instead of "will be sent". Timestamps cannot tell these apart: a restarted Home Assistant gives every entity new ones.
   */
  async function resend(): Promise<boolean> {
    if (!knowsEntities() || closed) return false;
    for (const room of config.rooms) {
      const roomId = room.id;
      const { desired, unfinished } = store.get(roomId);
      const ambience = room.ambience;
      if (Object.keys(unfinished).length === 0) continue;
      if (!desired || !ambience) {
        save(roomId, { unfinished: {} });
        continue;
      }
      const entities = devices.entities();
      const notAsAsked = new Set(devicesNotAsAsked(desired, ambience, entities));
      const own = devices.ownUserId?.() ?? null;
      const still: Record<string, string | null> = {};
      const again = new Set<string>();
      const leftAlone: DeviceOutcome[] = [];
      for (const [entityId, seen] of Object.entries(unfinished)) {
        const entity = entities[entityId];
        if (!entity || entity.state === 'unavailable') still[entityId] = seen;
        else if (!notAsAsked.has(entityId) && !isSpeaker(entityId)) continue;
        else if (seen === null || stateSignature(entity) === seen || (own !== null && entity.context?.user_id === own)) {
          still[entityId] = seen;
          again.add(entityId);
        } else {
          leftAlone.push({ entityId, name: nameOf(entityId), outcome: 'failed', message: `Not sent after all: ${nameOf(entityId)} changed while Stillroom could not reach it, so Stillroom left it as it is.` });
        }
      }
      save(roomId, { unfinished: still });
      if (leftAlone.length > 0) {
        log.info('a device was changed by a person while home assistant was away: left as it is', { room: roomId, devices: leftAlone.length });
        mergeOutcomes(roomId, leftAlone);
        announce(roomId);
      }
      if (again.size === 0) continue;
      const plan = planFor(roomId, ambience, desired, { oneScene: false });
      log.info('finishing what an outage or a restart left unfinished', { room: roomId, devices: again.size });
      await carryOut(roomId, { devices: plan.devices.filter((device) => again.has(device.entityId)) }, { alongside: true });
    }
    return true;
  }
}

/**
 * A speaker's "as asked" leaves out what it plays (asAsked.ts): one that is playing at the asked
 * volume may still be playing what it should have stopped, so an unfinished speaker is always finished.
 */
const isSpeaker = (entityId: string) => entityId.startsWith('media_player.');

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
