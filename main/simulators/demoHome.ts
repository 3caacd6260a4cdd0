/**
 * The demo office's device layer: a simulated Home Assistant, run inside the hub, with a virtual
 * device for every entity the office configuration names, so a new user sees lights and speakers
 * change with nothing installed. Lights get capabilities by role, as real rooms tend to have, and
 * the demo's rooms have lamps of every kind: colour, colour temperature only, dimmable only, on/off.
 */
import { randomBytes } from 'node:crypto';
import { inputBoolean, light, mediaPlayer, startHomeAssistantSimulator, switchEntity, type EntitySeed, type HomeAssistantSimulator } from './homeAssistant/index.ts';

/**
 * The demo office's own lamps where a role alone would not show every kind a real practice has
 * (light/__init__.py ColorMode): Cedar's ceiling only switches on and off, its lamp only dims, so
 * the demo and its tests meet lamps that take no colour at all.
 */
const demoLamps: Readonly<Record<string, () => EntitySeed>> = {
  'light.cedar_ceiling': () => light('light.cedar_ceiling', { supportedColorModes: ['onoff'], on: true }),
  'light.cedar_lamp': () => light('light.cedar_lamp', { supportedColorModes: ['brightness'] }),
};

function seedFor(entityId: string, role: string): EntitySeed {
  const own = demoLamps[entityId];
  if (own) return own();
  const [domain] = entityId.split('.');
  if (domain === 'media_player') return mediaPlayer(entityId, { state: 'idle', volumeLevel: 0.2 });
  if (domain === 'switch') return switchEntity(entityId);
  if (domain === 'input_boolean') return inputBoolean(entityId);
  if (role === 'accent') return light(entityId, { supportedColorModes: ['hs', 'color_temp'], minKelvin: 2000, maxKelvin: 6500 });
  if (role === 'ceiling') return light(entityId, { supportedColorModes: ['color_temp'], minKelvin: 2700, maxKelvin: 6500, on: true, brightness: 200, colorTempKelvin: 4000 });
  return light(entityId, { supportedColorModes: ['color_temp', 'xy'], minKelvin: 2200, maxKelvin: 4000 });
}

/**
 * What the demo office needs simulated, described without the hub's types so the simulators
 * depend on nothing of the hub: each entity the office names (with its role in the room) and the
 * notify services it pushes to.
 */
export interface DemoHomeSpec {
  entities: readonly { entityId: string; role: string }[];
  notifyServices: readonly string[];
}

export function demoEntities(spec: DemoHomeSpec): EntitySeed[] {
  const seen = new Set<string>();
  return spec.entities.flatMap(({ entityId, role }) => {
    if (seen.has(entityId)) return [];
    seen.add(entityId);
    return [seedFor(entityId, role)];
  });
}

export function startDemoHome(spec: DemoHomeSpec): Promise<HomeAssistantSimulator> {
  return startHomeAssistantSimulator({ port: 0, token: randomBytes(24).toString('base64url'), entities: demoEntities(spec), notifyServices: [...new Set(spec.notifyServices)], keepRecords: 100 });
}
