/**
 * The demo office is where a newcomer first sees Stillroom work, so its simulated Home Assistant has
 * the lamps a real practice has (issue 10): colour, colour temperature only, dimmable only and on/off
 * (Home Assistant's ColorMode, homeassistant/components/light/__init__.py), and a preset ends as it
 * should on each kind.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadOfficeConfig } from '../../main/hub/config/loadConfig.ts';
import { roomEntities } from '../../main/hub/rooms/deviceViews.ts';
import { demoEntities } from '../../main/simulators/demoHome.ts';
import { join } from 'node:path';
import type { LiveEvent, RoomView } from '../../main/contract/contract.ts';
import { createHub, type Hub } from '../../main/hub/hub.ts';
import { silentLog } from '../../main/hub/log.ts';
import { demoConfig, newDataDir, repoRoot } from './support/hubClient.ts';

let hub: Hub;
beforeAll(async () => {
  hub = await createHub({ configPath: demoConfig, dataDir: newDataDir(), rendererDir: join(repoRoot, 'dist', 'renderer'), presetsDir: join(repoRoot, 'presets'), log: silentLog });
});
afterAll(() => hub.close());

/** The Cedar room once the demo's Home Assistant is connected and its devices are known. */
function cedarConnected(): Promise<RoomView> {
  return new Promise((resolve, reject) => {
    const check = (room: RoomView) => room.homeAssistant.state === 'connected' && room.devices.some((d) => d.available) && resolve(room);
    const subscribed = hub.api.subscribe('desk', 'rooms', (event: LiveEvent) => {
      if (event.type === 'room' && event.room.id === 'cedar') check(event.room);
    });
    if (!subscribed.ok) return reject(new Error(subscribed.error.message));
    void hub.api.call('desk', 'roomView', { roomId: 'cedar' }).then((view) => view.ok && check(view.value as RoomView));
  });
}

it('has lamps of every kind a practice has: colour, colour temperature only, dimmable only, on/off', () => {
  const office = loadOfficeConfig(demoConfig);
  const seeds = demoEntities({ entities: office.rooms.flatMap((room) => (room.ambience ? roomEntities(room.ambience) : [])), notifyServices: [] });
  const kinds = seeds.filter((seed) => seed.entityId.startsWith('light.')).map((seed) => [...(seed.attributes['supported_color_modes'] as string[])].sort().join('+'));
  expect(new Set(kinds)).toEqual(new Set(['color_temp+hs', 'color_temp', 'color_temp+xy', 'brightness', 'onoff']));
});

it('sets an on/off lamp and a dimmable lamp as a preset asks, with nothing they cannot do', async () => {
  await cedarConnected();
  const applied = await hub.api.call('desk', 'applyPreset', { roomId: 'cedar', presetId: 'focus' });
  if (!applied.ok) throw new Error(applied.error.message);
  const room = (applied as { ok: true; value: RoomView }).value;
  const lamp = room.devices.find((d) => d.entityId === 'light.cedar_lamp')!;
  const ceiling = room.devices.find((d) => d.entityId === 'light.cedar_ceiling')!;
  expect(room.lastChange.filter((o) => o.outcome !== 'done')).toEqual([]);
  expect(lamp).toMatchObject({ on: true, available: true });
  expect(lamp.brightness).toBeGreaterThan(0);
  expect(ceiling).toMatchObject({ on: true, brightness: null });
});
