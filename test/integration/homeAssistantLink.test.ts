/**
 * The hub's Home Assistant link, with the real `home-assistant-js-websocket` client against the
 * simulator: connecting, calling services, and every way Home Assistant can be away or say no.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  connectHomeAssistant, tokenRejectedMessage, tooOldMessage, type HomeAssistantLink, type HomeAssistantLinkOptions, type HomeAssistantStatus,
} from '../../main/hub/devices/homeAssistant/homeAssistantLink.ts';
import { statusLog } from './support/statusLog.ts';
import { createLog } from '../../main/hub/log.ts';
import type { ServiceCall } from '../../main/hub/devices/homeAssistant/serviceCallResult.ts';
import { checkHomeAssistant } from '../../main/hub/setup/connectionCheck.ts';
import { light, startHomeAssistantSimulator, type HomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';
import { tempDir } from '../support/tempDir.ts';

const lights = ['light.room_1', 'light.room_2', 'light.room_3', 'light.room_4'];
const cleanups: (() => Promise<void> | void)[] = [];
const written: string[] = [];
let simulator: HomeAssistantSimulator;

beforeEach(async () => {
  simulator = await startHomeAssistantSimulator({ entities: lights.map((id) => light(id)), notifyServices: ['mobile_app_desk_phone'] });
  cleanups.push(() => simulator.close());
});

afterEach(async () => {
  // Whatever happened, the token must not have reached a status, a message or the log.
  expect(written.join('\n')).not.toContain(simulator.token);
  expect(written.join('\n')).not.toContain('wrong-token');
  written.length = 0;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function within<T>(promise: Promise<T>, what: string, timeoutMs = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A link as the hub holds one, plus a way to wait for the statuses it reports, in order. */
interface WatchedLink {
  link: HomeAssistantLink;
  statuses: HomeAssistantStatus[];
  /** The next status in `state` not yet waited for. */
  until<S extends HomeAssistantStatus['state']>(state: S): Promise<Extract<HomeAssistantStatus, { state: S }>>;
  reconnected(): Promise<void>;
}

function openLink(options: Partial<HomeAssistantLinkOptions> = {}): WatchedLink {
  const log = statusLog<HomeAssistantStatus>();
  const connecting = connectHomeAssistant({
    url: simulator.url,
    token: simulator.token,
    retryDelayMs: 50,
    log: createLog((line) => written.push(line)),
    onStatus: (status) => {
      log.record(status);
      written.push(JSON.stringify(status));
    },
    ...options,
  });
  if (!connecting.ok) throw new Error(connecting.message);
  const { link } = connecting;
  cleanups.push(() => link.close());
  return {
    link,
    statuses: log.statuses,
    until: (state) => log.until(state, 5000),
    reconnected: () => within(new Promise<void>((resolve) => {
      const stop = link.onReconnected(() => {
        stop();
        resolve();
      });
    }), 'the reconnected signal'),
  };
}

const turnOn = (entityId: string): ServiceCall => ({ domain: 'light', service: 'turn_on', target: { entity_id: entityId }, serviceData: { brightness: 128 } });

/** A port nothing listens on: where a simulator was a moment ago. */
async function vacatedPort(): Promise<number> {
  const gone = await startHomeAssistantSimulator();
  await gone.close();
  return gone.port;
}

describe('connecting', () => {
  it('connects, reports the version and receives every entity', async () => {
    const { link, until } = openLink();
    expect((await until('connected')).haVersion).toBe('2025.1.0');
    const entities = await within(new Promise((resolve) => {
      if (Object.keys(link.entities()).length > 0) return resolve(link.entities());
      link.onEntities(resolve);
    }), 'entities');
    expect(Object.keys(entities as object).sort()).toEqual(lights);
  });

  it('says on the desk, in words, when Home Assistant is older than the oldest Stillroom works with', async () => {
    const old = await startHomeAssistantSimulator({ entities: [light('light.room_1')], haVersion: '2022.6.7' });
    cleanups.push(() => old.close());
    const tooOld = await openLink({ url: old.url, token: old.token }).until('connected');
    expect(tooOld.limited).toBe(tooOldMessage('2022.6.7'));
    expect(tooOld.limited).toMatch(/^Home Assistant 2022\.6\.7 is older than 2022\.11, the oldest Stillroom works with: .*Update Home Assistant/);
    expect((await openLink().until('connected')).limited).toBeUndefined();
    expect(['2022.11.0', '2024.12.5', '2025.1.0b3', '2026.11.2', 'dev'].map(tooOldMessage)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(tooOldMessage('2021.12.10')).toContain('2021.12.10');
  });

  it('accepts the address with a trailing slash, as people paste it', async () => {
    const { link, until } = openLink({ url: `${simulator.url}//` });
    await until('connected');
    expect(await link.callService(turnOn('light.room_1'))).toMatchObject({ ok: true });
  });

  it('refuses an address that is not http(s)://host:port, saying what it should look like', () => {
    for (const url of ['ws://127.0.0.1:8123', 'http://127.0.0.1:8123/lovelace', 'http://user:secret@ha.local:8123', 'homeassistant.local']) {
      const refused = connectHomeAssistant({ url, token: 'x', onStatus: () => {} });
      expect(refused.ok, url).toBe(false);
      if (!refused.ok) {
        expect(refused.message).toContain('http://homeassistant.local:8123');
        expect(refused.message).not.toContain('secret');
      }
    }
  });

  it('reports a refused token at start and stops trying', async () => {
    simulator.faults.refuseToken(true);
    // The link's retries go through these timers, so "stops trying" is seen directly: nothing is scheduled.
    const retries: number[] = [];
    const { until, statuses } = openLink({ timers: { setTimeout: (run, ms) => (retries.push(ms), setTimeout(run, ms)), clearTimeout } });
    expect(await until('token-rejected')).toEqual({ state: 'token-rejected', message: tokenRejectedMessage });
    expect(retries).toEqual([]);
    expect(simulator.received).toEqual([]);
    expect(statuses.map((status) => status.state)).toEqual(['connecting', 'token-rejected']);
  });

  it('reports a token revoked while connected when the library reconnects, and stops', async () => {
    const { link, until } = openLink();
    await until('connected');
    simulator.faults.refuseToken(true);
    simulator.faults.dropConnections();
    expect(await until('token-rejected')).toEqual({ state: 'token-rejected', message: tokenRejectedMessage });
    expect(await link.callService(turnOn('light.room_1'))).toMatchObject({ ok: false, reason: 'disconnected' });
  });

  it('keeps going while Home Assistant is down at start-up and connects once it is there', async () => {
    const port = await vacatedPort();
    const { link, until } = openLink({ url: `http://127.0.0.1:${port}` });
    const unreachable = await until('unreachable');
    expect(unreachable.message).toBe(`Home Assistant can't be reached at http://127.0.0.1:${port}. Stillroom keeps working and tries again in 1 second.`);
    expect(await link.callService(turnOn('light.room_1'))).toMatchObject({ ok: false, reason: 'disconnected' });

    const late = await startHomeAssistantSimulator({ port, entities: [light('light.room_1')] });
    cleanups.push(() => late.close());
    await until('connected');
    expect(await link.callService(turnOn('light.room_1'))).toMatchObject({ ok: true });
    expect(late.states.get('light.room_1')?.state).toBe('on');
  });
});

/**
 * A Home Assistant behind a self-signed certificate (the "SSL" add-ons reached by a local address):
 * an HTTPS server with a throwaway certificate made as an admin would with openssl. The handshake
 * fails before any WebSocket, so nothing more of Home Assistant is needed.
 */
async function selfSignedServer(): Promise<string> {
  const dir = tempDir('ha-tls');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const server = createHttpsServer({ cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `https://localhost:${(server.address() as AddressInfo).port}`;
}

describe('a Home Assistant with a certificate this computer does not trust', () => {
  it('says so on the desk, and how to fix it, instead of "can\'t be reached"', async () => {
    const url = await selfSignedServer();
    const unreachable = await openLink({ url }).until('unreachable');
    expect(unreachable.message).toMatch(/^Home Assistant at localhost:\d+ answers with a self-signed certificate, which this computer does not trust\. Use Home Assistant's http:\/\/ address on the practice's network, or let this computer trust the certificate \(NODE_EXTRA_CA_CERTS: see "Running on real devices" in the README\)\. Stillroom keeps working and tries again in 1 second\.$/);
  });

  it('says so in the admin\'s connection test before anything is saved', async () => {
    const url = await selfSignedServer();
    const tested = await checkHomeAssistant(url, 'some-token', 5000);
    expect(tested).toMatchObject({ ok: false });
    if (!tested.ok) expect(tested.error.message).toContain('answers with a self-signed certificate, which this computer does not trust');
  });

  it('keeps "can\'t be reached" for an https address where nothing listens', async () => {
    const port = await vacatedPort();
    const unreachable = await openLink({ url: `https://127.0.0.1:${port}` }).until('unreachable');
    expect(unreachable.message).toBe(`Home Assistant can't be reached at https://127.0.0.1:${port}. Stillroom keeps working and tries again in 1 second.`);
  });
});

describe('following only the office\'s entities', () => {
  const entitiesOf = (link: HomeAssistantLink) => within(new Promise<Record<string, unknown>>((resolve) => {
    if (Object.keys(link.entities()).length > 0) return resolve(link.entities());
    const stop = link.onEntities((latest) => {
      stop();
      resolve(latest);
    });
  }), 'the first entities');

  it('is sent the state of its own entities only, and nothing when the rest of the house changes', async () => {
    const { link, until } = openLink({ entityIds: ['light.room_1', 'light.room_2'] });
    await until('connected');
    expect(Object.keys(await entitiesOf(link)).sort()).toEqual(['light.room_1', 'light.room_2']);
    expect(link.entitiesArrived()).toBe(true);
    let updates = 0;
    link.onEntities(() => updates++);
    // A busy house: another light changing over and over. Then one of ours, once.
    for (let n = 0; n < 50; n++) simulator.setState('light.room_3', n % 2 === 0 ? 'on' : 'off');
    const ours = new Promise<Record<string, { attributes: Record<string, unknown> }>>((resolve) =>
      link.onEntities((latest) => {
        if (latest['light.room_1']?.attributes['brightness'] === 77) resolve(latest);
      }),
    );
    simulator.setState('light.room_1', 'on', { brightness: 77 });
    const latest = await within(ours, 'light.room_1 at 77');
    expect(latest['light.room_1']).toMatchObject({ state: 'on', attributes: { brightness: 77 } });
    // Its switching on, then its level (two writes in the simulator); the fifty others sent nothing.
    expect(updates).toBeLessThanOrEqual(2);
    expect(Object.keys(latest).sort()).toEqual(['light.room_1', 'light.room_2']);
  });

  it('knows Home Assistant has answered even when none of its entities exist there', async () => {
    const { link, until } = openLink({ entityIds: ['light.not_in_this_house'] });
    await until('connected');
    await within(new Promise<void>((resolve) => (link.entitiesArrived() ? resolve() : link.onEntities(() => resolve()))), 'the (empty) snapshot');
    expect(link.entities()).toEqual({});
    expect(link.entitiesArrived()).toBe(true);
  });

  it('follows every entity, and says so in the log, when Home Assistant refuses the filter', async () => {
    // Home Assistant refuses the whole subscription for one id it does not accept (cv.entity_ids).
    const { link, until } = openLink({ entityIds: ['light.room_1', 'light.bad__id'] });
    await until('connected');
    await within(new Promise<void>((resolve) => {
      const check = () => Object.keys(link.entities()).length === lights.length && resolve();
      check();
      link.onEntities(check);
    }), 'every entity');
    expect(written.some((line) => line.includes('following every entity'))).toBe(true);
  });
});

describe('calling services', () => {
  it('changes the device and returns the context id of the change', async () => {
    const { link, until } = openLink();
    await until('connected');
    const result = await link.callService(turnOn('light.room_2'));
    expect(result).toEqual({ ok: true, contextId: expect.any(String) });
    const state = simulator.states.get('light.room_2');
    expect(state).toMatchObject({ state: 'on', attributes: { brightness: 128 } });
    expect(result.ok && result.contextId).toBe(state?.context.id);
  });

  it('sends calls to different lights at once, not one after another', async () => {
    const { link, until } = openLink();
    await until('connected');
    const delayMs = 300;
    simulator.faults.delayReplies(delayMs);
    const started = performance.now();
    const results = await link.callServices(lights.map(turnOn));
    const elapsed = performance.now() - started;
    expect(results.map((result) => result.ok)).toEqual([true, true, true, true]);
    // One after another would take 4 × 300 ms; at once takes one delay. The margin is wide for a busy machine.
    expect(elapsed).toBeLessThan(2.5 * delayMs);
  });

  // Home Assistant skips an unavailable entity and answers success (helpers/service.py
  // entity_service_call), so the answer cannot say "done" for it: the rooms read its state instead.
  it('gets success for an unavailable device, which stays unavailable, while the others change', async () => {
    const { link, until } = openLink();
    await until('connected');
    simulator.faults.setUnavailable('light.room_2', true);
    const results = await link.callServices(lights.slice(0, 3).map(turnOn));
    expect(results.map((result) => result.ok)).toEqual([true, true, true]);
    expect(['light.room_1', 'light.room_2', 'light.room_3'].map((id) => simulator.states.get(id)?.state)).toEqual(['on', 'unavailable', 'on']);
  });

  it("passes on Home Assistant's own words when it refuses a call", async () => {
    const { link, until } = openLink();
    await until('connected');
    const result = await link.callService({ domain: 'light', service: 'dance', target: { entity_id: 'light.room_1' } });
    expect(result).toMatchObject({ ok: false, reason: 'rejected', message: expect.stringMatching(/^Home Assistant refused light\.dance for light\.room_1: .+/) });
  });

  it('sends notifications and fires events', async () => {
    const { link, until } = openLink();
    await until('connected');
    expect(await link.notify('mobile_app_desk_phone', { message: 'Your 2 pm is here.' })).toMatchObject({ ok: true });
    expect(simulator.notifications).toEqual([{ service: 'mobile_app_desk_phone', data: { message: 'Your 2 pm is here.' } }]);
    expect(await link.fireEvent('stillroom_arrival', { room: 'Room 2' })).toEqual({ ok: true, contextId: expect.any(String) });
  });
});

describe('losing the connection', () => {
  it('reconnects by itself after a drop, signals it, and calls work again', async () => {
    const { link, until, reconnected } = openLink();
    await until('connected');
    const signal = reconnected();
    simulator.faults.dropConnections();
    await until('connecting');
    await signal;
    await until('connected');
    expect(await link.callService(turnOn('light.room_3'))).toMatchObject({ ok: true });
  });

  it('answers a call made while disconnected with "disconnected" instead of throwing', async () => {
    const { link, until } = openLink();
    await until('connected');
    await simulator.close();
    await until('connecting');
    const result = await link.callService(turnOn('light.room_1'));
    expect(result).toEqual({ ok: false, reason: 'disconnected', message: "Home Assistant isn't connected right now, so light.turn_on for light.room_1 was not sent." });
  });

  it('answers a call lost in flight with "disconnected" and says it may not have happened', async () => {
    const { link, until } = openLink();
    await until('connected');
    simulator.faults.delayReplies(2000);
    const arrived = new Promise<void>((resolve) => {
      const stop = simulator.onReceive(({ message }) => {
        if ((message as { type?: string }).type !== 'call_service') return;
        stop();
        resolve();
      });
    });
    const pending = link.callService(turnOn('light.room_4'));
    await within(arrived, 'the call at Home Assistant');
    simulator.faults.dropConnections();
    expect(await within(pending, 'the lost call')).toMatchObject({ ok: false, reason: 'disconnected', message: expect.stringContaining('may not have happened') });
  });
});
