/**
 * Thousands of generated invalid payloads against every API endpoint and the live socket: the hub
 * answers each with a 4xx and a message for a person (or accepts it only if the contract says it
 * is valid), never a 5xx, never internals, never a hang, and keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedures, type ProcedureName } from '../../main/contract/contract.ts';
import { deskAt, demoPin, kioskAt, LiveSocket, post, startHub, type RunningHub } from './support/hubClient.ts';
import { junkValue, mutate, seededRandom } from './support/junk.ts';

const casesPerEndpoint = 250;
const validExamples: Record<ProcedureName, Record<string, unknown>> = {
  kioskSetup: {},
  staffSetup: {},
  checkIn: { clinicianId: 'sam', slot: { kind: 'at', time: '14:30' }, wishes: ['softer-light'] },
  deskBoard: {},
  setStatus: { arrivalId: 'AAAAAAAAAAAAAAAAAAAAAA', status: 'with-clinician' },
  undo: {},
  removeArrival: { arrivalId: 'AAAAAAAAAAAAAAAAAAAAAA' },
  checkInAtDesk: { clinicianId: 'noor', slot: { kind: 'later' }, wishes: [] },
  assignClinician: { arrivalId: 'AAAAAAAAAAAAAAAAAAAAAA', clinicianId: 'sam' },
  wipeToday: {},
  acknowledge: { arrivalId: 'AAAAAAAAAAAAAAAAAAAAAA' },
  officeHealth: {},
  roomsOverview: {},
  roomView: { roomId: 'willow' },
  roomWaiting: { roomId: 'willow' },
  applyPreset: { roomId: 'willow', presetId: 'calm' },
  fineTune: { roomId: 'willow', brightness: 50, volume: 0.1 },
  saveRoomAsPreset: { roomId: 'willow', name: 'Soft evening' },
  startSession: { roomId: 'willow' },
  endSession: { roomId: 'willow' },
  adminOffice: {},
  restartHub: {},
  saveClinician: { clinician: { id: 'ash', displayName: 'Ash', colour: 'moss', symbol: 'sun', room: null, days: ['mon'], push: null, cueLight: null, escalateAfterMinutes: null }, isNew: true },
  retireClinician: { clinicianId: 'sam' },
  // Port 9 (discard) answers nothing: a valid payload is refused quickly as unreachable.
  testHomeAssistant: { url: 'http://127.0.0.1:9', token: 'not-a-token' },
  saveHomeAssistant: { url: 'http://127.0.0.1:9', token: null },
  homeAssistantAreas: {},
  saveSettings: { askAppointmentTime: true, offerComfortWishes: true, idleSeconds: 45, gentleWaitMinutes: 10, longWaitMinutes: 20, chime: true },
  setPin: { role: 'room', pin: '135790' },
  setPins: { desk: '864209', admin: null, room: null },
  savePractice: { name: 'Willow Street Practice' },
  removeRoom: { roomId: 'willow' },
  testMqtt: { url: 'mqtt://127.0.0.1:9', site: 'willow', username: null, password: null },
  saveMqtt: { url: 'mqtt://127.0.0.1:9', site: 'willow', username: 'desk', password: 'not-a-password' },
  addRoom: { roomId: 'oak', name: 'Oak room', ceiling: ['light.oak_ceiling'], lamp: [], accent: [], speaker: null, doorSign: null },
  adminPresets: {},
  savePreset: { presetId: 'calm', name: 'Calm', description: 'Soft and warm.', swatch: '#d9a46c', transitionSeconds: 10, session: { doorSign: true, masking: true } },
  deletePreset: { presetId: 'calm' },
  hidePreset: { presetId: 'calm', hidden: true },
};

let running: RunningHub;
let cookie: string;
beforeAll(async () => {
  running = await startHub();
  const desk = deskAt(running.url);
  await desk.login(demoPin);
  cookie = desk.cookie()!;
});
afterAll(() => running.close());

/** Nothing a person reads may look like code: no stack frames, paths or exception names. */
const internals = /\bat .+:\d+|node_modules|\/work\/|TypeError|ReferenceError|SqliteError|ZodError|undefined is not/;

describe('fuzzing', () => {
  it.each(Object.keys(procedures) as ProcedureName[])('%s answers every generated payload with a 4xx, or accepts only what the contract allows', async (name) => {
    const random = seededRandom(name.length * 7919);
    for (let i = 0; i < casesPerEndpoint; i++) {
      // The JSON text is what the hub receives, so the contract judges that same text.
      const text = JSON.stringify(i % 2 === 0 ? mutate(validExamples[name], random) : junkValue(random));
      const answer = await post(running.url, `/api/call/${name}`, text, { cookie });
      const replay = `case ${i}: ${text.slice(0, 200)}`;
      expect(answer.status, replay).toBeLessThan(500);
      if (answer.status < 300) {
        expect(procedures[name].input.safeParse(JSON.parse(text)).success, `accepted an invalid payload, ${replay}`).toBe(true);
      } else {
        expect(answer.body.ok, replay).toBe(false);
        if (!answer.body.ok) expect(answer.body.error.message, replay).not.toMatch(internals);
      }
    }
  });

  it('the PIN sign-in answers every generated payload with a 4xx', async () => {
    const random = seededRandom(4242);
    for (let i = 0; i < casesPerEndpoint; i++) {
      const text = JSON.stringify(i % 2 === 0 ? mutate({ pin: '1234' }, random) : junkValue(random));
      // After a few wrong PINs the throttle answers 429: that is a 4xx too.
      const answer = await post(running.url, '/api/staff/login', text);
      expect(answer.status, text.slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    }
  });

  it('the live socket answers every generated message (or closes after too many it cannot understand) and keeps delivering', async () => {
    const random = seededRandom(99);
    let socket = await LiveSocket.open(running.url, cookie);
    let closedForNonsense = 0;
    let sent = 0;
    while (sent < 500) {
      const text = JSON.stringify(sent % 2 === 0 ? mutate({ type: 'subscribe', topic: 'arrivals' }, random) : junkValue(random));
      // Messages over the 4 KB limit close the socket instead (next test); these all fit.
      if (text === undefined || Buffer.byteLength(text) > 4096) continue;
      const closed = new Promise<number>((resolve) => socket.ws.once('close', (code) => resolve(code)));
      socket.send(text);
      sent++;
      const reply = await Promise.race([socket.next(), closed]);
      if (typeof reply === 'number') {
        // A socket that keeps sending nonsense is closed (liveSocket.ts); a screen would reconnect.
        expect(reply).toBe(1008);
        closedForNonsense++;
        socket.close();
        socket = await LiveSocket.open(running.url, cookie);
        continue;
      }
      expect(['invalid', 'refused', 'subscribed'], text.slice(0, 200)).toContain(reply.type);
    }
    expect(closedForNonsense).toBeGreaterThan(0);
    // Still a working subscription after all that.
    socket.send({ type: 'subscribe', topic: 'arrivals' });
    await socket.next();
    await kioskAt(running.url).checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] });
    let event = await socket.next();
    while (event.type !== 'event') event = await socket.next();
    expect(event.event.type).toBe('arrival');
    socket.close();
  });

  it('closes a live socket that sends a message over 4 KB, and a new one works', async () => {
    const socket = await LiveSocket.open(running.url, cookie);
    const closed = new Promise<number>((resolve) => socket.ws.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'subscribe', topic: 'x'.repeat(8000) }));
    expect(await closed).toBe(1009);
    const again = await LiveSocket.open(running.url, cookie);
    again.send({ type: 'subscribe', topic: 'arrivals' });
    expect((await again.next()).type).toBe('subscribed');
    again.close();
  });

  it('still serves a normal check-in afterwards', async () => {
    const answer = await kioskAt(running.url).checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] });
    expect(answer.status).toBe(200);
  });
});
