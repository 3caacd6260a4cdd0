/**
 * What each procedure of the contract does, in terms of the hub's services. One line each where
 * possible: the rules live in the services, validation and access in createHubApi.
 */
import type { Arrivals } from '../arrivals/arrivals.ts';
import type { DeskAlert, OfficeHealth, RoomView } from '../../contract/contract.ts';
import type { OfficeConfig } from '../config/officeConfig.ts';
import type { Log } from '../log.ts';
import type { Rooms } from '../rooms/rooms.ts';
import { ok, refuse, type Result } from '../result.ts';
import type { AdminProcedure } from './adminHandlers.ts';
import type { Handlers } from './createHubApi.ts';
import type { PresetProcedure } from './presetHandlers.ts';

export interface HandlerDeps {
  config: OfficeConfig;
  arrivals: Arrivals;
  rooms: Rooms;
  wipeToday: () => number;
  /** Writes the room's state as a preset of the practice's own and reloads the presets. */
  saveRoomAsPreset: (roomId: string, name: string) => Result<RoomView>;
  health: () => OfficeHealth;
  openAlerts: () => DeskAlert[];
  log: Log;
  now: () => number;
}

export function createHandlers({ config, arrivals, rooms, wipeToday, saveRoomAsPreset, health, openAlerts, log, now }: HandlerDeps): Omit<Handlers, AdminProcedure | PresetProcedure> {
  return {
    kioskSetup: () => ok({
      practiceName: config.practice.name,
      clinicians: arrivals.cliniciansWorkingToday().map(({ id, displayName, colour, symbol }) => ({ id, displayName, colour, symbol })),
      askAppointmentTime: config.kiosk.askAppointmentTime,
      offerComfortWishes: config.kiosk.offerComfortWishes,
      idleSeconds: config.kiosk.idleSeconds,
      confirmationSeconds: config.kiosk.confirmationSeconds,
      requestDeadlineSeconds: config.kiosk.requestDeadlineSeconds,
      stillThereAfterSeconds: config.kiosk.idleSeconds,
      stillThereSeconds: config.kiosk.stillThereSeconds,
      slotMinutes: config.kiosk.slotMinutes,
      confirmationNamesClinician: config.kiosk.confirmationNamesClinician,
      languages: config.kiosk.languages,
      defaultLanguage: config.kiosk.defaultLanguage,
      waitingActivities: config.kiosk.waitingActivities,
      waitingIdleSeconds: config.kiosk.waitingIdleSeconds,
      ...(config.kiosk.practiceInfo ? { practiceInfo: config.kiosk.practiceInfo } : {}),
    }),
    staffSetup: () => ok({ language: config.practice.language }),
    // No log line per check-in: the log outlives the end-of-day purge, and a line with a time and
    // a clinician is a record of a visit (README, Privacy). The board and the counts are the record.
    checkIn: (request) => {
      const checkedIn = arrivals.checkIn(request, 'kiosk');
      if (!checkedIn.ok) return checkedIn;
      return ok({ toldName: arrivals.displayName(checkedIn.value.clinicianId) });
    },
    deskBoard: () => ok({
      practiceName: config.practice.name,
      clinicians: config.clinicians.map(({ id, displayName, colour, symbol, room }) => ({ id, displayName, colour, symbol, room: room ?? null })),
      gentleWaitMinutes: config.desk.gentleWaitMinutes,
      longWaitMinutes: config.desk.longWaitMinutes,
      chime: config.desk.chime,
      arrivals: arrivals.today(),
      alerts: openAlerts(),
      lastChange: arrivals.lastChange(),
      now: now(),
    }),
    setStatus: ({ arrivalId, status }) => arrivals.setStatus(arrivalId, status),
    undo: () => ok(arrivals.undo()),
    removeArrival: ({ arrivalId }) => arrivals.remove(arrivalId),
    checkInAtDesk: (request) => arrivals.checkIn(request, 'desk'),
    wipeToday: () => ok({ wiped: wipeToday() }),
    acknowledge: ({ arrivalId, by }) => arrivals.acknowledge(arrivalId, by ?? null),
    assignClinician: ({ arrivalId, clinicianId }) => {
      const assigned = arrivals.assign(arrivalId, clinicianId);
      if (assigned.ok) log.info('assigned at the desk', { clinician: clinicianId });
      return assigned;
    },
    officeHealth: () => ok(health()),
    roomsOverview: () => ok(rooms.overview()),
    roomView: ({ roomId }) => rooms.view(roomId),
    roomWaiting: ({ roomId }) => {
      if (!config.rooms.some((room) => room.id === roomId)) return refuse('not-found', 'There is no such room.');
      const here = config.clinicians.filter((clinician) => clinician.room === roomId);
      const ids = new Set(here.map((clinician) => clinician.id));
      return ok({
        clinicians: here.map(({ id, displayName, colour, symbol }) => ({ id, displayName, colour, symbol })),
        arrivals: arrivals.today().filter((arrival) => arrival.status === 'waiting' && arrival.clinicianId !== null && ids.has(arrival.clinicianId)),
      });
    },
    applyPreset: ({ roomId, presetId }) => rooms.applyPreset(roomId, presetId),
    fineTune: ({ roomId, brightness, volume }) => rooms.fineTune(roomId, { brightness, volume }),
    saveRoomAsPreset: ({ roomId, name }) => saveRoomAsPreset(roomId, name),
    startSession: ({ roomId }) => rooms.startSession(roomId),
    endSession: ({ roomId }) => rooms.endSession(roomId),
  };
}
