/**
 * Assembles the office hub: configuration, storage, arrivals, the API and its live feed. Plain
 * Node: the Electron shell and the headless `serve` command both start it the same way.
 */
import type { CheckInReceipt } from './common/contract.ts';
import type { HubApi } from './api/hubApi.ts';
import { createHubApi } from './api/createHubApi.ts';
import { LiveFeed } from './api/liveFeed.ts';
import { createArrivals } from './arrivals/arrivals.ts';
import { createArrivalsStore } from './arrivals/arrivalsStore.ts';
import { purgeArrivals, retentionCutoff, wipeDay } from './arrivals/retention.ts';
import { loadOfficeConfig } from './config/loadConfig.ts';
import type { OfficeConfig } from './config/officeConfig.ts';
import { createLog, toAll, toStderr, type Log } from './log.ts';
import { rotatingLogFile } from './logFile.ts';
import { createStaffAccess, type StaffAccess } from './staff/staffAccess.ts';
import { openDatabase } from './store/database.ts';
import { dirname, join, resolve } from 'node:path';
import { loadPresetLibrary, watchPresetLibrary, type PresetLibrary } from './ambience/presetLibrary.ts';
import { startDeviceLayer } from './devices/homeAssistant/deviceLayer.ts';
import { createRooms } from './rooms/rooms.ts';
import { createRoomStateStore } from './rooms/roomStateStore.ts';

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
  /** Where secrets such as the Home Assistant token are read from. */
  env?: NodeJS.ProcessEnv;
}

export interface Hub {
  api: HubApi;
  config: OfficeConfig;
  staff: StaffAccess;
  rendererDir: string;
  log: Log;
  /** Deletes arrivals past retention now; returns how many. Also runs at start-up and on a timer. */
  purgeNow(): number;
  close(): Promise<void>;
}

export async function createHub(options: HubOptions): Promise<Hub> {
  const now = options.now ?? Date.now;
  const log = options.log ?? createLog(toAll(toStderr, rotatingLogFile(join(options.dataDir, 'logs'))));
  const config = loadOfficeConfig(options.configPath);
  const db = openDatabase(options.dataDir);
  const feed = new LiveFeed();

  const presetFolders = [options.presetsDir ?? join(options.rendererDir, '..', '..', 'presets')];
  if (config.presets.folder) presetFolders.push(resolve(dirname(options.configPath), config.presets.folder));
  let library: PresetLibrary = loadPresetLibrary(presetFolders);
  const reportPresetProblems = () => library.problems.forEach((problem) => log.warn('preset skipped', { file: problem.file, problem: problem.message }));
  reportPresetProblems();

  // Live state arrives an entity at a time; rooms are re-drawn at most once per turn of the event loop.
  let refreshQueued = false;
  let closed = false;
  const refreshRooms = () => {
    if (refreshQueued || closed) return;
    refreshQueued = true;
    setImmediate(() => {
      refreshQueued = false;
      if (!closed) rooms.refresh();
    });
  };
  // Commands lost while Home Assistant was away are resent once its fresh state has arrived after
  // (re)connecting, never on the stale state: a change a person made meanwhile must be seen first.
  let resendWhenStateArrives = true;
  const devices = await startDeviceLayer(
    config,
    {
      onStatus: (status) => {
        log.info('home assistant', { state: status.state });
        if (status.state !== 'connected') resendWhenStateArrives = true;
        refreshRooms();
      },
      onEntities: () => {
        refreshRooms();
        if (resendWhenStateArrives && !closed) {
          resendWhenStateArrives = false;
          void rooms.resendLost();
        }
      },
      onReconnected: () => {
        resendWhenStateArrives = true;
      },
    },
    { log, env: options.env ?? process.env },
  );
  const rooms = createRooms({ config, library: () => library, devices, store: createRoomStateStore(db, now), publish: (event) => feed.publish('rooms', event), log });
  const stopWatchingPresets = watchPresetLibrary(presetFolders, (reloaded) => {
    library = reloaded;
    log.info('presets reloaded', { presets: library.presets.size, problems: library.problems.length });
    reportPresetProblems();
    refreshRooms();
  });

  const arrivals = createArrivals({ store: createArrivalsStore(db), config, now, publish: (event) => feed.publish('arrivals', event) });

  const api = createHubApi(
    {
      kioskSetup: () => ({
        practiceName: config.practice.name,
        clinicians: arrivals.cliniciansWorkingToday().map(({ id, displayName, colour, symbol }) => ({ id, displayName, colour, symbol })),
        askAppointmentTime: config.kiosk.askAppointmentTime,
        offerComfortWishes: config.kiosk.offerComfortWishes,
        idleSeconds: config.kiosk.idleSeconds,
        confirmationSeconds: config.kiosk.confirmationSeconds,
      }),
      checkIn: (request): CheckInReceipt => {
        const arrival = arrivals.checkIn(request, 'kiosk');
        log.info('checked in', { source: 'kiosk', clinician: arrival.clinicianId });
        return { toldName: arrivals.displayName(arrival.clinicianId) };
      },
      deskBoard: () => ({
        practiceName: config.practice.name,
        clinicians: config.clinicians.map(({ id, displayName, colour, symbol, room }) => ({ id, displayName, colour, symbol, room: room ?? null })),
        gentleWaitMinutes: config.desk.gentleWaitMinutes,
        longWaitMinutes: config.desk.longWaitMinutes,
        chime: config.desk.chime,
        arrivals: arrivals.today(),
        lastChange: arrivals.lastChange(),
        now: now(),
      }),
      setStatus: ({ arrivalId, status }) => arrivals.setStatus(arrivalId, status),
      undo: () => arrivals.undo(),
      checkInAtDesk: (request) => {
        const arrival = arrivals.checkIn(request, 'desk');
        log.info('checked in', { source: 'desk', clinician: arrival.clinicianId });
        return arrival;
      },
      wipeToday: () => {
        const wiped = wipeDay(db, now());
        log.warn('today wiped by staff', { arrivals: wiped });
        feed.publish('arrivals', { type: 'board-reset' });
        return { wiped };
      },
      roomsOverview: () => rooms.overview(),
      roomView: ({ roomId }) => rooms.view(roomId),
      applyPreset: ({ roomId, presetId }) => rooms.applyPreset(roomId, presetId),
      fineTune: ({ roomId, brightness, volume }) => rooms.fineTune(roomId, { brightness, volume }),
      startSession: ({ roomId }) => rooms.startSession(roomId),
      endSession: ({ roomId }) => rooms.endSession(roomId),
    },
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

  return {
    api,
    config,
    staff: createStaffAccess({ db, config, dataDir: options.dataDir, now }),
    rendererDir: options.rendererDir,
    log,
    purgeNow,
    async close() {
      closed = true;
      clearInterval(timer);
      stopWatchingPresets();
      rooms.close();
      await devices.close();
      db.close();
    },
  };
}
