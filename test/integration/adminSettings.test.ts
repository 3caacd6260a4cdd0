/**
 * The kiosk's and desk's settings and the PINs, set from the admin page: written into the office
 * file (comments kept), refused with the field named when they do not fit, in force at once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminOffice, KioskSetup } from '../../main/contract/contract.ts';
import { createHub, type Hub } from '../../main/hub/hub.ts';
import { silentLog } from '../../main/hub/log.ts';
import { startHttpTransport, type HttpTransport } from '../../main/hub/transport/httpTransport.ts';
import { deskAt, demoConfig, demoPin, kioskAt, newDataDir } from './support/hubClient.ts';

let hub: Hub;
let http: HttpTransport;
let file: string;
let original: string;
let admin: ReturnType<typeof deskAt>;
const settings = { askAppointmentTime: true, offerComfortWishes: true, idleSeconds: 45, gentleWaitMinutes: 10, longWaitMinutes: 20, chime: true };
const comments = (text: string) => text.split('\n').filter((line) => line.includes('#')).map((line) => line.trim());

beforeAll(async () => {
  const dataDir = newDataDir();
  file = join(dataDir, 'office.yaml');
  original = readFileSync(demoConfig, 'utf8').replace(/^homeAssistant:[\s\S]*?\n(?=\S)/m, '');
  writeFileSync(file, original);
  hub = await createHub({ configPath: file, dataDir, rendererDir: join(dataDir, 'none'), log: silentLog, env: {} });
  http = await startHttpTransport(hub, { port: 0 });
  admin = deskAt(http.url);
  await admin.login(demoPin);
});
afterAll(async () => {
  await http.close();
  await hub.close();
});

describe('settings from the admin page', () => {
  it('refuses waits out of order naming the field, and writes nothing', async () => {
    const refused = await admin.call('saveSettings', { ...settings, gentleWaitMinutes: 30, longWaitMinutes: 20 });
    expect(refused.body).toEqual({ ok: false, error: { code: 'invalid-input', message: 'desk.longWaitMinutes: must be longer than gentleWaitMinutes' } });
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('are written into the office file, comments kept, and the kiosk has them at once', async () => {
    const saved = await admin.call<AdminOffice>('saveSettings', { ...settings, askAppointmentTime: false, idleSeconds: 90 });
    expect(saved.body.ok && saved.body.value.settings).toMatchObject({ askAppointmentTime: false, idleSeconds: 90 });
    const written = readFileSync(file, 'utf8');
    expect(comments(written)).toEqual(comments(original));
    // Written in place, under the comments the demo office keeps between its kiosk lines.
    expect(written).toMatch(/\nkiosk:\n  askAppointmentTime: false\n  offerComfortWishes: true\n(  #.*\n)*  idleSeconds: 90\n/);
    const setup = (await kioskAt(http.url).setup()).body as { ok: true; value: KioskSetup };
    expect(setup.value).toMatchObject({ askAppointmentTime: false, idleSeconds: 90 });
  });
});

describe('PINs from the admin page', () => {
  it('a room PIN set here opens room screens at once; the file holds only its hash', async () => {
    const set = await admin.call<AdminOffice>('setPin', { role: 'room', pin: '135790' });
    expect(set.body.ok && set.body.value.pins).toEqual({ room: true, desk: true, admin: false });
    const written = readFileSync(file, 'utf8');
    expect(written).toMatch(/roomPinHash: scrypt\$/);
    expect(written).not.toContain('135790');
    const room = deskAt(http.url);
    expect((await room.login('135790')).status).toBe(200);
    expect((await room.call('roomView', { roomId: 'willow' })).status).toBe(200);
    expect((await room.call('deskBoard', {})).status).toBe(403);
  });

  it('an admin PIN of its own makes the desk PIN the desk\'s only', async () => {
    expect((await admin.call('setPin', { role: 'admin', pin: '975310' })).status).toBe(200);
    const desk = deskAt(http.url);
    await desk.login(demoPin);
    expect((await desk.call('adminOffice', {})).status).toBe(403);
    const newAdmin = deskAt(http.url);
    await newAdmin.login('975310');
    expect((await newAdmin.call('adminOffice', {})).status).toBe(200);
  });
});
