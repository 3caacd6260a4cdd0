/**
 * A hub serving tablets listens on every address (`--host 0.0.0.0`) and is reached by its LAN
 * address. The Host allow-list must let those screens in, over HTTP and the live socket, with the
 * Origin a browser sends; it must let in the address `serve` itself prints (http://0.0.0.0:port);
 * and the hub says at start that PINs cross the network unencrypted without TLS.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { demoPin, newDataDir, post, repoRoot } from './support/hubClient.ts';
import { serveFromCli, type HubProcess } from './support/hubProcess.ts';

const lanAddress = Object.values(networkInterfaces())
  .flatMap((list) => list ?? [])
  .find(({ family, internal }) => family === 'IPv4' && !internal)?.address;

let hub: HubProcess;
let port: string;
beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'dist/main/cli.js'))) execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  hub = await serveFromCli(newDataDir(), { host: '0.0.0.0' });
  port = new URL(hub.url).port;
});
afterAll(() => hub?.kill('SIGKILL'));

const checkIn = { clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] };
const asBrowser = (base: string) => ({ headers: { origin: base } });

describe.skipIf(lanAddress === undefined)('a tablet reaching the hub by its LAN address', () => {
  const base = () => `http://${lanAddress}:${port}`;

  it('checks in, and staff sign in and read the board, with the Origin a browser sends', async () => {
    expect((await post(base(), '/api/call/checkIn', checkIn, asBrowser(base()))).status).toBe(200);
    const login = await post(base(), '/api/staff/login', { pin: demoPin }, asBrowser(base()));
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const board = await post(base(), '/api/call/deskBoard', {}, { cookie, ...asBrowser(base()) });
    expect(board.status).toBe(200);
  });

  it('opens the live feed', async () => {
    const ws = new WebSocket(`ws://${lanAddress}:${port}/api/live`, { origin: base() });
    const outcome = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('unexpected-response', (_request, response) => resolve(String(response.statusCode)));
      ws.once('error', (error) => resolve(error.message));
    });
    ws.terminate();
    expect(outcome).toBe('open');
  });
});

describe('the same hub', () => {
  it('answers at the address it prints, http://0.0.0.0:port', async () => {
    expect(hub.url).toBe(`http://0.0.0.0:${port}`);
    expect((await post(hub.url, '/api/call/checkIn', checkIn, asBrowser(hub.url))).status).toBe(200);
  });

  it('refuses a foreign name with words an admin can act on', async () => {
    // node:http, not fetch: fetch does not let a caller set Host.
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const sent = request({ host: '127.0.0.1', port, path: '/kiosk', headers: { host: `evil.example:${port}` } }, (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      sent.on('error', reject);
      sent.end();
    });
    expect(status).toBe(421);
    expect(text).toContain('network.names');
  });

  it('warned at start that PINs cross the network unencrypted', () => {
    expect(hub.stderr()).toContain('without TLS');
  });
});
