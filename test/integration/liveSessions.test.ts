/**
 * Sessions end when they should, live sockets included (issue 9: a socket kept streaming arrivals
 * after logout, and a room PIN's socket received every clinician's arrivals). Real HTTP and
 * WebSocket against an in-process hub on a writable office file, with a clock the test moves.
 * The shell's own desk window (a device session) is the exception to a PIN change, by design.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveServerMessage } from '../../main/contract/contract.ts';
import { createHub } from '../../main/hub/hub.ts';
import { silentLog } from '../../main/hub/log.ts';
import { hashPin } from '../../main/hub/staff/pin.ts';
import { sessionCookie, startHttpTransport } from '../../main/hub/transport/httpTransport.ts';
import { tempDir } from '../support/tempDir.ts';
import { deskAt, kioskAt, LiveSocket, post, repoRoot } from './support/hubClient.ts';

const deskPin = '2468';
const roomPin = '1357';

async function startOffice() {
  const dir = tempDir('sessions');
  const configPath = join(dir, 'office.yaml');
  writeFileSync(
    configPath,
    `practice: { name: Sessions Practice }
rooms:
  - { id: willow, name: Willow room }
  - { id: cedar, name: Cedar room }
clinicians:
  - { id: sam, displayName: Sam, colour: sage, symbol: leaf, room: willow }
  - { id: noor, displayName: Noor, colour: sky, symbol: wave, room: cedar }
  - { id: ana, displayName: Ana, colour: plum, symbol: moon }
privacy: { retention: 24h }
staff:
  pinHash: "${await hashPin(deskPin)}"
  roomPinHash: "${await hashPin(roomPin)}"
`,
  );
  let time = Date.now();
  const hub = await createHub({ configPath, dataDir: join(dir, 'data'), rendererDir: join(dir, 'none'), presetsDir: join(repoRoot, 'presets'), log: silentLog, env: {}, now: () => time });
  const http = await startHttpTransport(hub, { port: 0 });
  return {
    hub,
    url: http.url,
    later: (ms: number) => (time += ms),
    close: async () => {
      await http.close();
      await hub.close();
    },
  };
}

/** A signed-in screen's live socket subscribed to `arrivals` (for `room`, when given). */
async function liveArrivals(url: string, pin: string, room?: string) {
  const screen = deskAt(url);
  const login = await screen.login(pin);
  if (!login.body.ok) throw new Error(login.body.error.message);
  const socket = await LiveSocket.open(url, screen.cookie());
  const closed = new Promise<number>((resolve) => socket.ws.once('close', (code) => resolve(code)));
  socket.send({ type: 'subscribe', topic: 'arrivals', ...(room ? { room } : {}) });
  expect(await socket.next()).toEqual({ type: 'subscribed', topic: 'arrivals' });
  return { screen, socket, closed };
}

const checkIn = (url: string, clinicianId: string | null) => kioskAt(url).checkIn({ clinicianId, slot: { kind: 'later' }, wishes: [] });
const ended: LiveServerMessage = { type: 'refused', topic: 'arrivals', error: { code: 'needs-pin', message: 'Your sign-in has ended. Please enter the PIN again.' } };

let office: Awaited<ReturnType<typeof startOffice>> | undefined;
afterEach(async () => {
  await office?.close();
  office = undefined;
});

describe('a live socket ends with its session', () => {
  it('is told and closed at logout, and hears of no arrival after it', async () => {
    office = await startOffice();
    const { screen, socket, closed } = await liveArrivals(office.url, deskPin);
    const other = await liveArrivals(office.url, deskPin);
    await screen.logout();
    expect(await socket.next()).toEqual(ended);
    expect(await closed).toBe(1008);

    // The other desk's session is its own: it still hears the next check-in.
    await checkIn(office.url, 'sam');
    expect(await other.socket.next()).toMatchObject({ type: 'event', event: { type: 'arrival', change: 'checked-in' } });
    other.socket.close();
  });

  it('is closed when its session expires, before the next arrival reaches it', async () => {
    office = await startOffice();
    const { socket, closed } = await liveArrivals(office.url, deskPin);
    office.later(12 * 3_600_000 + 1000);
    await checkIn(office.url, 'sam');
    expect(await socket.next()).toEqual(ended);
    expect(await closed).toBe(1008);
  });

  it('is closed at once when the PIN that opened it is changed', async () => {
    office = await startOffice();
    const { screen, socket, closed } = await liveArrivals(office.url, deskPin);
    // The desk PIN is also this office's admin PIN; the admin changes it.
    const changed = await screen.call('setPin', { role: 'desk', pin: '975310' });
    expect(changed.body.ok).toBe(true);
    expect(await socket.next()).toEqual(ended);
    expect(await closed).toBe(1008);
    expect((await screen.board()).status).toBe(401);
  });
});

describe("the shell's own desk window (a device session, staffAccess.openDeviceSession)", () => {
  it('keeps its live feed through a PIN change by design, and loses it at logout', async () => {
    office = await startOffice();
    const cookie = `${sessionCookie}=${office.hub.staff.openDeviceSession('desk').token}`;
    const socket = await LiveSocket.open(office.url, cookie);
    const closed = new Promise<number>((resolve) => socket.ws.once('close', (code) => resolve(code)));
    socket.send({ type: 'subscribe', topic: 'arrivals' });
    expect(await socket.next()).toEqual({ type: 'subscribed', topic: 'arrivals' });

    // The admin (the desk PIN is this office's admin PIN) changes the desk PIN at another screen.
    const admin = deskAt(office.url);
    expect((await admin.login(deskPin)).body.ok).toBe(true);
    expect((await admin.call('setPin', { role: 'desk', pin: '975310' })).body.ok).toBe(true);

    // The shell's desk still hears the next check-in (saving the office file may first tell open
    // boards to reload) and still reads the board.
    await checkIn(office.url, 'sam');
    let heard = await socket.next();
    while (heard.type === 'event' && heard.event.type === 'board-reset') heard = await socket.next();
    expect(heard).toMatchObject({ type: 'event', event: { type: 'arrival', change: 'checked-in' } });
    expect((await post(office.url, '/api/call/deskBoard', {}, { cookie })).status).toBe(200);

    // Signing that window out ends its session and closes its socket.
    await post(office.url, '/api/staff/logout', {}, { cookie });
    expect(await socket.next()).toEqual(ended);
    expect(await closed).toBe(1008);
    expect((await post(office.url, '/api/call/deskBoard', {}, { cookie })).status).toBe(401);
  });
});

describe("a room screen's feed", () => {
  it("carries only its own room's clinicians' arrivals, without the desk's last change", async () => {
    office = await startOffice();
    const willow = await liveArrivals(office.url, roomPin, 'willow');
    const anyRoom = await liveArrivals(office.url, roomPin);
    const desk = await liveArrivals(office.url, deskPin);
    for (const clinicianId of ['noor', null, 'ana', 'sam']) await checkIn(office.url, clinicianId);

    const clinicianOf = async (socket: LiveSocket) => {
      const message = await socket.next();
      if (message.type !== 'event' || message.event.type !== 'arrival') throw new Error(`expected an arrival, got ${JSON.stringify(message)}`);
      expect(message.event.lastChange).toBeNull();
      return message.event.arrival.clinicianId;
    };
    // Messages arrive in order, so the first one willow hears is Sam's only if nothing came before it.
    expect(await clinicianOf(willow.socket)).toBe('sam');
    expect([await clinicianOf(anyRoom.socket), await clinicianOf(anyRoom.socket)]).toEqual(['noor', 'sam']);
    const deskHeard: (string | null)[] = [];
    for (let n = 0; n < 4; n++) {
      const message = await desk.socket.next();
      if (message.type === 'event' && message.event.type === 'arrival') deskHeard.push(message.event.arrival.clinicianId);
    }
    expect(deskHeard).toEqual(['noor', null, 'ana', 'sam']);
    for (const each of [willow, anyRoom, desk]) each.socket.close();
  });
});
