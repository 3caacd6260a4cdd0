/**
 * Room commands from the bus (wall switches, Node-RED): anything malformed, oversized, unknown or
 * retained is dropped with its reason in the hub's log, and the hub keeps serving, through the
 * named cases and through thousands of generated ones.
 */
import mqtt from 'mqtt';
import { afterEach, expect, it } from 'vitest';
import { startHomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';
import { RoomCommand } from '../../main/hub/devices/mqtt/officeBus.ts';
import { junkValue, mutate, seededRandom } from './support/junk.ts';
import { rawSubscriber, startMosquitto } from './support/mosquitto.ts';
import { arrivalEvents, startOfficeHub, topics, writeOffice, type LogLine } from './support/officeBus.ts';
import { willowDevices } from './support/roomOffice.ts';

const cleanups: (() => unknown)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const dropped = (line: LogLine) => line.message === 'room command dropped';

/** A broker, Willow's devices in Home Assistant, the office written for both, and a client publishing on the bus. */
async function busAndHome() {
  const broker = await startMosquitto();
  cleanups.push(() => broker.dispose());
  const home = await startHomeAssistantSimulator({ entities: willowDevices });
  cleanups.push(() => home.close());
  const office = writeOffice({ brokerUrl: broker.url, homeAssistantUrl: home.url });
  cleanups.push(() => office.remove());
  const sender = await mqtt.connectAsync(broker.url, { protocolVersion: 5 });
  cleanups.push(() => sender.endAsync(true));
  const startHub = async () => {
    const hub = await startOfficeHub(office, { homeAssistantToken: home.token });
    cleanups.push(() => hub.close());
    await hub.untilRoom((room) => room.devices.every((device) => device.available), 'its devices from Home Assistant');
    return hub;
  };
  return { broker, sender, startHub };
}

it('bad room commands are dropped with a reason, and the hub keeps serving', async () => {
  const { broker, sender: wallSwitch, startHub } = await busAndHome();
  // Left on the broker before the hub starts: replayed to it on subscribe, as on every restart.
  await wallSwitch.publishAsync(topics.roomCommand('willow'), '{"action":"start-session"}', { qos: 1, retain: true });

  const hub = await startHub();
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
    // A room the office does not have is the sender's text: never logged, only its length.
    ['warn', `(a room this office does not have, ${Buffer.byteLength(topics.roomCommand('attic'))} bytes)`, 'unknown room'],
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

it('drops every malformed command among 2,000 generated ones, and keeps serving', async () => {
  const { sender, startHub } = await busAndHome();
  const hub = await startHub();
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

/** A hub whose room-command subscription is in place: the retained command left on the broker is replayed to it on subscribe, and dropped. */
async function subscribedHub(wallSwitch: mqtt.MqttClient, startHub: () => ReturnType<Awaited<ReturnType<typeof busAndHome>>['startHub']>) {
  await wallSwitch.publishAsync(topics.roomCommand('willow'), '{"action":"end-session"}', { qos: 1, retain: true });
  const hub = await startHub();
  await hub.log.until((line) => dropped(line) && String(line['reason']).startsWith('retained'), 'the hub to subscribe to room commands');
  return hub;
}

it('a wall-switch command sent while the hub was down is not applied when the hub comes back', async () => {
  const { sender: wallSwitch, startHub } = await busAndHome();
  const first = await subscribedHub(wallSwitch, startHub);
  // The hub's session (clean: false, one day's expiry) now holds its subscription to room commands.
  await wallSwitch.publishAsync(topics.roomCommand('willow'), '{"action":"apply-preset","preset":"focus"}', { qos: 1 });
  await first.untilRoom((room) => room.preset?.id === 'focus', 'Focus applied live');
  await first.close();

  // Pressed while the hub is away (a power cut, an update): nobody is in the room when it returns.
  await wallSwitch.publishAsync(topics.roomCommand('willow'), '{"action":"start-session"}', { qos: 1 });
  await wallSwitch.publishAsync(topics.roomCommand('willow'), '{"action":"apply-preset","preset":"calm"}', { qos: 1 });

  const again = await subscribedHub(wallSwitch, startHub);
  // On one topic the broker keeps order: once this live command is applied, anything queued before it was handled.
  await wallSwitch.publishAsync(topics.roomCommand('willow'), '{"action":"apply-preset","preset":"warm-welcome"}', { qos: 1 });
  const room = await again.untilRoom((view) => view.preset?.id === 'warm-welcome', 'the live command applied after the restart');
  expect(room.inSession).toBe(false);
});

it('a command whose sentAt is old is dropped as stale; a fresh one applies', async () => {
  const { sender: wallSwitch, startHub } = await busAndHome();
  const hub = await subscribedHub(wallSwitch, startHub);
  const send = (payload: object) => wallSwitch.publishAsync(topics.roomCommand('willow'), JSON.stringify(payload), { qos: 1 });
  await send({ action: 'start-session', sentAt: Date.now() - 2 * 60 * 60 * 1000 });
  await hub.log.until((line) => dropped(line) && String(line['reason']).startsWith('stale'), 'the two-hour-old command to be dropped');
  await send({ action: 'apply-preset', preset: 'calm', sentAt: Date.now() });
  const room = await hub.untilRoom((view) => view.preset?.id === 'calm', 'a fresh timestamped command applied');
  expect(room.inSession).toBe(false);
});
