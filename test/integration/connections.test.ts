/**
 * Connections set up from the admin page: the Home Assistant address and token are tested live
 * against a real (simulated) Home Assistant before anything is saved, a wrong token or address is
 * refused in words (the MQTT broker likewise, against a real Mosquitto with a password), and the
 * saved token lives in a 0600 file in the data folder and nowhere else:
 * no answer, log line or live message of the whole run carries it.
 */
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminOffice } from '../../main/contract/contract.ts';
import { createHub, type Hub } from '../../main/hub/hub.ts';
import { createLog } from '../../main/hub/log.ts';
import { startHttpTransport, type HttpTransport } from '../../main/hub/transport/httpTransport.ts';
import { light, mediaPlayer, startHomeAssistantSimulator, type HomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';
import { deskAt, demoConfig, demoPin, LiveSocket, newDataDir, post } from './support/hubClient.ts';
import { startMosquitto, type Mosquitto } from './support/mosquitto.ts';

const token = 'tok-7f3c9a1e-never-shown-anywhere-42b8';
const captured: string[] = [];
let simulator: HomeAssistantSimulator;
let hub: Hub;
let http: HttpTransport;
let dataDir: string;
let file: string;
let admin: ReturnType<typeof deskAt>;
let live: LiveSocket;

beforeAll(async () => {
  simulator = await startHomeAssistantSimulator({
    token,
    haVersion: '2026.11.2',
    entities: [light('light.willow_ceiling'), light('light.willow_lamp'), light('light.cedar_lamp'), mediaPlayer('media_player.willow_speaker'), mediaPlayer('media_player.cedar_speaker')],
    notifyServices: ['mobile_app_sams_phone', 'mobile_app_noors_phone'],
    registries: {
      areas: [{ areaId: 'oak_room', name: 'Oak room' }, { areaId: 'hallway', name: 'Hallway' }],
      devices: [
        { id: 'dev-oak-ceiling', name: 'Oak ceiling', areaId: 'oak_room' },
        { id: 'dev-oak-speaker', name: 'Oak speaker', areaId: 'oak_room', mac: 'AA:BB:CC:00:00:01' },
        { id: 'dev-oak-speaker-dlna', name: 'Oak speaker (DLNA)', areaId: 'oak_room', mac: 'aa:bb:cc:00:00:01' },
      ],
      entities: [
        { entityId: 'light.willow_ceiling', platform: 'hue', deviceId: 'dev-oak-ceiling' },
        { entityId: 'light.willow_lamp', platform: 'hue', deviceId: 'dev-oak-ceiling', areaId: 'hallway' },
        { entityId: 'light.cedar_lamp', platform: 'hue', areaId: 'oak_room', hiddenBy: 'user' },
        { entityId: 'media_player.willow_speaker', platform: 'sonos', deviceId: 'dev-oak-speaker' },
        { entityId: 'media_player.cedar_speaker', platform: 'dlna_dmr', deviceId: 'dev-oak-speaker-dlna' },
      ],
    },
  });
  dataDir = newDataDir();
  file = join(dataDir, 'office.yaml');
  // The demo office without its simulated Home Assistant: the admin connects a "real" one.
  writeFileSync(file, readFileSync(demoConfig, 'utf8').replace(/^homeAssistant:[\s\S]*?\n(?=\S)/m, ''));
  hub = await createHub({ configPath: file, dataDir, rendererDir: join(dataDir, 'none'), env: {}, log: createLog((line) => captured.push(line)) });
  // Every answer the hub gives over HTTP, as the screens receive it.
  http = await startHttpTransport(hub, { port: 0 });
  admin = deskAt(http.url);
  await admin.login(demoPin);
  live = await LiveSocket.open(http.url, admin.cookie());
  for (const topic of ['arrivals', 'rooms', 'health', 'office']) live.send({ type: 'subscribe', topic });
  live.ws.on('message', (data) => captured.push(String(data)));
});
afterAll(async () => {
  live.close();
  await http.close();
  await hub.close();
  await simulator.close();
});

async function call<T>(name: string, input: unknown) {
  const answer = await admin.call<T>(name, input);
  captured.push(JSON.stringify(answer.body));
  return answer;
}

describe('connecting Home Assistant from the admin page', () => {
  it('tests the address and token live and says what it found, saving nothing', async () => {
    const found = await call('testHomeAssistant', { url: `${simulator.url}/`, token });
    expect(found.body).toEqual({ ok: true, value: { message: 'Connected to Home Assistant 2026.11.2 at 127.0.0.1; 3 lights, 2 speakers found.', notifyServices: ['mobile_app_noors_phone', 'mobile_app_sams_phone'] } });
    expect(readFileSync(file, 'utf8')).not.toContain(simulator.url);
  });

  it('refuses a wrong token, an unreachable address and a mistyped one in words', async () => {
    const wrongToken = await call('testHomeAssistant', { url: simulator.url, token: 'not-the-token' });
    expect(wrongToken.body).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Home Assistant at 127.0.0.1 refused this access token. Create a new long-lived access token in your Home Assistant profile (Security) and paste it here.' } });
    const nobody = await call('testHomeAssistant', { url: 'http://127.0.0.1:9', token });
    expect(nobody.body).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('Could not reach Home Assistant on 127.0.0.1, port 9.') } });
    const typo = await call('testHomeAssistant', { url: 'homeassistant.local/lovelace', token });
    expect(typo.body).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const saveWrong = await call('saveHomeAssistant', { url: simulator.url, token: 'not-the-token' });
    expect(saveWrong.status).toBe(400);
    expect(readFileSync(file, 'utf8')).not.toContain(simulator.url);
  });

  it('saves the address in the office file and the token in a 0600 secrets file, and shows only that a token is saved', async () => {
    const saved = await call<AdminOffice>('saveHomeAssistant', { url: simulator.url, token });
    expect(saved.status).toBe(200);
    const office = saved.body.ok ? saved.body.value : null;
    expect(office?.homeAssistant).toEqual({ simulated: false, url: simulator.url, tokenSaved: true });
    expect(office?.restartNeededFor).toContain('homeAssistant');
    expect(office?.notifyServices).toEqual(expect.arrayContaining(['mobile_app_noors_phone', 'mobile_app_sams_phone']));
    expect(readFileSync(file, 'utf8')).toContain(`homeAssistant:\n  url: ${simulator.url}\n`);
    expect(readFileSync(file, 'utf8')).not.toContain(token);
    const secrets = join(dataDir, 'secrets.json');
    expect(statSync(secrets).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(secrets, 'utf8'))).toEqual({ homeAssistantToken: token });

    // A second test needs no token again: the saved one is used.
    const again = await call('testHomeAssistant', { url: simulator.url, token: null });
    expect(again.body).toMatchObject({ ok: true });
    const view = await call<AdminOffice>('adminOffice', {});
    expect(view.body.ok && view.body.value.homeAssistant.tokenSaved).toBe(true);
  });

  it("offers Home Assistant's areas as rooms, devices sorted, and adds one to the office file", async () => {
    const found = await call<{ areas: unknown[] }>('homeAssistantAreas', {});
    expect(found.body).toEqual({
      ok: true,
      value: {
        areas: [
          { areaId: 'oak_room', name: 'Oak room', lights: ['light.willow_ceiling'], speakers: [{ entityId: 'media_player.willow_speaker', sameSpeaker: ['media_player.cedar_speaker'] }], switches: [], otherPlayers: [], roomId: null },
          { areaId: 'hallway', name: 'Hallway', lights: ['light.willow_lamp'], speakers: [], switches: [], otherPlayers: [], roomId: null },
        ],
      },
    });
    const added = await call<AdminOffice>('addRoom', { roomId: 'oak', name: 'Oak room', ceiling: ['light.willow_ceiling'], lamp: [], accent: [], speaker: 'media_player.willow_speaker', doorSign: null });
    expect(added.status).toBe(200);
    expect(added.body.ok && added.body.value.restartNeededFor).toContain('rooms');
    expect(readFileSync(file, 'utf8')).toContain('  - id: oak\n    name: Oak room\n    ambience:\n      lights:\n        ceiling: light.willow_ceiling\n      speaker: media_player.willow_speaker\n');
    const again = await call<{ areas: { roomId: string | null }[] }>('homeAssistantAreas', {});
    expect(again.body.ok && again.body.value.areas[0]!.roomId).toBe('oak');
  });

  it('a hub started on the saved office connects to Home Assistant with the saved token, with nothing in its environment', async () => {
    const nextData = newDataDir();
    copyFileSync(join(dataDir, 'secrets.json'), join(nextData, 'secrets.json'));
    const next = await createHub({ configPath: file, dataDir: nextData, rendererDir: join(nextData, 'none'), env: {}, log: createLog((line) => captured.push(line)) });
    const connected = new Promise<void>((resolve) => {
      const check = () => {
        const health = next.api.call('admin', 'officeHealth', {});
        void health.then((answer) => answer.ok && (answer.value as { homeAssistant: { state: string } }).homeAssistant.state === 'connected' && resolve());
      };
      next.api.subscribe('admin', 'health', check);
      check();
    });
    await connected;
    await next.close();
  });

  it('no answer, log line or live message of this whole run carried the token', async () => {
    const probe = await post(http.url, '/api/call/adminOffice', {}, { cookie: admin.cookie()! });
    captured.push(JSON.stringify(probe.body));
    expect(captured.length).toBeGreaterThan(10);
    for (const text of captured) expect(text).not.toContain(token);
    expect(captured.join('\n')).not.toContain(token.slice(4, 20));
  });
});

describe('connecting the office bus from the admin page', () => {
  const password = 'pw-5d1e-never-shown-9c';
  let broker: Mosquitto;
  beforeAll(async () => {
    broker = await startMosquitto({ users: { stillroom: password } });
  });
  afterAll(() => broker.dispose());

  it('tests the broker live, refuses a wrong password or a missing broker in words, and saves the credentials 0600', async () => {
    const good = await call('testMqtt', { url: broker.url, site: 'willow-street', username: 'stillroom', password });
    expect(good.body).toEqual({ ok: true, value: { message: `Connected to the MQTT broker on 127.0.0.1, port ${broker.port}.` } });
    const wrong = await call('testMqtt', { url: broker.url, site: 'willow-street', username: 'stillroom', password: 'wrong' });
    expect(wrong.body).toEqual({ ok: false, error: { code: 'invalid-input', message: "The MQTT broker on 127.0.0.1 refused this user name or password. Check them in the broker's settings." } });
    const nobody = await call('testMqtt', { url: 'mqtt://127.0.0.1:9', site: 'willow-street', username: null, password: null });
    expect(nobody.body).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('Could not reach an MQTT broker on 127.0.0.1, port 9.') } });

    const saved = await call<AdminOffice>('saveMqtt', { url: broker.url, site: 'willow-street', username: 'stillroom', password });
    expect(saved.body.ok && saved.body.value.mqtt).toEqual({ url: broker.url, site: 'willow-street', usernameSaved: true, passwordSaved: true });
    expect(readFileSync(file, 'utf8')).toContain(`mqtt:\n  url: ${broker.url}\n  site: willow-street\n`);
    expect(readFileSync(file, 'utf8')).not.toContain(password);
    expect(statSync(join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
    // Tested again with the saved credentials: nothing typed.
    expect((await call('testMqtt', { url: broker.url, site: 'willow-street', username: null, password: null })).body).toMatchObject({ ok: true });
    for (const text of captured) expect(text).not.toContain(password);
  });

  it("says so when the broker lets the user in but its access list does not grant the office's topics", async () => {
    const guarded = await startMosquitto({ users: { stillroom: password, reader: password }, acl: 'user stillroom\ntopic readwrite stillroom/#\n\nuser reader\ntopic read elsewhere/#\n' });
    try {
      expect((await call('testMqtt', { url: guarded.url, site: 'willow-street', username: 'stillroom', password })).body).toMatchObject({ ok: true });
      const refused = await call('testMqtt', { url: guarded.url, site: 'willow-street', username: 'reader', password });
      expect(refused.body).toEqual({ ok: false, error: { code: 'invalid-input', message: "The MQTT broker on 127.0.0.1 let this user in but does not allow it the office's topics (stillroom/willow-street/…). Give the user read and write on them in the broker's access list." } });
      const notSaved = await call('saveMqtt', { url: guarded.url, site: 'willow-street', username: 'reader', password });
      expect(notSaved.body).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(readFileSync(file, 'utf8')).not.toContain(guarded.url);
    } finally {
      await guarded.dispose();
    }
  });
});
