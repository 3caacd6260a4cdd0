/**
 * An office whose rooms' devices live in a Home Assistant simulator, reached by the hub through
 * the real client library, as a real office's would be. Tests speak to the hub's API as the room
 * surface does (`office.apply('willow', 'calm')`) and wait for the pushed room to change.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LiveEvent, RoomView } from '../../../main/contract/contract.ts';
import { light, mediaPlayer, startHomeAssistantSimulator, switchEntity, type EntitySeed, type HomeAssistantSimulator } from '../../../main/simulators/homeAssistant/index.ts';
import { createHub, type Hub } from '../../../main/hub/hub.ts';
import { silentLog, type Log } from '../../../main/hub/log.ts';
import { repoRoot } from './hubClient.ts';
import { tempDir } from '../../support/tempDir.ts';

export const willowDevices: EntitySeed[] = [
  light('light.willow_ceiling', { name: 'Willow ceiling', supportedColorModes: ['color_temp'], minKelvin: 2700, maxKelvin: 6500, on: true, brightness: 204, colorTempKelvin: 4000 }),
  light('light.willow_lamp', { name: 'Willow lamp', supportedColorModes: ['color_temp', 'xy'], minKelvin: 2200, maxKelvin: 4000 }),
  light('light.willow_strip', { name: 'Willow strip', supportedColorModes: ['hs'] }),
  mediaPlayer('media_player.willow_speaker', { name: 'Willow speaker', state: 'idle', volumeLevel: 0.2 }),
  switchEntity('switch.willow_door_sign', { name: 'Willow door sign' }),
  mediaPlayer('media_player.willow_masking', { name: 'Hall masking', state: 'idle', volumeLevel: 0.1 }),
  // Spots that only the large-room test puts into the room.
  ...[1, 2, 3, 4].map((n) => light(`light.willow_spot_${n}`, { name: `Willow spot ${n}`, supportedColorModes: ['color_temp'], minKelvin: 2700, maxKelvin: 5000 })),
];

/** Four spots more in the lamp role: seven lights, enough for the room to be set with one scene.apply. */
export const largeRoomLights = ', light.willow_spot_1, light.willow_spot_2, light.willow_spot_3, light.willow_spot_4';

export function officeYaml(homeAssistantUrl: string, { extraLights = '', maskingMedia }: { extraLights?: string; maskingMedia?: string } = {}): string {
  return `
practice: { name: Room Test Practice }
homeAssistant: { url: "${homeAssistantUrl}", tokenEnv: TEST_HA_TOKEN }
rooms:
  - id: willow
    name: Willow room
    ambience:
      lights:
        ceiling: light.willow_ceiling
        lamp: [light.willow_lamp${extraLights}]
        accent: light.willow_strip
      speaker: media_player.willow_speaker
      doorSign: switch.willow_door_sign
      masking: media_player.willow_masking${maskingMedia ? `\n      maskingSource: { mediaContentId: "${maskingMedia}", volume: 0.3 }` : ''}
      limits: { minBrightness: 10, maxBrightness: 80, maxVolume: 0.3 }
    prepareForWishes: { softer-light: grounding }
clinicians:
  - { id: sam, displayName: Sam, colour: sage, symbol: leaf, room: willow }
`;
}

export interface RoomOffice {
  hub: Hub;
  dataDir: string;
  /** Calls the hub as the room surface does; throws the hub's message if it refuses. */
  call(name: 'applyPreset' | 'fineTune' | 'startSession' | 'endSession' | 'roomView', input: object): Promise<RoomView>;
  /** Resolves with the first pushed (or current) room view that satisfies `predicate`. */
  untilRoom(predicate: (room: RoomView) => boolean, what: string, timeoutMs?: number): Promise<RoomView>;
  close(): Promise<void>;
}

export async function startRoomOffice(simulator: { url: string; token: string }, options: { dataDir?: string; extraLights?: string; maskingMedia?: string; log?: Log; env?: Record<string, string> } = {}): Promise<RoomOffice> {
  const dataDir = options.dataDir ?? tempDir('rooms');
  const configPath = join(dataDir, 'office.yaml');
  writeFileSync(configPath, officeYaml(simulator.url, options));
  const hub = await createHub({
    configPath,
    dataDir,
    rendererDir: join(repoRoot, 'dist', 'renderer'),
    presetsDir: join(repoRoot, 'presets'),
    log: options.log ?? silentLog,
    env: options.env ?? { TEST_HA_TOKEN: simulator.token },
  });
  const call: RoomOffice['call'] = async (name, input) => {
    const result = await hub.api.call('desk', name, input);
    if (!result.ok) throw new Error(`${name} refused: ${result.error.message}`);
    return result.value as RoomView;
  };
  return {
    hub,
    dataDir,
    call,
    untilRoom(predicate, what, timeoutMs = 8_000) {
      return new Promise((resolve, reject) => {
        let subscription: { unsubscribe(): void } | undefined;
        const timer = setTimeout(() => {
          subscription?.unsubscribe();
          reject(new Error(`the room never showed ${what}`));
        }, timeoutMs);
        const check = (room: RoomView) => {
          if (!predicate(room)) return false;
          clearTimeout(timer);
          subscription?.unsubscribe();
          resolve(room);
          return true;
        };
        const subscribed = hub.api.subscribe('desk', 'rooms', (event: LiveEvent) => {
          if (event.type === 'room' && event.room.id === 'willow') check(event.room);
        });
        if (!subscribed.ok) return reject(new Error(subscribed.error.message));
        subscription = subscribed;
        void call('roomView', { roomId: 'willow' }).then(check);
      });
    },
    close: () => hub.close(),
  };
}

export const startWillowSimulator = (options: { port?: number; token?: string; haVersion?: string; localMedia?: readonly string[] } = {}): Promise<HomeAssistantSimulator> =>
  startHomeAssistantSimulator({ entities: willowDevices, ...options });

export const device = (room: RoomView, entityId: string) => {
  const found = room.devices.find((d) => d.entityId === entityId);
  if (!found) throw new Error(`${entityId} is not in the room view`);
  return found;
};
