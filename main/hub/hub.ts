/**
 * Assembles the office hub: configuration, storage, arrivals and their notifications, rooms and
 * their devices, the office bus, the API and its live feed. Plain Node: `stillroom serve` and the
 * Electron app's hub process start it the same way. Each part is built in its own module, in
 * dependency order (a part is handed only parts built before it, and hears of later ones through
 * their events); this file only connects them and decides the order they start and stop in.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { openPresetLibrary } from './ambience/presetLibrary.ts';
import { createAdminHandlers } from './api/adminHandlers.ts';
import { createHubApi } from './api/createHubApi.ts';
import { createHandlers } from './api/handlers.ts';
import { createPresetHandlers } from './api/presetHandlers.ts';
import type { HubApi } from './api/hubApi.ts';
import { LiveFeed } from './api/liveFeed.ts';
import { roomFeedFilter } from './api/roomFeed.ts';
import { createArrivals } from './arrivals/arrivals.ts';
import { createArrivalsStore } from './arrivals/arrivalsStore.ts';
import { keepRetention, wipeDay } from './arrivals/retention.ts';
import type { ScreenHealth } from '../contract/contract.ts';
import { loadOfficeConfig } from './config/loadConfig.ts';
import { openOfficeFile } from './config/officeFile.ts';
import { preparePresetFolder, writeOwnPreset } from './ambience/practicePresets.ts';
import { secretsEnvironment } from './config/secrets.ts';
import { openSecretsFile } from './config/secretsFile.ts';
import { checkHomeAssistant, readAreaRooms } from './setup/connectionCheck.ts';
import { liveSections, restartSections } from './config/liveConfig.ts';
import type { OfficeConfig } from './config/officeConfig.ts';
import { combineDevices } from './devices/combinedDevices.ts';
import { startDeviceLayer } from './devices/homeAssistant/deviceLayer.ts';
import { startOfficeMqtt, type OfficeMqtt } from './devices/mqtt/officeMqtt.ts';
import { watchZigbee2mqtt } from './devices/zigbee2mqtt/z2mDevices.ts';
import { createHubFaults, type HubFaults } from './health/hubFaults.ts';
import { createOfficeHealth } from './health/officeHealth.ts';
import { createLog, toAll, toStderr, type Log } from './log.ts';
import { rotatingLogFile } from './logFile.ts';
import type { EscalationTimers } from './notify/escalation.ts';
import type { BurstWindows } from './notify/collapse.ts';
import { createNotifications } from './notify/notifications.ts';
import { openDeskAlerts } from './notify/outbox.ts';
import { createCheckInPace, defaultCheckInPace, type CheckInPace, type CheckInPaceLimits } from './arrivals/checkInPace.ts';
import { comfortWishes } from './rooms/comfortWishes.ts';
import { followDevices } from './rooms/followDevices.ts';
import { createRooms } from './rooms/rooms.ts';
import { createRoomStateStore } from './rooms/roomStateStore.ts';
import { soundReachProblem } from './sounds/soundAddress.ts';
import { createSoundLibrary } from './sounds/soundLibrary.ts';
import { createSoundStreams, type SoundStreams } from './sounds/soundStreams.ts';
import { loadActionKey } from './notify/actionKey.ts';
import { createStaffAccess, type StaffAccess } from './staff/staffAccess.ts';
import { lockDataFolder } from './store/dataLock.ts';
import { openDatabase } from './store/database.ts';

export interface HubOptions {
  configPath: string;
  dataDir: string;
  /** The built renderer, served by the HTTP transport and the Electron app scheme. */
  rendererDir: string;
  /** The clock, in epoch milliseconds; tests move it to cross midnight. */
  now?: () => number;
  /**
   * A clock that moves at its own pace whatever the wall clock does (performance.now), to see the
   * wall clock jump. With `now` given and this not, the two are taken to agree (no jumps seen).
   */
  monotonic?: () => number;
  log?: Log;
  /** How often retention is enforced while running. */
  purgeEveryMs?: number;
  /** The built-in presets; by default `presets/` beside `dist/`. */
  presetsDir?: string;
  /** Where secrets (the Home Assistant token, the MQTT user name and password) are read from. */
  env?: NodeJS.ProcessEnv;
  /** Asks whoever started the hub to start it again on the saved office file (serve.ts; admin's "Restart now"). */
  restart?: () => void;
  /** A new office's one-time setup code, hashed (setup/firstRun.ts): admin until the first desk or admin PIN is set. */
  setupCodeHash?: string;
  /** Where the desk-alert waits are scheduled (minutes long); tests pass their own with `now`. */
  escalationTimers?: EscalationTimers;
  /** How fast kiosks may check in (arrivals/checkInPace.ts); tests that need many check-ins pass their own. */
  checkInPace?: CheckInPaceLimits;
  /** How far apart pushes to one phone are kept (notify/collapse.ts); tests pass a short window. */
  notificationBursts?: BurstWindows;
}

export interface Hub {
  api: HubApi;
  config: OfficeConfig;
  staff: StaffAccess;
  rendererDir: string;
  /** Stillroom's own sounds, streamed to the rooms' speakers over HTTP (sounds/). */
  sounds: SoundStreams;
  log: Log;
  /** Failures caught in the background instead of ending the process; the desk sees them in office health. */
  faults: HubFaults;
  /** How fast each kiosk (by address) may check in; a surge tells the desk. The HTTP transport asks it. */
  checkInPace: CheckInPace;
  /** Deletes arrivals past retention now; returns how many. Also runs at start-up and on a timer. */
  purgeNow(): number;
  /** The Electron shell's report on an unattended screen: shown to the desk, published on the bus. */
  reportScreenHealth(health: Omit<ScreenHealth, 'reportedAt'>): void;
  close(): Promise<void>;
}

export async function createHub(options: HubOptions): Promise<Hub> {
  const now = options.now ?? Date.now;
  const log = options.log ?? createLog(toAll(toStderr, rotatingLogFile(join(options.dataDir, 'logs'))));
  // Start-up fails with the file's problems, line by line; after that the file is watched and
  // changed in place, and `config` (the object every part holds) follows it (config/liveConfig.ts).
  const config: OfficeConfig = { ...loadOfficeConfig(options.configPath) };
  const office = openOfficeFile(options.configPath, { log, writable: !isBundledDemo(options.configPath) });
  // Secrets saved from the admin page (data folder, 0600) are read as the environment is, and win over it.
  const secrets = openSecretsFile(options.dataDir);
  // The environment, then systemd credentials (LoadCredential=, config/secrets.ts), then the saved secrets.
  const env = { ...secretsEnvironment(options.env ?? process.env, (message, fields) => log.warn(message, fields)), ...secrets.asEnv(config.homeAssistant && 'tokenEnv' in config.homeAssistant ? config.homeAssistant.tokenEnv : 'STILLROOM_HA_TOKEN') };
  // One hub per data folder: a second one refuses to start, in words (store/dataLock.ts).
  const lock = lockDataFolder(options.dataDir);
  const faults = createHubFaults(log);
  let setAside: string | null = null;
  const db = openDatabase(options.dataDir, {
    now,
    onSetAside: (name, problem) => {
      setAside = name;
      log.error('the database was damaged: it was set aside and a fresh one started', { setAsideAs: basename(name), problem });
    },
  });
  if (setAside) faults.notice('database-replaced', 'start-up');
  const feed = new LiveFeed();

  // Presets: built-in plus the practice's own folder, reloaded when a file changes.
  // The practice's own folder is the office file's presets.folder, or `presets` in the data folder;
  // a room's "Save as a preset" writes there.
  const practicePresets = config.presets.folder ? resolve(dirname(options.configPath), config.presets.folder) : join(options.dataDir, 'presets');
  preparePresetFolder(practicePresets, log);
  const presetFolders = [options.presetsDir ?? join(options.rendererDir, '..', '..', 'presets'), practicePresets];
  const presets = openPresetLibrary(presetFolders, log);

  // The connections: Home Assistant (or the demo's simulated one), the office bus and zigbee2mqtt on it.
  const devices = await startDeviceLayer(config, { log, env });
  let mqtt: OfficeMqtt | null = null;
  if (config.mqtt) {
    const started = startOfficeMqtt(config.mqtt, { env, log });
    if (started.ok) mqtt = started.mqtt;
    else log.error('the MQTT settings cannot be used', { problem: started.message });
  }
  const zigbee = mqtt && config.zigbee2mqtt ? { lights: new Set(Object.keys(config.zigbee2mqtt.lights)), watcher: watchZigbee2mqtt(mqtt.link, { baseTopic: config.zigbee2mqtt.baseTopic, lights: config.zigbee2mqtt.lights, log }) } : null;

  // Stillroom's own sounds: prepared when a speaker first asks, kept in the data folder; each room its own masking generator.
  const sounds = createSoundStreams({ library: createSoundLibrary({ cacheDir: join(options.dataDir, 'sounds'), log, renderWorker: join(options.rendererDir, '..', 'main', 'sound-render.js') }), zones: () => new Set(config.rooms.map((room) => room.id)), network: () => config.network, log });
  const unreachable = config.rooms.some((room) => room.ambience?.speaker || room.ambience?.masking) ? soundReachProblem(config.network) : null;
  if (unreachable) log.warn('the speakers may not reach the hub for its sounds', { problem: unreachable });

  // Rooms, following their devices and taking commands from the bus.
  const roomStates = createRoomStateStore(db, now);
  const rooms = createRooms({
    config,
    library: presets.current,
    devices: combineDevices(devices, zigbee),
    store: roomStates,
    soundUrl: (roomId, name, generator) => sounds.url(name, generator === 'room' ? roomId : ''),
    publish: (event) => {
      feed.publish('rooms', event);
      if (event.type === 'room') mqtt?.roomChanged(event.room);
    },
    log,
  });
  const following = followDevices(rooms, devices);
  const stopFollowingZigbee = zigbee?.watcher.onChange(() => following.refresh({ all: false }));
  presets.onReload(() => {
    following.refresh();
    // Admin's preset list follows a preset saved from a room or a file changed by hand.
    feed.publish('office', { type: 'office' });
  });
  mqtt?.serveRooms({
    ids: () => config.rooms.map((room) => room.id),
    presets: () => presets.current().presets.keys(),
    views: rooms.views,
    command: (roomId, command) =>
      void rooms.command(roomId, command).then(
        (done) => {
          if (!done.ok) log.warn('a room command from the bus was refused', { room: roomId, action: command.action, reason: done.error.message });
        },
        (error: unknown) => faults.record('room command from the bus', error),
      ),
  });

  // Arrivals and how the office hears of them.
  const arrivalsStore = createArrivalsStore(db);
  const notifications = createNotifications({
    db,
    config,
    store: arrivalsStore,
    homeAssistant: devices.link,
    mqtt,
    inSession: (clinicianId) => {
      const room = clinicianId ? config.clinicians.find((clinician) => clinician.id === clinicianId)?.room : undefined;
      return room ? rooms.inSession(room) : false;
    },
    publish: (event) => feed.publish('arrivals', event),
    log,
    now,
    faults,
    actionKey: loadActionKey(options.dataDir, log),
    ...(options.escalationTimers ? { escalationTimers: options.escalationTimers } : {}),
    ...(options.notificationBursts ? { bursts: options.notificationBursts } : {}),
  });
  const arrivals = createArrivals({
    store: arrivalsStore,
    config,
    now,
    publish: (event) => {
      // Arrivals publish only after their write committed: the database takes writes again.
      faults.recovered('disk-full');
      faults.recovered('storage');
      feed.publish('arrivals', event);
    },
    announcers: [notifications.announcer, comfortWishes({ config, rooms, log })],
    keepsActive: () => keepsActive(),
  });
  notifications.onAcknowledge((arrivalId) => {
    const acknowledged = arrivals.acknowledge(arrivalId);
    if (!acknowledged.ok) log.warn('an "On my way" from a phone could not be recorded', { reason: acknowledged.error.message });
  });

  // The desk's health strip, following every connection.
  const health = createOfficeHealth(
    { homeAssistant: devices.status, mqtt: () => mqtt?.link.status() ?? null, notifications: notifications.health, hub: () => ({ faults: faults.count(), problem: faults.problem() }) },
    (current) => feed.publish('health', { type: 'health', health: current }),
  );
  devices.onStatus((status) => {
    if (status.state === 'connected') notifications.homeAssistantConnected();
    health.changed();
  });
  mqtt?.onStatus((status) => {
    if (status.state === 'connected') notifications.brokerConnected();
    health.changed();
  });
  notifications.onHealthChange(health.changed);
  faults.onChange(health.changed);
  notifications.start();

  const staff = createStaffAccess({ db, config, dataDir: options.dataDir, now, log, onGuessing: (guessing) => (guessing ? faults.notice('pin-guessing', 'staff sign-in') : faults.recovered('pin-guessing')), ...(options.setupCodeHash ? { setupCodeHash: options.setupCodeHash } : {}) });
  const startedWith = structuredClone(config);
  office.onChange((next, source) => {
    Object.assign(config, liveSections(config, next));
    // A PIN may have changed: sessions it opened end, and their live sockets close.
    staff.pinsChanged();
    const waiting = restartSections(startedWith, next);
    if (waiting.length > 0) log.warn('office settings changed that take effect after a restart', { sections: waiting.join(', '), source });
    feed.publish('office', { type: 'office' });
    feed.publish('arrivals', { type: 'board-reset' });
    // A preset hidden or shown again (presets.hidden) leaves or joins the room screens at once.
    following.refresh();
  });
  office.onProblem(() => feed.publish('office', { type: 'office' }));

  const api = createHubApi(
    {
    ...createHandlers({
      config,
      arrivals,
      rooms,
      saveRoomAsPreset: (roomId, name) => {
        const made = rooms.asPreset(roomId, name);
        if (!made.ok) return made;
        const written = writeOwnPreset(practicePresets, made.value.preset.id, made.value.text);
        if (!written.ok) return written;
        log.info('a room was saved as a preset', { room: roomId, preset: made.value.preset.id });
        presets.reload();
        return rooms.view(roomId);
      },
      wipeToday: () => {
        const wiped = wipeDay(db, now());
        log.warn('today wiped by staff', { arrivals: wiped });
        feed.publish('arrivals', { type: 'board-reset' });
        health.changed();
        return wiped;
      },
      health: health.current,
      openAlerts: () => openDeskAlerts(db),
      log,
      now,
    }),
    ...createAdminHandlers({
      office,
      config,
      writable: !isBundledDemo(options.configPath),
      restartNeededFor: () => restartSections(startedWith, office.current()),
      secrets,
      checkHomeAssistant,
      readAreaRooms,
      deskPinInDataFolder: () => existsSync(join(options.dataDir, 'staff-pin')),
      log,
      restart: options.restart,
    }),
    ...createPresetHandlers({ presets, ownFolder: practicePresets, office, config, writable: !isBundledDemo(options.configPath), log }),
    },
    feed,
    log,
    (procedure, error) => {
      const kind = faults.record(`request ${procedure}`, error);
      if (kind !== 'disk-full' && kind !== 'storage') return undefined;
      return procedure === 'checkIn'
        ? { code: 'unavailable', message: "We couldn't save your check-in just now. Please let the front desk know you're here; they'll look after you." }
        : { code: 'unavailable', message: "The hub couldn't save this just now (its disk is full or damaged). Please note it on paper for now; nothing already saved is lost." };
    },
    roomFeedFilter(config),
  );

  let keepsActive = () => false;
  const retention = keepRetention({
    db,
    retention: config.privacy.retention,
    now,
    everyMs: options.purgeEveryMs ?? 60_000,
    onPurged: (count) => {
      log.info('purged arrivals past retention', { count });
      feed.publish('arrivals', { type: 'board-reset' });
    },
    onFault: (error) => faults.record('retention purge', error),
    monotonic: options.monotonic ?? (options.now ? options.now : () => performance.now()),
    onClockJump: (minutes) => log.warn('the clock jumped forward: clients still waiting are kept on the board until midnight', { minutes }),
  });
  keepsActive = retention.holding;
  // Read at every check-in, so a change in admin or the office file is in force at once (kiosk is live).
  const officePace = (): CheckInPaceLimits => {
    const { eachKiosk, allKiosks } = config.kiosk.checkInsPerMinute;
    return { ...defaultCheckInPace, perMinute: eachKiosk, hubPerMinute: allKiosks, surgeAttempts: Math.max(defaultCheckInPace.surgeAttempts, allKiosks) };
  };
  const checkInPace = createCheckInPace({
    limits: options.checkInPace ?? officePace,
    ...(options.monotonic ? { now: options.monotonic } : options.now ? { now: options.now } : {}),
    onSurge: (surging) => (surging ? faults.notice('check-in-surge', 'kiosk check-ins') : faults.recovered('check-in-surge')),
  });

  return {
    api,
    config,
    staff,
    rendererDir: options.rendererDir,
    sounds,
    log,
    faults,
    checkInPace,
    purgeNow: retention.purgeNow,
    reportScreenHealth(report) {
      const screen: ScreenHealth = { ...report, reportedAt: now() };
      mqtt?.screenHealth(screen);
      health.reportScreen(screen);
    },
    async close() {
      office.close();
      retention.stop();
      health.stop();
      presets.close();
      following.stop();
      stopFollowingZigbee?.();
      notifications.stop();
      checkInPace.stop();
      rooms.close();
      sounds.close();
      zigbee?.watcher.stop();
      await mqtt?.close();
      await devices.close();
      db.close();
      lock.release();
    },
  };
}

/** The demo office bundled with the app (config/demo-office.yaml beside package.json): shown, never written. */
function isBundledDemo(configPath: string): boolean {
  const folder = dirname(configPath);
  return basename(configPath) === 'demo-office.yaml' && basename(folder) === 'config' && existsSync(join(folder, '..', 'package.json'));
}
