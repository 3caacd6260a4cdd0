/**
 * The office bus as another system on it (a hallway screen, Node-RED) sees a running hub: arrival
 * events with only the documented fields, retained room state, and the hub's presence with its
 * last will when the process dies.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Arrival } from '../../main/contract/contract.ts';
import { startHomeAssistantSimulator, type HomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';
import { repoRoot } from './support/hubClient.ts';
import { rawSubscriber, startMosquitto, type Mosquitto } from './support/mosquitto.ts';
import { arrivalEvents, hubId, roomStates, serveOffice, startOfficeHub, topics, writeOffice } from './support/officeBus.ts';
import { willowDevices } from './support/roomOffice.ts';

const cleanups: (() => unknown)[] = [];
let broker: Mosquitto;

beforeAll(() => {
  // `npm test` builds first; this keeps the file runnable on its own.
  if (!existsSync(join(repoRoot, 'dist/main/cli.js'))) execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: repoRoot, stdio: 'inherit' });
});

beforeEach(async () => {
  broker = await startMosquitto();
  cleanups.push(() => broker.dispose());
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function willowHome(): Promise<HomeAssistantSimulator> {
  const simulator = await startHomeAssistantSimulator({ entities: willowDevices });
  cleanups.push(() => simulator.close());
  return simulator;
}

it('a check-in and a status change reach the bus on the arrival\'s topic, with the documented fields and nothing about the person', async () => {
  const simulator = await willowHome();
  const office = writeOffice({ brokerUrl: broker.url, homeAssistantUrl: simulator.url });
  cleanups.push(() => office.remove());
  const screen = await rawSubscriber(broker.url, [topics.arrivals], { clientId: 'hallway-screen' });
  cleanups.push(() => screen.close());
  const hub = await startOfficeHub(office, { homeAssistantToken: simulator.token });
  cleanups.push(() => hub.close());

  await hub.checkIn({ clinicianId: 'sam', slot: { kind: 'at', time: '14:00' }, wishes: ['softer-light'] });
  const [arrival] = (await hub.board()) as [Arrival];
  await hub.staff('setStatus', { arrivalId: arrival.id, status: 'with-clinician' });

  await screen.until((m) => arrivalEvents(m).length === 2, 'the check-in and the status change');
  const [checkedIn, seen] = arrivalEvents(screen.messages);
  expect([checkedIn!.topic, seen!.topic]).toEqual([topics.arrival(arrival.id), topics.arrival(arrival.id)]);
  expect([checkedIn!.retain, seen!.retain]).toEqual([false, false]);
  // Exactly these fields: no name, no source, no desk timestamps; the ids are random.
  expect(checkedIn!.event).toEqual({
    messageId: expect.stringMatching(/^[A-Za-z0-9_-]{20,40}$/),
    arrivalId: arrival.id,
    clinicianId: 'sam',
    slot: { kind: 'at', time: '14:00' },
    arrivedAt: arrival.arrivedAt,
    status: 'waiting',
    wishes: ['softer-light'],
  });
  expect(seen!.event).toEqual({ ...checkedIn!.event, messageId: expect.not.stringMatching(checkedIn!.event.messageId), status: 'with-clinician' });
});

it('room state is retained after a preset is applied, so a screen that starts later sees it at once', async () => {
  const simulator = await willowHome();
  const office = writeOffice({ brokerUrl: broker.url, homeAssistantUrl: simulator.url });
  cleanups.push(() => office.remove());
  const watching = await rawSubscriber(broker.url, [topics.roomState('willow')]);
  cleanups.push(() => watching.close());
  const hub = await startOfficeHub(office, { homeAssistantToken: simulator.token });
  cleanups.push(() => hub.close());

  await hub.untilRoom((room) => room.devices.every((device) => device.available), 'its devices from Home Assistant');
  await hub.staff('applyPreset', { roomId: 'willow', presetId: 'calm' });
  await watching.until((m) => roomStates(m).some(({ state }) => state.preset === 'calm' && state.devices['willow-lamp']?.state === 'on'), 'the room state with Calm applied');

  const late = await rawSubscriber(broker.url, [topics.roomState('willow')]);
  cleanups.push(() => late.close());
  const [retained] = roomStates(await late.until((m) => m.length > 0, 'the retained room state'));
  expect(retained!.retain).toBe(true);
  expect(Object.keys(retained!.state).sort()).toEqual(['devices', 'inSession', 'preset']);
  expect(retained!.state).toMatchObject({ preset: 'calm', inSession: false });
  // Calm: lamps low and warm, ceiling off.
  expect(Object.keys(retained!.state.devices).sort()).toEqual(['willow-ceiling', 'willow-door-sign', 'willow-lamp', 'willow-speaker', 'willow-strip']);
  expect(retained!.state.devices).toMatchObject({ 'willow-lamp': { state: 'on', brightnessPct: expect.any(Number) }, 'willow-ceiling': { state: 'off' } });
});

it('the hub reads as online while it runs and as offline, by its last will, once its process is killed', async () => {
  const office = writeOffice({ brokerUrl: broker.url });
  cleanups.push(() => office.remove());
  const presence = await rawSubscriber(broker.url, [topics.hubStatus]);
  cleanups.push(() => presence.close());
  const served = await serveOffice(office);
  cleanups.push(() => served.kill('SIGKILL'));
  await presence.until((m) => m.some((status) => status.text === '{"state":"online"}'), 'the hub to say it is online');

  const screen = await rawSubscriber(broker.url, [topics.hubStatus]);
  cleanups.push(() => screen.close());
  expect((await screen.until((m) => m.length > 0, 'the retained status'))[0]).toEqual({ topic: topics.hubStatus, text: '{"state":"online"}', retain: true });

  await served.kill('SIGKILL');
  await screen.until((m) => m.length === 2, 'the last will');
  expect(screen.messages[1]!.text).toBe('{"state":"offline"}');
  const later = await rawSubscriber(broker.url, [topics.hubStatus]);
  cleanups.push(() => later.close());
  expect((await later.until((m) => m.length > 0, 'the retained status'))[0]).toEqual({ topic: topics.hubStatus, text: '{"state":"offline"}', retain: true });
});

it('the kiosk\'s health reaches the desk, the bus (retained) and Home Assistant as a discovered sensor named for this hub', async () => {
  // An earlier version announced the sensor at a topic without the hub id; the broker still holds it.
  const formerTopic = 'homeassistant/sensor/stillroom_riverside_kiosk/config';
  const sensorTopic = `homeassistant/sensor/stillroom_riverside_${hubId.replaceAll('-', '_')}/kiosk/config`;
  const earlier = await rawSubscriber(broker.url, []);
  await earlier.client.publishAsync(formerTopic, JSON.stringify({ name: 'Stillroom kiosk', state_topic: 'stillroom/riverside/screens/kiosk/health' }), { qos: 1, retain: true });
  await earlier.close();

  const home = await willowHome();
  const office = writeOffice({ brokerUrl: broker.url, homeAssistantUrl: home.url });
  cleanups.push(() => office.remove());
  const filters = ['stillroom/riverside/screens/kiosk/health', 'homeassistant/sensor/#'];
  const now = await rawSubscriber(broker.url, filters);
  cleanups.push(() => now.close());
  const hub = await startOfficeHub(office, { homeAssistantToken: home.token });
  cleanups.push(() => hub.close());
  await hub.untilRoom((room) => room.homeAssistant.state === 'connected', 'Home Assistant connected');
  hub.hub.reportScreenHealth({ screen: 'kiosk', up: true, crashesToday: 2, lastReloadAt: '2026-11-22T09:15:00.000Z', showingFallback: true, gpuDisabled: false });

  await hub.desk.until((event) => event.type === 'health' && event.health.screens.some((screen) => screen.showingFallback), 'the desk to see the kiosk recovering');
  await now.until(
    (messages) =>
      messages.some((m) => m.topic === filters[0] && m.text.includes('recovering')) &&
      messages.some((m) => m.topic === sensorTopic) &&
      messages.some((m) => m.topic === formerTopic && m.text === ''),
    'the health, the sensor config, and the former sensor topic cleared',
  );
  // A system that subscribes after that (Home Assistant restarting) gets the health and one sensor, retained.
  // A marker published after subscribing arrives after every retained message the broker queued for it.
  const marker = 'stillroom/riverside/test/marker';
  const later = await rawSubscriber(broker.url, [...filters, marker]);
  cleanups.push(() => later.close());
  await later.client.publishAsync(marker, 'end', { qos: 1 });
  const seen = await later.until((messages) => messages.some((m) => m.topic === marker), 'the retained health and sensor config, then the marker');
  const health = seen.find((m) => m.topic === 'stillroom/riverside/screens/kiosk/health')!;
  expect(health.retain).toBe(true);
  expect(JSON.parse(health.text)).toEqual({ state: 'recovering', crashes_today: 2, last_reload_at: '2026-11-22T09:15:00.000Z', gpu_disabled: false });
  expect(seen.filter((m) => m.topic.startsWith('homeassistant/')).map((m) => m.topic)).toEqual([sensorTopic]);
  const sensor = JSON.parse(seen.find((m) => m.topic === sensorTopic)!.text) as Record<string, unknown>;
  // Home Assistant shows it as "Stillroom Kiosk": the device's name, then the entity's.
  expect(sensor).toMatchObject({ name: 'Kiosk', device: { name: 'Stillroom' }, state_topic: 'stillroom/riverside/screens/kiosk/health', value_template: '{{ value_json.state }}' });
});
