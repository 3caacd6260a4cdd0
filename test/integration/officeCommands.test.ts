/**
 * Room commands from the bus (wall switches, Node-RED): anything malformed, oversized, unknown or
 * retained is dropped with its reason in the hub's log, and the hub keeps serving.
 */
import mqtt from 'mqtt';
import { afterEach, expect, it } from 'vitest';
import { startHomeAssistantSimulator } from '../../main/devices/homeAssistant/simulator/index.ts';
import { rawSubscriber, startMosquitto } from './support/mosquitto.ts';
import { arrivalEvents, startOfficeHub, topics, writeOffice, type LogLine } from './support/officeBus.ts';
import { willowDevices } from './support/roomOffice.ts';

const cleanups: (() => unknown)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const dropped = (line: LogLine) => line.message === 'room command dropped';

it('bad room commands are dropped with a reason, and the hub keeps serving', async () => {
  const broker = await startMosquitto();
  cleanups.push(() => broker.dispose());
  const home = await startHomeAssistantSimulator({ entities: willowDevices });
  cleanups.push(() => home.close());
  const office = writeOffice({ brokerUrl: broker.url, homeAssistantUrl: home.url });
  cleanups.push(() => office.remove());
  const wallSwitch = await mqtt.connectAsync(broker.url, { protocolVersion: 5 });
  cleanups.push(() => wallSwitch.endAsync(true));
  // Left on the broker before the hub starts: replayed to it on subscribe, as on every restart.
  await wallSwitch.publishAsync(topics.roomCommand('willow'), '{"action":"start-session"}', { qos: 1, retain: true });

  const hub = await startOfficeHub(office, { homeAssistantToken: home.token });
  cleanups.push(() => hub.close());
  await hub.untilRoom((room) => room.devices.every((device) => device.available), 'its devices from Home Assistant');
  // Dropping the replayed command also tells us the hub is subscribed.
  await hub.log.until(dropped, 'the retained command to be dropped');
  const send = (topic: string, payload: string | Buffer) => wallSwitch.publishAsync(topic, payload, { qos: 1 });
  await send(topics.roomCommand('willow'), '{"action":"apply-preset",');
  await send(topics.roomCommand('willow'), '{"action":"apply-preset","preset":42}');
  await send(topics.roomCommand('willow'), '{"action":"start-session","room":"willow"}');
  await send(topics.roomCommand('willow'), Buffer.alloc(1024 * 1024, '{'));
  await send(topics.roomCommand('attic'), '{"action":"start-session"}');
  await send(topics.roomCommand('willow'), '{"action":"apply-preset","preset":"disco"}');

  await hub.log.until((line) => dropped(line) && line['reason'] === 'unknown preset', 'the last bad command to be dropped');
  expect(hub.log.items.filter(dropped).map((line) => [line.level, line['topic'], line['reason']])).toEqual([
    ['warn', topics.roomCommand('willow'), 'retained commands are ignored: they would be replayed on every restart'],
    ['warn', topics.roomCommand('willow'), 'payload is not JSON'],
    ['warn', topics.roomCommand('willow'), expect.stringMatching(/^payload does not match a room command/)],
    ['warn', topics.roomCommand('willow'), expect.stringMatching(/^payload does not match a room command/)],
    ['warn', topics.roomCommand('willow'), 'payload of 1048576 bytes is over the 4096-byte limit'],
    ['warn', topics.roomCommand('attic'), 'unknown room'],
    ['warn', topics.roomCommand('willow'), 'unknown preset'],
  ]);
  // The log keeps the reason, never the body.
  expect(Math.max(...hub.log.items.map((line) => JSON.stringify(line).length))).toBeLessThan(1000);

  await send(topics.roomCommand('willow'), '{"action":"apply-preset","preset":"calm"}');
  const room = await hub.untilRoom((view) => view.preset?.id === 'calm', 'Calm applied from the bus');
  expect(room.inSession).toBe(false);
  const screen = await rawSubscriber(broker.url, [topics.arrivals]);
  cleanups.push(() => screen.close());
  await hub.checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] });
  await screen.until((m) => arrivalEvents(m).length === 1, 'the check-in on the bus');
});
