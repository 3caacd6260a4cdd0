/**
 * A room whose lights are on zigbee2mqtt, set through the hub: the preset becomes payloads on
 * `zigbee2mqtt/<name>/set` in zigbee2mqtt's own format and units, and the room's picture follows
 * the devices' echoes, not what was sent. A real Mosquitto, the simulated zigbee2mqtt bridge.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveEvent, RoomView } from '../../main/contract/contract.ts';
import { startZigbee2mqttSimulator } from '../../main/simulators/zigbee2mqtt/index.ts';
import { createHub, type Hub } from '../../main/hub/hub.ts';
import { silentLog } from '../../main/hub/log.ts';
import { startMosquitto } from './support/mosquitto.ts';
import { repoRoot } from './support/hubClient.ts';
import { tempDir } from '../support/tempDir.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** The first pushed (or current) view of the room that satisfies `predicate`. */
function untilRoom(hub: Hub, predicate: (room: RoomView) => boolean, what: string): Promise<RoomView> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the room never showed ${what}`)), 8_000);
    const check = (room: RoomView) => {
      if (!predicate(room)) return;
      clearTimeout(timer);
      if (subscription.ok) subscription.unsubscribe();
      resolve(room);
    };
    const subscription = hub.api.subscribe('desk', 'rooms', (event: LiveEvent) => {
      if (event.type === 'room' && event.room.id === 'cedar') check(event.room);
    });
    void hub.api.call('desk', 'roomView', { roomId: 'cedar' }).then((view) => view.ok && check(view.value as RoomView));
  });
}

describe('a zigbee2mqtt room', () => {
  it('applies a preset as zigbee2mqtt payloads, and the room follows the devices\' echoes', async () => {
    const broker = await startMosquitto();
    cleanups.push(() => broker.dispose());
    const bridge = await startZigbee2mqttSimulator({ url: broker.url, lights: [{ name: 'cedar/lamp', minMireds: 153, maxMireds: 454 }, { name: 'cedar_ceiling', on: true }] });
    cleanups.push(() => bridge.close());

    // A raw client watching what zigbee2mqtt is asked to do.
    const watcher = await mqtt.connectAsync(broker.url);
    cleanups.push(() => watcher.endAsync());
    const sets: { topic: string; payload: Record<string, unknown> }[] = [];
    await watcher.subscribeAsync('zigbee2mqtt/+/+/set');
    await watcher.subscribeAsync('zigbee2mqtt/+/set');
    watcher.on('message', (topic, payload) => sets.push({ topic, payload: JSON.parse(payload.toString()) as Record<string, unknown> }));

    const dir = tempDir('z2m-room');
    writeFileSync(
      join(dir, 'office.yaml'),
      JSON.stringify({
        practice: { name: 'Zigbee Practice' },
        mqtt: { url: broker.url, site: 'cedar-street' },
        zigbee2mqtt: { lights: { 'light.cedar_lamp': { friendlyName: 'cedar/lamp', minMireds: 153, maxMireds: 454 }, 'light.cedar_ceiling': { friendlyName: 'cedar_ceiling' } } },
        rooms: [{ id: 'cedar', name: 'Cedar room', ambience: { lights: { ceiling: 'light.cedar_ceiling', lamp: 'light.cedar_lamp' }, limits: { minBrightness: 5, maxBrightness: 100, maxVolume: 0.3 } } }],
        clinicians: [{ id: 'noor', displayName: 'Noor', colour: 'sky', symbol: 'wave', room: 'cedar' }],
      }),
    );
    const hub = await createHub({ configPath: join(dir, 'office.yaml'), dataDir: dir, rendererDir: join(dir, 'none'), presetsDir: join(repoRoot, 'presets'), log: silentLog });
    cleanups.push(() => hub.close());
    await untilRoom(hub, (room) => room.devices.every((d) => d.available), 'both lights available');

    const result = await hub.api.call('desk', 'applyPreset', { roomId: 'cedar', presetId: 'calm' });
    expect(result.ok && (result.value as RoomView).lastChange.map((o) => o.outcome)).toEqual(['done', 'done']);

    // Calm: lamps at 35 % and 2400 K over 15 s, ceiling off — in zigbee2mqtt's words and units.
    expect(sets).toContainEqual({ topic: 'zigbee2mqtt/cedar/lamp/set', payload: { state: 'ON', brightness: 89, color_temp: 417, transition: 15 } });
    expect(sets).toContainEqual({ topic: 'zigbee2mqtt/cedar_ceiling/set', payload: { state: 'OFF', transition: 15 } });

    const room = await untilRoom(hub, (r) => r.devices.find((d) => d.entityId === 'light.cedar_lamp')?.brightness === 35 && r.devices.find((d) => d.entityId === 'light.cedar_ceiling')?.on === false, 'the echoes');
    expect(room.preset?.name).toBe('Calm');
    expect(bridge.state('cedar/lamp')).toMatchObject({ state: 'ON', brightness: 89, color_temp: 417 });
  }, 30_000);
});
