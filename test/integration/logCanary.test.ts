/**
 * Logs hold no visit history and no untrusted text (issue 9, item 9). A real `stillroom serve` on
 * a real broker is sent a canary ("Jane Doe 555-0100", the kind of text a person might type)
 * through every input an outsider controls: office-bus topics, keys and values; HTTP paths,
 * queries, headers, cookies and bodies; WebSocket messages. Then its log file, its standard error
 * and every file in its data folder are searched for it. Check-ins leave no line of their own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { kioskAt, post } from './support/hubClient.ts';
import { rawSubscriber, startMosquitto, type Mosquitto, type RawSubscriber } from './support/mosquitto.ts';
import { serveOffice, signedInDesk, topics, writeOffice } from './support/officeBus.ts';

const canary = 'Jane Doe 555-0100';
const pieces = ['Jane', '555-0100', 'Jane%20Doe', 'Jane+Doe'];

let broker: Mosquitto;
let wallSwitch: RawSubscriber;
beforeAll(async () => {
  broker = await startMosquitto();
  wallSwitch = await rawSubscriber(broker.url, []);
});
afterAll(async () => {
  await wallSwitch.close();
  await broker.dispose();
});

it('no canary from the bus, HTTP or a live socket reaches the log or the data folder, and check-ins log nothing', async () => {
  const office = writeOffice({ brokerUrl: broker.url });
  // Left on the broker before the hub starts: dropping it on subscribe tells us the hub listens.
  await wallSwitch.client.publishAsync(topics.roomCommand('willow'), '{"action":"start-session"}', { qos: 1, retain: true });
  const hub = await serveOffice(office);
  let stderr = '';
  hub.child.stderr!.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const logged = (message: string) => stderr.split('\n').filter((line) => line.includes(`"message":"${message}"`)).length;
  const untilLogged = (message: string, count: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`expected ${count} "${message}" lines, got ${logged(message)}:\n${stderr}`)), 15_000);
      const look = () => {
        if (logged(message) < count) return;
        clearTimeout(timer);
        hub.child.stderr!.off('data', look);
        resolve();
      };
      hub.child.stderr!.on('data', look);
      look();
    });
  try {
    // The office bus: a topic, an unknown key, a value, a preset name, a payload that is not JSON.
    const send = (topic: string, payload: string) => wallSwitch.client.publishAsync(topic, payload, { qos: 1 });
    await untilLogged('room command dropped', 1);
    await wallSwitch.client.publishAsync(topics.roomCommand('willow'), '', { qos: 1, retain: true });
    await send(topics.roomCommand(canary), '{"action":"start-session"}');
    await send(topics.roomCommand('willow'), JSON.stringify({ action: 'start-session', [canary]: 1 }));
    await send(topics.roomCommand('willow'), JSON.stringify({ action: 'apply-preset', preset: canary }));
    await send(topics.roomCommand('willow'), JSON.stringify({ action: canary }));
    await send(topics.roomCommand('willow'), `{"${canary}"`);
    await untilLogged('room command dropped', 6);

    // HTTP: paths, a query, headers, a cookie, body keys and values, a PIN.
    const kiosk = kioskAt(hub.url);
    await post(hub.url, `/api/call/${encodeURIComponent(canary)}`, {});
    await post(hub.url, `/api/${encodeURIComponent(canary)}?who=${encodeURIComponent(canary)}`, {});
    await fetch(`${hub.url}/${encodeURIComponent(canary)}?q=${encodeURIComponent(canary)}`, { headers: { 'user-agent': canary, referer: `http://x/${canary}` } });
    await kiosk.checkIn({ clinicianId: canary, slot: { kind: 'unsure' }, wishes: [] } as never);
    await kiosk.call('checkIn', { clinicianId: 'sam', slot: { kind: 'at', time: canary }, wishes: [canary], [canary]: true });
    await post(hub.url, '/api/call/checkIn', `{"${canary}":`);
    await post(hub.url, '/api/call/checkIn', { clinicianId: 'sam', slot: { kind: 'unsure' }, wishes: [] }, { cookie: `stillroom_staff=${encodeURIComponent(canary)}`, headers: { 'x-forwarded-for': canary } });
    await post(hub.url, '/api/staff/login', { pin: canary });
    await post(hub.url, '/api/staff/login', { pin: '9999', [canary]: 1 });
    const desk = await signedInDesk(hub.url);
    await desk.call('setStatus', { arrivalId: canary, status: canary });
    await desk.call('roomView', { roomId: canary });

    // A live socket: an unknown topic, an unknown key, text that is not JSON.
    const ws = new WebSocket(`${hub.url.replace(/^http/, 'ws')}/api/live`, { headers: { cookie: desk.cookie()! } });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const answers: string[] = [];
    const answered = new Promise<void>((resolve) => ws.on('message', (data) => answers.push(String(data)) === 3 && resolve()));
    ws.send(JSON.stringify({ type: 'subscribe', topic: canary }));
    ws.send(JSON.stringify({ type: 'subscribe', topic: 'arrivals', [canary]: 1 }));
    ws.send(canary);
    await answered;
    ws.terminate();

    // Check-ins, at the kiosk and the desk: none of them leaves a line of its own.
    const before = stderr.split('\n').length;
    for (let n = 0; n < 5; n++) expect((await kiosk.checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: ['softer-light'] })).status).toBe(200);
    expect((await desk.checkIn({ clinicianId: 'sam', slot: { kind: 'at', time: '10:00' }, wishes: [] })).status).toBe(200);
    // A command after all of that, whose answer says every earlier message was handled. This office's
    // room has no devices, so the hub refuses the preset (and logs that it did) rather than applying it.
    await send(topics.roomCommand('willow'), '{"action":"apply-preset","preset":"calm"}');
    await untilLogged('a room command from the bus was refused', 1);
    const linesPerCheckIn = stderr.split('\n').slice(before - 1).filter((line) => /checked in|"clinician"/.test(line));
    expect(linesPerCheckIn).toEqual([]);
  } finally {
    await hub.kill();
  }

  const logFile = readFileSync(join(office.dataDir, 'logs', 'stillroom.log'), 'utf8');
  expect(logFile.split('\n').length).toBeGreaterThan(5);
  for (const piece of pieces) {
    expect(stderr.split('\n').filter((line) => line.includes(piece))).toEqual([]);
    expect(logFile.split('\n').filter((line) => line.includes(piece))).toEqual([]);
  }
  const files = readdirSync(office.dataDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  for (const file of files) expect(readFileSync(join(file.parentPath, file.name)).includes(Buffer.from('Jane')), file.name).toBe(false);
});
