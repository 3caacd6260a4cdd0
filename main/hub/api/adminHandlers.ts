/**
 * The admin surface's procedures: read the office as the admin form shows it, and change it
 * through the office file (config/officeFile.ts), which validates, writes and then tells the hub.
 * Nothing here ever returns a secret: tokens and PIN hashes never leave the hub.
 */
import type { AdminOffice } from '../../contract/contract.ts';
import { demoOfficeRefusal, type OfficeFile } from '../config/officeFile.ts';
import { addRoom, adminClinician, putClinician, putPinHash, putPracticeName, putSettings, removeClinician, removeRoom, setHomeAssistantUrl, setMqtt } from '../config/officeEdits.ts';
import { hubStatusTopic, roomCommandTopic } from '../devices/mqtt/officeBus.ts';
import { checkMqtt } from '../setup/mqttCheck.ts';
import { hashPin } from '../staff/pin.ts';
import type { SecretsFile } from '../config/secretsFile.ts';
import type { checkHomeAssistant, readAreaRooms } from '../setup/connectionCheck.ts';
import type { OfficeConfig } from '../config/officeConfig.ts';
import type { Log } from '../log.ts';
import { ok, refuse, type Result } from '../result.ts';
import type { Handlers } from './createHubApi.ts';

export type AdminProcedure = 'adminOffice' | 'saveClinician' | 'retireClinician' | 'testHomeAssistant' | 'saveHomeAssistant' | 'homeAssistantAreas' | 'addRoom' | 'saveSettings' | 'setPin' | 'testMqtt' | 'saveMqtt' | 'restartHub' | 'setPins' | 'savePractice' | 'removeRoom';

export interface AdminDeps {
  office: OfficeFile;
  /** The configuration the hub runs (updated in place when the file changes). */
  config: OfficeConfig;
  writable: boolean;
  /** Settings changed in the file that the running hub can only take up after a restart. */
  restartNeededFor: () => string[];
  secrets: SecretsFile;
  /** Connects once to a Home Assistant with a token and says what it found (setup/connectionCheck.ts). */
  checkHomeAssistant: typeof checkHomeAssistant;
  /** Reads Home Assistant's areas as rooms over one connection (setup/connectionCheck.ts). */
  readAreaRooms: typeof readAreaRooms;
  /** True when a `staff-pin` file in the data folder sets the desk PIN (`stillroom hash-pin --data`); it wins over the office file. */
  deskPinInDataFolder: () => boolean;
  log: Log;
  /** Starts the hub again on the saved office file, in-process (serve.ts); absent where the app's supervisor runs the hub. */
  restart?: (() => void) | undefined;
}

export function createAdminHandlers({ office, config, writable, restartNeededFor, secrets, checkHomeAssistant, readAreaRooms, deskPinInDataFolder, log, restart }: AdminDeps): Pick<Handlers, AdminProcedure> {
  /** The notify services the last successful connection test found. */
  let found: string[] = [];
  /** The topics room commands arrive on (officeBus.ts), which the bus's user must be allowed. */
  const officeCommandTopics = (site: string) => {
    const prefix = office.current().mqtt?.prefix ?? 'stillroom';
    return { read: roomCommandTopic({ prefix, site }, '+'), write: `${hubStatusTopic(prefix, site, office.current().mqtt?.hubId ?? 'hub').replace(/\/status$/, '')}/check` };
  };

  async function view(): Promise<AdminOffice> {
    const configured = [...config.clinicians.map((clinician) => clinician.notify), config.frontDesk.notify].flatMap((route) => (route?.push ? [route.push.service] : []));
    const homeAssistant = office.current().homeAssistant;
    return {
      practiceName: config.practice.name,
      writable,
      fileProblem: office.problem()?.message ?? null,
      restartNeededFor: restartNeededFor(),
      clinicians: config.clinicians.map(adminClinician),
      // The rooms as the file has them (new ones run after a restart, named in restartNeededFor), so a
      // room just added can be given its clinicians and removed again before the restart.
      rooms: office.current().rooms.map((room) => {
        const lights = room.ambience?.lights ?? {};
        return { id: room.id, name: room.name, lights: [...new Set(Object.values(lights).flatMap((each) => (Array.isArray(each) ? each : each ? [each] : [])))] };
      }),
      notifyServices: [...new Set([...found, ...configured])].sort(),
      homeAssistant: {
        simulated: homeAssistant !== undefined && 'simulated' in homeAssistant,
        url: homeAssistant && 'url' in homeAssistant ? homeAssistant.url : null,
        tokenSaved: secrets.saved().homeAssistantToken,
      },
      settings: {
        askAppointmentTime: config.kiosk.askAppointmentTime,
        offerComfortWishes: config.kiosk.offerComfortWishes,
        idleSeconds: config.kiosk.idleSeconds,
        gentleWaitMinutes: config.desk.gentleWaitMinutes,
        longWaitMinutes: config.desk.longWaitMinutes,
        chime: config.desk.chime,
      },
      mqtt: {
        url: office.current().mqtt?.url ?? null,
        site: office.current().mqtt?.site ?? null,
        usernameSaved: secrets.saved().mqttUsername,
        passwordSaved: secrets.saved().mqttPassword,
      },
      pins: { room: Boolean(config.staff.roomPinHash), desk: Boolean(config.staff.pinHash) || deskPinInDataFolder(), admin: Boolean(config.staff.adminPinHash) },
      // Only the setup code opens admin while neither is set (staff/staffAccess.ts).
      firstRun: writable && !config.staff.pinHash && !config.staff.adminPinHash && !deskPinInDataFolder(),
    };
  }

  /** Tests the connection with the token typed, or the saved one. */
  async function check(url: string, token: string | null): Promise<Result<{ message: string; notifyServices: string[]; url: string }>> {
    const checked = await checkHomeAssistant(url, token ?? secrets.asEnv('TOKEN').TOKEN ?? '');
    if (!checked.ok) return checked;
    found = checked.value.notifyServices;
    return ok({ message: checked.value.message, notifyServices: checked.value.notifyServices, url: checked.value.url });
  }

  return {
    adminOffice: async () => ok(await view()),
    saveClinician: async ({ clinician, isNew }) => {
      const changed = office.change((document) => putClinician(document, clinician, isNew));
      if (!changed.ok) return changed;
      log.info(isNew ? 'admin added a clinician' : 'admin changed a clinician', { clinician: clinician.id });
      return ok(await view());
    },
    testHomeAssistant: async ({ url, token }) => {
      const checked = await check(url, token);
      return checked.ok ? ok({ message: checked.value.message, notifyServices: checked.value.notifyServices }) : checked;
    },
    saveHomeAssistant: async ({ url, token }) => {
      if (!writable) return refuse('not-allowed', demoOfficeRefusal);
      const checked = await check(url, token);
      if (!checked.ok) return checked;
      if (token !== null) secrets.save({ homeAssistantToken: token });
      const changed = office.change((document) => setHomeAssistantUrl(document, checked.value.url));
      if (!changed.ok) return changed;
      log.info('admin connected Home Assistant', { url: checked.value.url });
      return ok(await view());
    },
    homeAssistantAreas: async () => {
      const settings = office.current().homeAssistant;
      const token = secrets.asEnv('TOKEN').TOKEN;
      if (!settings || !('url' in settings) || !token) return refuse('conflict', 'Connect Home Assistant first: its address and an access token, tested and saved.');
      const read = await readAreaRooms(settings.url, token);
      if (!read.ok) return read;
      const inFile = office.current().rooms;
      return ok({ areas: read.value.map((area) => ({ ...area, roomId: inFile.find((room) => room.name.toLowerCase() === area.name.toLowerCase())?.id ?? null })) });
    },
    addRoom: async (room) => {
      const changed = office.change((document) => addRoom(document, room));
      if (!changed.ok) return changed;
      log.info('admin added a room', { room: room.roomId });
      return ok(await view());
    },
    testMqtt: async ({ url, site, username, password }) => {
      const saved = secrets.asEnv('TOKEN');
      const checked = await checkMqtt(url, username ?? saved.STILLROOM_MQTT_USERNAME ?? null, password ?? saved.STILLROOM_MQTT_PASSWORD ?? null, 5000, officeCommandTopics(site));
      return checked.ok ? ok({ message: checked.value.message }) : checked;
    },
    saveMqtt: async ({ url, site, username, password }) => {
      if (!writable) return refuse('not-allowed', demoOfficeRefusal);
      const saved = secrets.asEnv('TOKEN');
      const checked = await checkMqtt(url, username ?? saved.STILLROOM_MQTT_USERNAME ?? null, password ?? saved.STILLROOM_MQTT_PASSWORD ?? null, 5000, officeCommandTopics(site));
      if (!checked.ok) return checked;
      secrets.save({ ...(username === null ? {} : { mqttUsername: username }), ...(password === null ? {} : { mqttPassword: password }) });
      const changed = office.change((document) => setMqtt(document, checked.value.url, site));
      if (!changed.ok) return changed;
      log.info('admin connected the office bus', { url: checked.value.url });
      return ok(await view());
    },
    restartHub: async () => {
      if (!restart) return refuse('conflict', 'This hub runs inside the Stillroom app: close the app and open it again to take up the saved rooms and connections.');
      if (office.problem()) return refuse('conflict', 'The office file has a mistake (shown above). Fix it first: the hub would not start on it.');
      log.info('admin restarted the hub to take up the office file', { sections: restartNeededFor().join(', ') });
      // After this answer has left: the restart closes every connection, this one included.
      setTimeout(restart, 200).unref();
      return ok({ restarting: true as const });
    },
    saveSettings: async (settings) => {
      const changed = office.change((document) => putSettings(document, settings));
      if (!changed.ok) return changed;
      log.info('admin changed the kiosk and desk settings');
      return ok(await view());
    },
    setPin: async ({ role, pin }) => {
      if (role === 'desk' && deskPinInDataFolder()) return refuse('conflict', 'The desk PIN is set in the data folder (by `stillroom hash-pin --data`), which wins over the office file. Change it there, or remove the staff-pin file first.');
      const hash = await hashPin(pin);
      const changed = office.change((document) => putPinHash(document, role, hash));
      if (!changed.ok) return changed;
      log.info('admin set a PIN', { role });
      return ok(await view());
    },
    setPins: async ({ desk, admin, room }) => {
      if (deskPinInDataFolder()) return refuse('conflict', 'The desk PIN is set in the data folder (by `stillroom hash-pin --data`), which wins over the office file. Change it there, or remove the staff-pin file first.');
      const hashes = { desk: await hashPin(desk), admin: admin === null ? null : await hashPin(admin), room: room === null ? null : await hashPin(room) };
      const changed = office.change((document) => {
        for (const role of ['desk', 'admin', 'room'] as const) {
          const hash = hashes[role];
          if (hash) putPinHash(document, role, hash);
        }
      });
      if (!changed.ok) return changed;
      log.info('admin set the PINs', { roles: (['desk', 'admin', 'room'] as const).filter((role) => hashes[role]).join(', ') });
      return ok(await view());
    },
    savePractice: async ({ name }) => {
      const changed = office.change((document) => putPracticeName(document, name));
      if (!changed.ok) return changed;
      log.info('admin renamed the practice');
      return ok(await view());
    },
    removeRoom: async ({ roomId }) => {
      const changed = office.change((document) => removeRoom(document, roomId));
      if (!changed.ok) return changed;
      log.info('admin removed a room', { room: roomId });
      return ok(await view());
    },
    retireClinician: async ({ clinicianId }) => {
      const changed = office.change((document) => removeClinician(document, clinicianId));
      if (!changed.ok) return changed;
      log.info('admin retired a clinician', { clinician: clinicianId });
      return ok(await view());
    },
  };
}
