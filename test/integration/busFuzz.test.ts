/**
 * Thousands of generated payloads on the bus topics the hub listens to: each is either a valid
 * room command or dropped with a logged reason; nothing crashes, nothing is logged as an error,
 * and the hub keeps serving.
 */
import mqtt from 'mqtt';
import { afterEach, expect, it } from 'vitest';
import { startHomeAssistantSimulator } from '../../main/devices/homeAssistant/simulator/index.ts';
import { RoomCommand } from '../../main/devices/mqtt/officeBus.ts';
import { startMosquitto } from './support/mosquitto.ts';
import { junkValue, mutate, seededRandom } from './support/junk.ts';
import { startOfficeHub, topics, writeOffice, type LogLine } from './support/officeBus.ts';
import { willowDevices } from './support/roomOffice.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const dropped = (line: LogLine) => line.message === 'room command dropped';

it('drops every malformed command among 2,000 generated ones, and keeps serving', async () => {
  const broker = await startMosquitto();
  cleanups.push(() => broker.dispose());
  const home = await startHomeAssistantSimulator({ entities: willowDevices });
  cleanups.push(() => home.close());
  const office = writeOffice({ brokerUrl: broker.url, homeAssistantUrl: home.url });
  cleanups.push(() => office.remove());
  const hub = await startOfficeHub(office, { homeAssistantToken: home.token });
  cleanups.push(() => hub.close());
  await hub.untilRoom((room) => room.devices.every((device) => device.available), 'its devices');

  const sender = await mqtt.connectAsync(broker.url, { protocolVersion: 5 });
  cleanups.push(() => sender.endAsync(true));
  const random = seededRandom(2026);
  const rooms = ['willow', 'attic', '+', 'willow/extra', 'Willow', ''];
  let valid = 0;
  for (let i = 0; i < 2000; i++) {
    const value = i % 2 === 0 ? mutate({ action: 'apply-preset', preset: 'calm' }, random) : junkValue(random);
    const text = i % 97 === 0 ? '\u0000\u00ff not json' : JSON.stringify(value) ?? 'undefined';
    const room = i % 5 === 0 ? rooms[Math.floor(random() * rooms.length)]! : 'willow';
    const topic = `stillroom/riverside/rooms/${room}/set`;
    if (room.includes('+')) continue; // a wildcard cannot be published to
    if (room === 'willow' && RoomCommand.safeParse(JSON.parse(text.startsWith('\u0000') ? 'null' : text)).success) valid++;
    await sender.publishAsync(topic, text, { qos: 1 });
  }
  // On one topic the broker keeps order: once this last one is dropped, all before it were handled.
  await sender.publishAsync(topics.roomCommand('willow'), '{"action":"apply-preset","preset":"the-end"}', { qos: 1 });
  await hub.log.until((line) => dropped(line) && line['reason'] === 'unknown preset' && hub.log.items.filter(dropped).length > 1000, 'the last command to be dropped', { timeoutMs: 60_000 });

  expect(hub.log.items.filter((line) => line.level === 'error')).toEqual([]);
  expect(hub.log.items.filter(dropped).length).toBeGreaterThan(1500 - valid);
  // Still serving: a check-in goes through and a valid command applies.
  await hub.checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] });
  await sender.publishAsync(topics.roomCommand('willow'), '{"action":"apply-preset","preset":"focus"}', { qos: 1 });
  await hub.untilRoom((room) => room.preset?.id === 'focus', 'Focus applied from the bus');
}, 90_000);
