/**
 * A PIN per role: a room screen's PIN opens rooms and who is waiting, not the desk; the desk's PIN
 * opens the day, not "wipe today"; the admin PIN opens everything. Over real HTTP and WebSocket.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../main/hub/hub.ts';
import { silentLog } from '../../main/hub/log.ts';
import { hashPin } from '../../main/hub/staff/pin.ts';
import { startHttpTransport, type HttpTransport } from '../../main/hub/transport/httpTransport.ts';
import { deskAt, demoConfig, LiveSocket, newDataDir } from './support/hubClient.ts';

const pins = { room: '1357', desk: '2468', admin: '9753' };
let hub: Hub;
let http: HttpTransport;

beforeAll(async () => {
  const dataDir = newDataDir();
  // The demo office without its simulated Home Assistant, with three PINs.
  const office = readFileSync(demoConfig, 'utf8')
    .replace(/^homeAssistant:[\s\S]*?\n(?=\S)/m, '')
    .replace(/pinHash: ".*"/, `pinHash: "${await hashPin(pins.desk)}"\n  roomPinHash: "${await hashPin(pins.room)}"\n  adminPinHash: "${await hashPin(pins.admin)}"`);
  writeFileSync(join(dataDir, 'office.yaml'), office);
  hub = await createHub({ configPath: join(dataDir, 'office.yaml'), dataDir, rendererDir: join(dataDir, 'none'), log: silentLog });
  http = await startHttpTransport(hub, { port: 0 });
});
afterAll(async () => {
  await http.close();
  await hub.close();
});

async function signedIn(pin: string) {
  const screen = deskAt(http.url);
  const login = await screen.login(pin);
  expect(login.status).toBe(200);
  return screen;
}

describe('a PIN per role', () => {
  it('the room PIN opens a room and who is waiting for it, but not the desk', async () => {
    const room = await signedIn(pins.room);
    expect((await room.call('roomView', { roomId: 'willow' })).status).toBe(200);
    expect((await room.call('roomWaiting', { roomId: 'willow' })).status).toBe(200);
    const desk = await room.call('deskBoard', {});
    expect(desk.status).toBe(403);
    expect(desk.body).toEqual({ ok: false, error: { code: 'not-allowed', message: 'This needs the desk PIN; this screen is signed in with the room PIN.' } });

    const socket = await LiveSocket.open(http.url, room.cookie());
    socket.send({ type: 'subscribe', topic: 'arrivals' });
    expect(await socket.next()).toEqual({ type: 'subscribed', topic: 'arrivals' });
    socket.send({ type: 'subscribe', topic: 'health' });
    expect(await socket.next()).toMatchObject({ type: 'refused', topic: 'health' });
    socket.close();
  });

  it('the desk PIN opens the day but not "wipe today"', async () => {
    const desk = await signedIn(pins.desk);
    expect((await desk.call('deskBoard', {})).status).toBe(200);
    expect((await desk.call('roomView', { roomId: 'willow' })).status).toBe(200);
    const wipe = await desk.call('wipeToday', {});
    expect(wipe.status).toBe(403);
    expect(wipe.body).toMatchObject({ error: { message: 'This needs the admin PIN; this screen is signed in with the desk PIN.' } });
  });

  it('the admin PIN opens everything', async () => {
    const admin = await signedIn(pins.admin);
    expect((await admin.call('deskBoard', {})).status).toBe(200);
    expect((await admin.call('wipeToday', {})).status).toBe(200);
  });

  it('only the admin PIN lets staff leave the kiosk by its hidden exit', async () => {
    expect(await hub.staff.checkAdminPin(pins.desk, 'test exit')).toBe(false);
    expect(await hub.staff.checkAdminPin(pins.admin, 'test exit')).toBe(true);
  });

  it('says which role a session has', async () => {
    const room = await signedIn(pins.room);
    const answer = await fetch(`${http.url}/api/staff/session`, { headers: { cookie: room.cookie()! } });
    expect(await answer.json()).toEqual({ staff: true, access: 'room' });
  });
});
