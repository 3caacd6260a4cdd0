/**
 * The hub answers only to its own names, so DNS rebinding (a page served as `evil.example`, that
 * name then pointed at the hub) cannot check in, sign in, read the board or open the live feed.
 * The requests are the ones a rebinding page's browser sends: the foreign name in Host and in Origin.
 */
import { request } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHub, type Hub } from '../../main/hub/hub.ts';
import { silentLog } from '../../main/hub/log.ts';
import { startHttpTransport, type HttpTransport } from '../../main/hub/transport/httpTransport.ts';
import { demoConfig, demoPin, newDataDir } from './support/hubClient.ts';

let hub: Hub;
let http: HttpTransport;
let port: string;

beforeAll(async () => {
  const dataDir = newDataDir();
  // The demo office, reached by staff as stillroom.local too.
  writeFileSync(join(dataDir, 'office.yaml'), `${readFileSync(demoConfig, 'utf8')}\nnetwork:\n  names: [stillroom.local]\n`);
  hub = await createHub({ configPath: join(dataDir, 'office.yaml'), dataDir, rendererDir: join(dataDir, 'none'), log: silentLog });
  http = await startHttpTransport(hub, { port: 0 });
  port = new URL(http.url).port;
});
afterAll(async () => {
  await http.close();
  await hub.close();
});

/** A raw request to the hub with the Host (and Origin) a browser would send for `name`. */
function send(method: string, path: string, name: string, body?: unknown, headers: Record<string, string> = {}): Promise<number> {
  const text = body === undefined ? '' : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path, method, headers: { host: `${name}:${port}`, origin: `http://${name}:${port}`, 'content-type': 'application/json', 'x-stillroom': '1', 'content-length': Buffer.byteLength(text), ...headers } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.on('error', reject);
    sent.end(text);
  });
}

const checkIn = { clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] };

describe('a request for a name that is not the hub', () => {
  it.each([
    ['GET', '/kiosk', undefined],
    ['POST', '/api/call/checkIn', checkIn],
    ['POST', '/api/staff/login', { pin: demoPin }],
    ['POST', '/api/call/deskBoard', {}],
  ])('%s %s is refused with 421', async (method, path, body) => {
    expect(await send(method, path, 'evil.example', body)).toBe(421);
  });

  it('cannot open the live feed', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api/live`, { headers: { host: `evil.example:${port}`, origin: `http://evil.example:${port}` } });
    const status = await new Promise<number>((resolve) => socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0)));
    expect(status).toBe(421);
  });

  it('is refused even when only the Origin is foreign', async () => {
    expect(await send('POST', '/api/call/checkIn', '127.0.0.1', checkIn, { origin: `http://evil.example:${port}` })).toBe(403);
  });
});

describe('the hub’s own names', () => {
  it.each(['127.0.0.1', 'localhost', 'stillroom.local', 'STILLROOM.LOCAL'])('%s is served', async (name) => {
    expect(await send('POST', '/api/call/checkIn', name, checkIn)).toBe(200);
  });
});
