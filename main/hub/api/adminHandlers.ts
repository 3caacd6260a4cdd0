/**
 * The admin surface's procedures: read the office as the admin form shows it, and change it
 * through the office file (config/officeFile.ts), which validates, writes and then tells the hub.
 * Nothing here ever returns a secret: tokens and PIN hashes never leave the hub.
 */
import type { AdminOffice } from '../../contract/contract.ts';
import type { OfficeFile } from '../config/officeFile.ts';
import { adminClinician, putClinician, removeClinician } from '../config/officeEdits.ts';
import type { OfficeConfig } from '../config/officeConfig.ts';
import type { Log } from '../log.ts';
import { ok } from '../result.ts';
import type { Handlers } from './createHubApi.ts';

export type AdminProcedure = 'adminOffice' | 'saveClinician' | 'retireClinician';

export interface AdminDeps {
  office: OfficeFile;
  /** The configuration the hub runs (updated in place when the file changes). */
  config: OfficeConfig;
  writable: boolean;
  /** Settings changed in the file that the running hub can only take up after a restart. */
  restartNeededFor: () => string[];
  /** Home Assistant's notify services, when it is connected. */
  notifyServices: () => Promise<string[]>;
  log: Log;
}

export function createAdminHandlers({ office, config, writable, restartNeededFor, notifyServices, log }: AdminDeps): Pick<Handlers, AdminProcedure> {
  async function view(): Promise<AdminOffice> {
    const configured = [...config.clinicians.map((clinician) => clinician.notify), config.frontDesk.notify].flatMap((route) => (route?.push ? [route.push.service] : []));
    const found = await notifyServices();
    return {
      practiceName: config.practice.name,
      writable,
      fileProblem: office.problem()?.message ?? null,
      restartNeededFor: restartNeededFor(),
      clinicians: config.clinicians.map(adminClinician),
      rooms: config.rooms.map((room) => {
        const lights = room.ambience?.lights ?? {};
        return { id: room.id, name: room.name, lights: [...new Set(Object.values(lights).flatMap((each) => (Array.isArray(each) ? each : each ? [each] : [])))] };
      }),
      notifyServices: [...new Set([...found, ...configured])].sort(),
    };
  }

  return {
    adminOffice: async () => ok(await view()),
    saveClinician: async ({ clinician, isNew }) => {
      const changed = office.change((document) => putClinician(document, clinician, isNew));
      if (!changed.ok) return changed;
      log.info(isNew ? 'admin added a clinician' : 'admin changed a clinician', { clinician: clinician.id });
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
