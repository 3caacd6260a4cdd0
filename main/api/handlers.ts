/**
 * What each procedure of the contract does, in terms of the hub's services. One line each where
 * possible: the rules live in the services, validation and access in createHubApi.
 */
import type { Arrivals } from '../arrivals/arrivals.ts';
import type { DeskAlert, OfficeHealth } from '../common/contract.ts';
import type { OfficeConfig } from '../config/officeConfig.ts';
import type { Log } from '../log.ts';
import type { Rooms } from '../rooms/rooms.ts';
import type { Handlers } from './createHubApi.ts';
import { HubError } from './hubError.ts';

export interface HandlerDeps {
  config: OfficeConfig;
  arrivals: Arrivals;
  rooms: Rooms;
  wipeToday: () => number;
  health: () => OfficeHealth;
  openAlerts: () => DeskAlert[];
  log: Log;
  now: () => number;
}

export function createHandlers({ config, arrivals, rooms, wipeToday, health, openAlerts, log, now }: HandlerDeps): Handlers {
  return {
    kioskSetup: () => ({
      practiceName: config.practice.name,
      clinicians: arrivals.cliniciansWorkingToday().map(({ id, displayName, colour, symbol }) => ({ id, displayName, colour, symbol })),
      askAppointmentTime: config.kiosk.askAppointmentTime,
      offerComfortWishes: config.kiosk.offerComfortWishes,
      idleSeconds: config.kiosk.idleSeconds,
      confirmationSeconds: config.kiosk.confirmationSeconds,
    }),
    checkIn: (request) => {
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
      alerts: openAlerts(),
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
    wipeToday: () => ({ wiped: wipeToday() }),
    acknowledge: ({ arrivalId }) => arrivals.acknowledge(arrivalId),
    officeHealth: () => health(),
    roomsOverview: () => rooms.overview(),
    roomView: ({ roomId }) => rooms.view(roomId),
    roomWaiting: ({ roomId }) => {
      if (!config.rooms.some((room) => room.id === roomId)) throw new HubError('not-found', 'There is no such room.');
      const here = config.clinicians.filter((clinician) => clinician.room === roomId);
      const ids = new Set(here.map((clinician) => clinician.id));
      return {
        clinicians: here.map(({ id, displayName, colour, symbol }) => ({ id, displayName, colour, symbol })),
        arrivals: arrivals.today().filter((arrival) => arrival.status === 'waiting' && arrival.clinicianId !== null && ids.has(arrival.clinicianId)),
      };
    },
    applyPreset: ({ roomId, presetId }) => rooms.applyPreset(roomId, presetId),
    fineTune: ({ roomId, brightness, volume }) => rooms.fineTune(roomId, { brightness, volume }),
    startSession: ({ roomId }) => rooms.startSession(roomId),
    endSession: ({ roomId }) => rooms.endSession(roomId),
  };
}
