/**
 * zigbee2mqtt lights through the hub's MQTT link and the simulated bridge on a real Mosquitto:
 * the planner's light calls arrive in zigbee2mqtt's format and units, the device's echo updates
 * what the hub knows, availability follows the bridge and the device, and broken messages on any
 * subscribed topic are dropped with a reason while everything keeps working.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { lightCall, lightCapabilities } from '../../main/hub/ambience/lightCommands.ts';
import { connectMqtt, type MqttLink } from '../../main/hub/devices/mqtt/mqttLink.ts';
import { startZigbee2mqttSimulator, type Zigbee2mqttSimulator } from '../../main/simulators/zigbee2mqtt/index.ts';
import { watchZigbee2mqtt, type Zigbee2mqtt } from '../../main/hub/devices/zigbee2mqtt/z2mDevices.ts';
import { createLog } from '../../main/hub/log.ts';
import { rawSubscriber, startMosquitto, type Mosquitto, type RawSubscriber } from './support/mosquitto.ts';

const cleanups: (() => unknown)[] = [];
let mosquitto: Mosquitto;
let link: MqttLink;
let bridge: Zigbee2mqttSimulator;
let lights: Zigbee2mqtt;
let outsider: RawSubscriber;
const drops: { topic: string; reason: string }[] = [];
const changeWaiters = new Set<() => void>();

/** Resolves once `done()` holds, checked after every change the hub sees. */
function untilChange(done: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!done()) return;
      changeWaiters.delete(check);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 5000);
    changeWaiters.add(check);
    check();
  });
}

beforeEach(async () => {
  drops.length = 0;
  mosquitto = await startMosquitto();
  cleanups.push(() => mosquitto.dispose());
  bridge = await startZigbee2mqttSimulator({
    url: mosquitto.url,
    lights: [{ name: 'willow/lamp', minMireds: 153, maxMireds: 454 }, { name: 'willow_ceiling', on: true }],
  });
  cleanups.push(() => bridge.close().catch(() => undefined));
  const connecting = connectMqtt({ url: mosquitto.url, site: 'riverside', hubId: 'front-desk', onStatus: () => {} });
  if (!connecting.ok) throw new Error(connecting.message);
  link = connecting.link;
  cleanups.push(() => link.close());
  lights = watchZigbee2mqtt(link, {
    lights: { lamp: { friendlyName: 'willow/lamp', minMireds: 153, maxMireds: 454 }, ceiling: { friendlyName: 'willow_ceiling' } },
    log: createLog((line) => {
      const entry = JSON.parse(line) as { message: string; topic: string; reason: string };
      if (entry.message === 'zigbee2mqtt message dropped') drops.push({ topic: entry.topic, reason: entry.reason });
      for (const wake of changeWaiters) wake();
    }),
    onChange: () => {
      for (const wake of changeWaiters) wake();
    },
  });
  cleanups.push(() => lights.stop());
  outsider = await rawSubscriber(mosquitto.url, ['zigbee2mqtt/+/set', 'zigbee2mqtt/+/+/set']);
  cleanups.push(() => outsider.close());
  await untilChange(() => lights.bridgeOnline() === true && lights.state('lamp')?.available === true && lights.state('lamp')?.on === false, 'the retained availability and first state');
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it('planner light calls arrive in zigbee2mqtt units and the echo updates the light', async () => {
  const capabilities = lightCapabilities(lights.entityState('lamp'));
  expect(capabilities).toMatchObject({ known: true, dimmable: true, colourTemperature: true, minKelvin: 2203, maxKelvin: 6536, transition: true });
  // 1,800 K is below this lamp's range: the planner clamps to its 2,203 K, zigbee2mqtt gets 454 mireds.
  const warm = lightCall('light.willow_lamp', { on: true, brightnessPct: 40, colour: { attribute: 'color_temp_kelvin', value: 1800 } }, capabilities, 3);
  await expect(lights.send('lamp', warm)).resolves.toEqual({ ok: true });
  await untilChange(() => lights.state('lamp')?.on === true, 'the lamp echo');
  expect(JSON.parse((await outsider.until((m) => m.length === 1, 'the first command')).at(-1)!.text)).toEqual({ state: 'ON', brightness: 102, color_temp: 454, transition: 3 });
  expect(lights.entityState('lamp')).toMatchObject({ state: 'on', attributes: { brightness: 102, color_mode: 'color_temp', color_temp_kelvin: 2203 } });

  await lights.send('lamp', lightCall('light.willow_lamp', { on: true, brightnessPct: 100, colour: { attribute: 'rgb_color', value: [255, 140, 60] } }, capabilities, 2));
  await untilChange(() => lights.state('lamp')?.colorMode === 'xy', 'the colour echo');
  expect(JSON.parse((await outsider.until((m) => m.length === 2, 'the second command')).at(-1)!.text)).toEqual({ state: 'ON', brightness: 254, color: { r: 255, g: 140, b: 60 }, transition: 2 });
  expect(bridge.state('willow/lamp')).toMatchObject({ state: 'ON', brightness: 254, color_mode: 'xy' });

  await lights.send('lamp', lightCall('light.willow_lamp', { on: false }, capabilities, 4));
  await untilChange(() => lights.state('lamp')?.on === false, 'the off echo');
  expect(JSON.parse((await outsider.until((m) => m.length === 3, 'the third command')).at(-1)!.text)).toEqual({ state: 'OFF', transition: 4 });
  expect(bridge.errors).toEqual([]);
});

it('the bridge going away (its last will) and a device going offline make lights unreachable', async () => {
  await bridge.setAvailability('willow_ceiling', false);
  await untilChange(() => lights.state('ceiling')?.available === false, 'the ceiling offline');
  expect(lights.reachable('ceiling')).toBe(false);
  expect(lights.entityState('ceiling')?.state).toBe('unavailable');
  expect(lights.reachable('lamp')).toBe(true);

  await bridge.crash();
  await untilChange(() => lights.bridgeOnline() === false, 'the bridge last will');
  expect(lights.reachable('lamp')).toBe(false);
});

it('bad payloads on every subscribed topic are dropped with a reason, and the link keeps working', async () => {
  const sender = outsider.client;
  const bad: [string, string | Buffer, string][] = [
    ['zigbee2mqtt/willow/lamp', 'not json', 'payload is not JSON'],
    ['zigbee2mqtt/willow/lamp', '{"state":42}', 'unexpected payload: state'],
    ['zigbee2mqtt/willow/lamp', '{"brightness":"bright"}', 'unexpected payload: brightness'],
    ['zigbee2mqtt/willow/lamp', Buffer.alloc(1024 * 1024, 0x20), 'over the 65536-byte limit'],
    ['zigbee2mqtt/willow/lamp/availability', 'on line', 'payload is not JSON'],
    ['zigbee2mqtt/willow/lamp/availability', '{"state":"sleepy"}', 'unexpected payload: state'],
    ['zigbee2mqtt/bridge/state', '"online"', 'unexpected payload: root'],
    ['zigbee2mqtt/bridge/state', '{}', 'unexpected payload: state'],
  ];
  for (const [topic, payload] of bad) await sender.publishAsync(topic, payload, { qos: 1 });
  // Unknown devices are never subscribed to, so they cannot even reach the hub.
  await sender.publishAsync('zigbee2mqtt/unknown_lamp', '{"state":"ON"}', { qos: 1 });
  await sender.publishAsync('zigbee2mqtt/willow/lamp', '{"state":"ON","brightness":80,"linkquality":90}', { qos: 1 });

  await untilChange(() => lights.state('lamp')?.on === true, 'the good state after the bad ones');
  expect(drops).toEqual(bad.map(([topic, , reason]) => ({ topic, reason: expect.stringContaining(reason) })));
  expect(lights.state('lamp')).toMatchObject({ available: true, on: true, brightness: 80 });
  expect(lights.bridgeOnline()).toBe(true);
  await expect(lights.send('ceiling', lightCall('light.willow_ceiling', { on: false }, lightCapabilities(undefined), 1))).resolves.toEqual({ ok: true });
});
