/**
 * The demo office's device layer: a simulated Home Assistant, run inside the hub, with a virtual
 * device for every entity the office configuration names, so a new user sees lights and speakers
 * change with nothing installed. Lights get capabilities by role, as real rooms tend to have.
 */
import { randomBytes } from 'node:crypto';
import type { OfficeConfig } from '../../config/officeConfig.ts';
import { roomEntities } from '../../rooms/deviceViews.ts';
import { inputBoolean, light, mediaPlayer, startHomeAssistantSimulator, switchEntity, type EntitySeed, type HomeAssistantSimulator } from './simulator/index.ts';

function seedFor(entityId: string, role: string): EntitySeed {
  const [domain] = entityId.split('.');
  if (domain === 'media_player') return mediaPlayer(entityId, { state: 'idle', volumeLevel: 0.2 });
  if (domain === 'switch') return switchEntity(entityId);
  if (domain === 'input_boolean') return inputBoolean(entityId);
  if (role === 'accent') return light(entityId, { supportedColorModes: ['hs', 'color_temp'], minKelvin: 2000, maxKelvin: 6500 });
  if (role === 'ceiling') return light(entityId, { supportedColorModes: ['color_temp'], minKelvin: 2700, maxKelvin: 6500, on: true, brightness: 200, colorTempKelvin: 4000 });
  return light(entityId, { supportedColorModes: ['color_temp', 'xy'], minKelvin: 2200, maxKelvin: 4000 });
}

export function demoEntities(config: OfficeConfig): EntitySeed[] {
  const seen = new Set<string>();
  return config.rooms.flatMap((room) =>
    room.ambience
      ? roomEntities(room.ambience).flatMap(({ entityId, role }) => {
          if (seen.has(entityId)) return [];
          seen.add(entityId);
          return [seedFor(entityId, role)];
        })
      : [],
  );
}

/** The phones the configuration sends pushes to, as the companion app's notify services. */
export function demoNotifyServices(config: OfficeConfig): string[] {
  const routes = [...config.clinicians.map((clinician) => clinician.notify), config.frontDesk.notify];
  return [...new Set(routes.flatMap((route) => (route?.push ? [route.push.service] : [])))];
}

export function startDemoHome(config: OfficeConfig): Promise<HomeAssistantSimulator> {
  return startHomeAssistantSimulator({ port: 0, token: randomBytes(24).toString('base64url'), entities: demoEntities(config), notifyServices: demoNotifyServices(config), keepRecords: 100 });
}
