/**
 * Assembles the office hub: configuration, storage, arrivals and their notifications, rooms and
 * their devices, the office bus, the API and its live feed. Plain Node: the Electron shell and
 * the headless `serve` command both start it the same way. Each part is built in its own module;
 * this file only connects them and decides the order they start and stop in.
 */
import { dirname, join, resolve } from 'node:path';
import { loadPresetLibrary, watchPresetLibrary, type PresetLibrary } from './ambience/presetLibrary.ts';
import { createHubApi } from './api/createHubApi.ts';
import { createHandlers } from './api/handlers.ts';
import type { HubApi } from './api/hubApi.ts';
import { LiveFeed } from './api/liveFeed.ts';
import { createArrivals, type ArrivalAnnouncer } from './arrivals/arrivals.ts';
import { createArrivalsStore } from './arrivals/arrivalsStore.ts';
import { purgeArrivals, retentionCutoff, wipeDay } from './arrivals/retention.ts';
import type { LinkHealth, OfficeHealth, ScreenHealth } from './common/contract.ts';
import { loadOfficeConfig } from './config/loadConfig.ts';
import type { OfficeConfig } from './config/officeConfig.ts';
import { startDeviceLayer } from './devices/homeAssistant/deviceLayer.ts';
import type { MqttStatus } from './devices/mqtt/mqttLink.ts';
import { startOfficeMqtt, type OfficeMqtt } from './devices/mqtt/officeMqtt.ts';
import { combineDevices } from './devices/combinedDevices.ts';
import { watchZigbee2mqtt } from './devices/zigbee2mqtt/z2mDevices.ts';
import { createLog, toAll, toStderr, type Log } from './log.ts';
import { rotatingLogFile } from './logFile.ts';
import { createNotifications } from './notify/notifications.ts';
import type { EscalationTimers } from './notify/escalation.ts';
import { openDeskAlerts } from './notify/outbox.ts';
import { createRooms } from './rooms/rooms.ts';
import { createRoomStateStore } from './rooms/roomStateStore.ts';
import { createStaffAccess, type StaffAccess } from './staff/staffAccess.ts';
import { openDatabase } from './store/database.ts';

export interface HubOptions {
  configPath: string;
  dataDir: string;
  /** The built renderer, served by the HTTP transport and the Electron app scheme. */
  rendererDir: string;
  /** The clock, in epoch milliseconds; tests move it to cross midnight. */
  now?: () => number;
  log?: Log;
  /** How often retention is enforced while running. */
  purgeEveryMs?: number;
  /** The built-in presets; by default `presets/` beside `dist/`. */
  presetsDir?: string;
  /** Where secrets (the Home Assistant token, the MQTT user name and password) are read from. */
  env?: NodeJS.ProcessEnv;
  /** Where the desk-alert waits are scheduled (minutes long); tests pass their own with `now`. */
  escalationTimers?: EscalationTimers;
}

export interface Hub {
  api: HubApi;
  config: OfficeConfig;
  staff: StaffAccess;
  rendererDir: string;
  log: Log;
  /** Deletes arrivals past retention now; returns how many. Also runs at start-up and on a timer. */
  purgeNow(): number;
  /** The Electron shell's report on an unattended screen: shown to the desk, published on the bus. */
  reportScreenHealth(health: Omit<ScreenHealth, 'reportedAt'>): void;
  close(): Promise<void>;
}

const mqttHealth = (status: MqttStatus | null): LinkHealth =>
  status === null
    ? { state: 'not-configured', message: 'No MQTT broker is set up.' }
    : { state: status.state === 'credentials-refused' ? 'refused' : status.state, message: status.message };

export async function createHub(options: HubOptions): Promise<Hub> {
  const now = options.now ?? Date.now;
  const env = options.env ?? process.env;
  const log = options.log ?? createLog(toAll(toStderr, rotatingLogFile(join(options.dataDir, 'logs'))));
  const config = loadOfficeConfig(options.configPath);
  const db = openDatabase(options.dataDir);
  const feed = new LiveFeed();
  let closed = false;
  /** Set once every part exists: a connection's callbacks before then have nothing to tell yet. */
  let ready = false;

  // Presets: built-in plus the practice's own folder, reloaded when a file changes.
  const presetFolders = [options.presetsDir ?? join(options.rendererDir, '..', '..', 'presets')];
  if (config.presets.folder) presetFolders.push(resolve(dirname(options.configPath), config.presets.folder));
  let library: PresetLibrary = loadPresetLibrary(presetFolders);
  const reportPresetProblems = () => library.problems.forEach((problem) => log.warn('preset skipped', { file: problem.file, problem: problem.message }));
  reportPresetProblems();

  // Health, pushed to the desk whenever any part of it changes.
  const screens = new Map<ScreenHealth['screen'], ScreenHealth>();
  let lastHealth = '';
  const health = (): OfficeHealth => {
    const linkState = devices.status();
    return {
      homeAssistant: { state: linkState.state === 'token-rejected' ? 'refused' : linkState.state, message: linkState.message },
      mqtt: mqttHealth(mqtt?.link.status() ?? null),
      notifications: notifications.health(),
      screens: [...screens.values()],
    };
  };
  const healthChanged = () => {
    if (!ready || closed) return;
    const current = health();
    const text = JSON.stringify(current);
    if (text !== lastHealth) {
      lastHealth = text;
      feed.publish('health', { type: 'health', health: current });
    }
  };

  // Live state arrives an entity at a time; rooms are re-drawn at most once per turn of the event
  // loop, and after a live-state update only the rooms whose devices changed.
  let refreshQueued = false;
  let refreshAll = false;
  const refreshRooms = ({ all = true }: { all?: boolean } = {}) => {
    refreshAll ||= all;
    if (refreshQueued || closed) return;
    refreshQueued = true;
    setImmediate(() => {
      refreshQueued = false;
      const devicesOnly = !refreshAll;
      refreshAll = false;
      if (!closed) rooms.refresh({ devicesOnly });
    });
  };
  // Commands lost while Home Assistant was away are resent once its fresh state has arrived after
  // (re)connecting, never on the stale state: a change a person made meanwhile must be seen first.
  let resendWhenStateArrives = true;
  const devices = await startDeviceLayer(
    config,
    {
      onStatus: (status) => {
        if (status.state !== 'connected') resendWhenStateArrives = true;
        else if (ready) notifications.homeAssistantConnected();
        refreshRooms();
        healthChanged();
      },
      onEntities: () => {
        refreshRooms({ all: false });
        if (resendWhenStateArrives && !closed) {
          resendWhenStateArrives = false;
          void rooms.resendLost();
        }
      },
      onReconnected: () => {
        resendWhenStateArrives = true;
      },
    },
    { log, env },
  );

  // The office bus, when the practice has a broker.
  let mqtt: OfficeMqtt | null = null;
  if (config.mqtt) {
    const started = startOfficeMqtt(config.mqtt, {
      env,
      log,
      onStatus: (status) => {
        if (status.state === 'connected' && ready) notifications.brokerConnected();
        healthChanged();
      },
      rooms: { ids: () => config.rooms.map((room) => room.id), presets: () => library.presets.keys(), views: () => (ready ? rooms.views() : []) },
      onCommand: (roomId, command) => {
        const done = command.action === 'apply-preset' ? rooms.applyPreset(roomId, command.preset) : command.action === 'start-session' ? rooms.startSession(roomId) : rooms.endSession(roomId);
        done.catch((error: unknown) => log.warn('a room command from the bus was refused', { room: roomId, action: command.action, reason: error instanceof Error ? error.message : String(error) }));
      },
    });
    if (started.ok) mqtt = started.mqtt;
    else log.error('the MQTT settings cannot be used', { problem: started.message });
  }

  // zigbee2mqtt lights, over the same broker.
  const zigbee =
    mqtt && config.zigbee2mqtt
      ? {
          lights: new Set(Object.keys(config.zigbee2mqtt.lights)),
          watcher: watchZigbee2mqtt(mqtt.link, { baseTopic: config.zigbee2mqtt.baseTopic, lights: config.zigbee2mqtt.lights, log, onChange: () => refreshRooms({ all: false }) }),
        }
      : null;

  const roomStates = createRoomStateStore(db, now);
  const rooms = createRooms({
    config,
    library: () => library,
    devices: combineDevices(devices, zigbee),
    store: roomStates,
    publish: (event) => {
      feed.publish('rooms', event);
      if (event.type === 'room') mqtt?.roomChanged(event.room);
    },
    log,
  });
  const stopWatchingPresets = watchPresetLibrary(presetFolders, (reloaded) => {
    library = reloaded;
    log.info('presets reloaded', { presets: library.presets.size, problems: library.problems.length });
    reportPresetProblems();
    refreshRooms();
  });

  // Arrivals and how the office hears of them.
  const clinicians = new Map(config.clinicians.map((clinician) => [clinician.id, clinician]));
  const roomOf = (clinicianId: string | null) => (clinicianId ? clinicians.get(clinicianId)?.room : undefined);
  const arrivalsStore = createArrivalsStore(db);
  const notifications = createNotifications({
    db,
    config,
    store: arrivalsStore,
    homeAssistant: devices.link,
    mqtt,
    inSession: (clinicianId) => {
      const room = roomOf(clinicianId);
      return room ? roomStates.get(room).inSession : false;
    },
    acknowledge: (arrivalId) => arrivals.acknowledge(arrivalId),
    publish: (event) => feed.publish('arrivals', event),
    onHealthChange: healthChanged,
    log,
    now,
    ...(options.escalationTimers ? { escalationTimers: options.escalationTimers } : {}),
  });
  const announcer: ArrivalAnnouncer = {
    inTransaction: notifications.announcer.inTransaction,
    committed(arrival, change) {
      notifications.announcer.committed(arrival, change);
      // A comfort wish gently prepares the clinician's room, if it is set up for that and free.
      const roomId = roomOf(arrival.clinicianId);
      const prepare = config.rooms.find((room) => room.id === roomId)?.prepareForWishes;
      const presetId = prepare && arrival.wishes.map((wish) => prepare[wish]).find((id) => id !== undefined);
      if (change === 'checked-in' && roomId && presetId && !roomStates.get(roomId).inSession) {
        rooms.prepareForArrival(roomId, presetId).catch((error: unknown) => log.warn('could not prepare the room for a comfort wish', { room: roomId, reason: error instanceof Error ? error.message : String(error) }));
      }
    },
  };
  const arrivals = createArrivals({ store: arrivalsStore, config, now, publish: (event) => feed.publish('arrivals', event), announcer });
  notifications.start();

  const api = createHubApi(
    createHandlers({
      config,
      arrivals,
      rooms,
      wipeToday: () => {
        const wiped = wipeDay(db, now());
        log.warn('today wiped by staff', { arrivals: wiped });
        feed.publish('arrivals', { type: 'board-reset' });
        healthChanged();
        return wiped;
      },
      health,
      openAlerts: () => openDeskAlerts(db),
      log,
      now,
    }),
    feed,
    log,
  );

  const purgeNow = () => {
    const purged = purgeArrivals(db, retentionCutoff(config.privacy.retention, now()));
    if (purged > 0) {
      log.info('purged arrivals past retention', { count: purged });
      feed.publish('arrivals', { type: 'board-reset' });
    }
    return purged;
  };
  purgeNow();
  const timer = setInterval(purgeNow, options.purgeEveryMs ?? 60_000);
  timer.unref();
  ready = true;

  return {
    api,
    config,
    staff: createStaffAccess({ db, config, dataDir: options.dataDir, now }),
    rendererDir: options.rendererDir,
    log,
    purgeNow,
    reportScreenHealth(report) {
      const screen: ScreenHealth = { ...report, reportedAt: now() };
      screens.set(screen.screen, screen);
      mqtt?.screenHealth(screen);
      healthChanged();
    },
    async close() {
      closed = true;
      clearInterval(timer);
      stopWatchingPresets();
      notifications.stop();
      rooms.close();
      zigbee?.watcher.stop();
      await mqtt?.close();
      await devices.close();
      db.close();
    },
  };
}
