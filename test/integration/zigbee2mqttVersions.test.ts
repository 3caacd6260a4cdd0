/**
 * zigbee2mqtt 1.x and 2.x, and lights of every kind, on a real Mosquitto: the simulated bridge
 * speaks as each version does (conformance, citing Koenkk/zigbee2mqtt), and the hub reads both
 * availability forms and takes each light's abilities from `bridge/devices`, so a white-only or
 * dimmable bulb is never sent a colour it has no converter for.
 */
import { afterEach, expect, it } from 'vitest';
import { lightCall, lightCapabilities, lightTargetFromSetting } from '../../main/hub/ambience/lightCommands.ts';
import { connectMqtt } from '../../main/hub/devices/mqtt/mqttLink.ts';
import { watchZigbee2mqtt, type Zigbee2mqtt } from '../../main/hub/devices/zigbee2mqtt/z2mDevices.ts';
import { startZigbee2mqttSimulator, type SimulatedLightSeed } from '../../main/simulators/zigbee2mqtt/index.ts';
import { rawSubscriber, startMosquitto } from './support/mosquitto.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const kinds: SimulatedLightSeed[] = [
  { name: 'willow/colour', kind: 'colour', minMireds: 153, maxMireds: 454 },
  { name: 'willow/white', kind: 'colour-temp', minMireds: 200, maxMireds: 454 },
  { name: 'willow/dimmable', kind: 'dimmable' },
  { name: 'willow/relay', kind: 'onoff' },
  { name: 'willow/rgb', kind: 'colour-only' },
];

async function bridgeAndHub(version: 1 | 2) {
  const broker = await startMosquitto();
  cleanups.push(() => broker.dispose());
  const bridge = await startZigbee2mqttSimulator({ url: broker.url, lights: kinds, version });
  cleanups.push(() => bridge.close().catch(() => undefined));
  const connecting = connectMqtt({ url: broker.url, site: 'riverside', hubId: 'front-desk', onStatus: () => {} });
  if (!connecting.ok) throw new Error(connecting.message);
  cleanups.push(() => connecting.link.close());
  const waiters = new Set<() => void>();
  const lights: Zigbee2mqtt = watchZigbee2mqtt(connecting.link, {
    lights: Object.fromEntries(kinds.map((seed) => [seed.name.split('/')[1]!, { friendlyName: seed.name }])),
    onChange: () => { for (const wake of waiters) wake(); },
  });
  cleanups.push(() => lights.stop());
  const until = (done: () => boolean, what: string) => new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`timed out waiting for ${what}`)); }, 5000);
    const check = () => { if (done()) { clearTimeout(timer); waiters.delete(check); resolve(); } };
    waiters.add(check);
    check();
  });
  return { broker, bridge, lights, until };
}

it('conformance: zigbee2mqtt 1.x sends bare online/offline strings, 2.x JSON (lib/util/utils.ts availabilityPayload, 1.x)', async () => {
  for (const version of [1, 2] as const) {
    const broker = await startMosquitto();
    cleanups.push(() => broker.dispose());
    const bridge = await startZigbee2mqttSimulator({ url: broker.url, lights: [{ name: 'lamp' }], version });
    cleanups.push(() => bridge.close().catch(() => undefined));
    const watcher = await rawSubscriber(broker.url, ['zigbee2mqtt/bridge/state', 'zigbee2mqtt/lamp/availability']);
    cleanups.push(() => watcher.close());
    const retained = await watcher.until((messages) => messages.length === 2, 'the retained availability');
    expect(retained.map((m) => m.text).sort()).toEqual(version === 1 ? ['online', 'online'] : ['{"state":"online"}', '{"state":"online"}']);
  }
});

it('conformance: bridge/devices gives each kind its light expose, and a key without a converter is skipped with zigbee2mqtt\'s error (lib/extension/publish.ts)', async () => {
  const broker = await startMosquitto();
  cleanups.push(() => broker.dispose());
  const bridge = await startZigbee2mqttSimulator({ url: broker.url, lights: kinds });
  cleanups.push(() => bridge.close().catch(() => undefined));
  const watcher = await rawSubscriber(broker.url, ['zigbee2mqtt/bridge/devices', 'zigbee2mqtt/willow/dimmable']);
  cleanups.push(() => watcher.close());
  const [devices] = (await watcher.until((messages) => messages.some((m) => m.topic === 'zigbee2mqtt/bridge/devices'), 'the device list')).filter((m) => m.topic.endsWith('devices'));
  const list = JSON.parse(devices!.text) as { friendly_name: string; definition: { exposes: { type: string; features?: { name: string; value_min?: number; value_max?: number }[] }[] } }[];
  const features = (name: string) => list.find((device) => device.friendly_name === name)!.definition.exposes.find((e) => e.type === 'light')!.features!.map((f) => f.name);
  expect(features('willow/colour')).toEqual(['state', 'brightness', 'color_temp', 'color_xy']);
  expect(features('willow/white')).toEqual(['state', 'brightness', 'color_temp']);
  expect(features('willow/dimmable')).toEqual(['state', 'brightness']);
  expect(features('willow/relay')).toEqual(['state']);
  expect(list.find((d) => d.friendly_name === 'willow/white')!.definition.exposes[0]!.features!.find((f) => f.name === 'color_temp')).toMatchObject({ value_min: 200, value_max: 454 });

  await watcher.client.publishAsync('zigbee2mqtt/willow/dimmable/set', '{"state":"ON","brightness":100,"color":{"x":0.6,"y":0.3}}', { qos: 1 });
  const echo = await watcher.until((messages) => messages.some((m) => m.topic === 'zigbee2mqtt/willow/dimmable' && m.text.includes('"ON"')), 'the dimmable echo');
  expect(JSON.parse(echo.find((m) => m.topic === 'zigbee2mqtt/willow/dimmable' && m.text.includes('"ON"'))!.text)).toEqual({ state: 'ON', brightness: 100, linkquality: 120 });
  expect(bridge.errors).toEqual(['No converter available for \'color\' on \'willow/dimmable\': ({"x":0.6,"y":0.3})']);
});

it('a zigbee2mqtt 1.x bridge (bare online) leaves every light reachable, as 2.x does', async () => {
  for (const version of [1, 2] as const) {
    const { bridge, lights, until } = await bridgeAndHub(version);
    await until(() => lights.bridgeOnline() === true && lights.state('colour')?.available === true, `zigbee2mqtt ${version}.x online`);
    expect(lights.reachable('colour')).toBe(true);
    await bridge.setAvailability('willow/colour', false);
    await until(() => lights.state('colour')?.available === false, `the lamp offline on ${version}.x`);
    expect(lights.entityState('colour')?.state).toBe('unavailable');
    await bridge.crash();
    await until(() => lights.bridgeOnline() === false, `the ${version}.x bridge's last will`);
  }
});

it('each light is planned for what its exposes say: colour, white only, dimmable only, on/off', async () => {
  const { bridge, lights, until } = await bridgeAndHub(2);
  const ids = ['colour', 'white', 'dimmable', 'relay', 'rgb'];
  await until(() => ids.every((id) => lights.state(id)?.available === true && lights.state(id)?.on === false && Array.isArray(lights.entityState(id)?.attributes['supported_color_modes'])), 'every light known');
  await until(() => lights.entityState('dimmable')?.attributes['supported_color_modes']?.toString() === 'brightness', 'the device list read');
  expect(Object.fromEntries(ids.map((id) => [id, lights.entityState(id)?.attributes['supported_color_modes']]))).toEqual({
    colour: ['color_temp', 'xy'], white: ['color_temp'], dimmable: ['brightness'], relay: ['onoff'], rgb: ['xy'],
  });
  // The white lamp's range comes from its exposes (200-454 mireds), not from a default.
  expect(lights.entityState('white')?.attributes).toMatchObject({ min_color_temp_kelvin: 2203, max_color_temp_kelvin: 5000 });

  // A warm amber cue: colour where there is colour, the nearest white on the white lamp, brightness alone on the dimmable one.
  const amber = { on: true as const, brightness: 60, colour: [255, 150, 60] as [number, number, number] };
  for (const id of ids) {
    const capabilities = lightCapabilities(lights.entityState(id));
    await lights.send(id, lightCall(`light.${id}`, lightTargetFromSetting(amber, capabilities, { minBrightness: 1, maxBrightness: 100, maxVolume: 0.4 }), capabilities, 1));
  }
  // A kelvin on a colour light with no white channel goes as xy: zigbee2mqtt has no color_temp converter for it.
  const rgbCapabilities = lightCapabilities(lights.entityState('rgb'));
  await lights.send('rgb', lightCall('light.rgb', { on: true, brightnessPct: 50, colour: { attribute: 'color_temp_kelvin', value: 2700 } }, rgbCapabilities, 1));
  await until(() => bridge.commands.length === 6, 'six commands at the bridge');
  const sent = Object.fromEntries(bridge.commands.map((command) => [command.name, JSON.parse(command.payload) as Record<string, unknown>]));
  expect(sent['willow/colour']).toMatchObject({ state: 'ON', color: { r: 255, g: 150, b: 60 } });
  expect(sent['willow/white']).toMatchObject({ state: 'ON', color_temp: expect.any(Number) });
  expect(sent['willow/white']).not.toHaveProperty('color');
  expect(Object.keys(sent['willow/dimmable']!).sort()).toEqual(['brightness', 'state', 'transition']);
  expect(Object.keys(sent['willow/relay']!).sort()).toEqual(['state', 'transition']);
  expect(sent['willow/rgb']).toMatchObject({ state: 'ON', color: { x: expect.closeTo(0.46, 1), y: expect.closeTo(0.41, 1) } });
  expect(sent['willow/rgb']).not.toHaveProperty('color_temp');
  expect(bridge.errors).toEqual([]);
});
