/**
 * Only the admin PIN reaches the admin surface: the kiosk, a room screen's PIN and the desk's PIN
 * are refused every admin call, whatever they send (valid requests and generated junk alike), and
 * the office file is never touched. Over real HTTP, on an office with three PINs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedures } from '../../main/contract/contract.ts';
import { createHub, type Hub } from '../../main/hub/hub.ts';
import { silentLog } from '../../main/hub/log.ts';
import { hashPin } from '../../main/hub/staff/pin.ts';
import { startHttpTransport, type HttpTransport } from '../../main/hub/transport/httpTransport.ts';
import { deskAt, demoConfig, kioskAt, newDataDir } from './support/hubClient.ts';
import { junkValue, mutate, seededRandom } from './support/junk.ts';

const pins = { room: '1357', desk: '2468', admin: '9753' };
const adminProcedures = Object.entries(procedures).filter(([, procedure]) => procedure.access === 'admin' && procedure.input !== undefined).map(([name]) => name);
const examples: Record<string, Record<string, unknown>> = {
  adminOffice: {},
  restartHub: {},
  saveClinician: { clinician: { id: 'ash', displayName: 'Ash', colour: 'moss', symbol: 'sun', room: null, days: ['mon'], push: null, cueLight: null, escalateAfterMinutes: null }, isNew: true },
  retireClinician: { clinicianId: 'sam' },
  wipeToday: {},
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
let hub: Hub;
let http: HttpTransport;
let file: string;
let original: string;

beforeAll(async () => {
  const dataDir = newDataDir();
  file = join(dataDir, 'office.yaml');
  original = readFileSync(demoConfig, 'utf8')
    .replace(/^homeAssistant:[\s\S]*?\n(?=\S)/m, '')
    .replace(/pinHash: ".*"/, `pinHash: "${await hashPin(pins.desk)}"\n  roomPinHash: "${await hashPin(pins.room)}"\n  adminPinHash: "${await hashPin(pins.admin)}"`);
  writeFileSync(file, original);
  hub = await createHub({ configPath: file, dataDir, rendererDir: join(dataDir, 'none'), log: silentLog });
  http = await startHttpTransport(hub, { port: 0 });
});
afterAll(async () => {
  await http.close();
  await hub.close();
});

describe('the admin calls', () => {
  it('cover every admin procedure of the contract', () => {
    expect(adminProcedures.sort()).toEqual(Object.keys(examples).sort());
  });

  it.each(['kiosk', 'room', 'desk'] as const)('are refused to the %s, whatever it sends', async (who) => {
    const screen = deskAt(http.url);
    if (who !== 'kiosk') expect((await screen.login(pins[who])).status).toBe(200);
    const random = seededRandom(who.length * 31);
    for (const name of adminProcedures) {
      for (let i = 0; i < 40; i++) {
        const input = i === 0 ? examples[name] : i % 2 ? mutate(examples[name]!, random) : junkValue(random);
        const answer = who === 'kiosk' ? await kioskAt(http.url).call(name, input) : await screen.call(name, input);
        // A body that is not a JSON object (400) or is too large (413) is turned away by the transport before anyone is asked who they are.
        const refusedWith = typeof input === 'object' && input !== null && !Array.isArray(input) ? [401, 403, 413] : [400, 401, 403, 413];
        expect(refusedWith, `${who} ${name} case ${i}: ${JSON.stringify(input)?.slice(0, 200)}`).toContain(answer.status);
        expect(answer.body.ok).toBe(false);
      }
    }
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('are answered for the admin PIN', async () => {
    const admin = deskAt(http.url);
    expect((await admin.login(pins.admin)).status).toBe(200);
    const view = await admin.call('adminOffice', {});
    expect(view.status).toBe(200);
    // Never a secret: no PIN hash or token travels to a screen.
    expect(JSON.stringify(view.body)).not.toMatch(/scrypt|"token"/i);
  });
});
