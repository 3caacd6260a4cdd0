/**
 * Reached over the network, the hub can serve HTTPS with the practice's certificate; the staff
 * session cookie is then marked Secure. By default it listens on loopback only.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../main/hub/hub.ts';
import { silentLog } from '../../main/hub/log.ts';
import { startHttpTransport, type HttpTransport } from '../../main/hub/transport/httpTransport.ts';
import { demoConfig, newDataDir } from './support/hubClient.ts';
import { tempDir } from '../support/tempDir.ts';

let hub: Hub;
let https: HttpTransport;
let cert: Buffer;

beforeAll(async () => {
  const dir = tempDir('tls');
  // A throwaway self-signed certificate for 127.0.0.1, made the way an admin would with openssl.
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  cert = readFileSync(join(dir, 'cert.pem'));
  hub = await createHub({ configPath: demoConfig, dataDir: newDataDir(), rendererDir: join(dir, 'none'), log: silentLog });
  https = await startHttpTransport(hub, { port: 0, tls: { cert, key: readFileSync(join(dir, 'key.pem')) } });
});
afterAll(async () => {
  await https.close();
  await hub.close();
});

function postTls(path: string, body: unknown): Promise<{ status: number; setCookie: string[]; hsts: string | undefined; body: unknown }> {
  const url = new URL(path, https.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', ca: cert, headers: { 'content-type': 'application/json', 'x-stillroom': '1' } }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, setCookie: response.headers['set-cookie'] ?? [], hsts: response.headers['strict-transport-security'], body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('HTTPS', () => {
  it('serves the API over TLS at an https address', async () => {
    expect(https.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const answer = await postTls('/api/call/kioskSetup', {});
    expect(answer.status).toBe(200);
  });

  it('tells browsers to use HTTPS from now on (HSTS), so a PIN is never typed into plain HTTP', async () => {
    expect((await postTls('/api/call/kioskSetup', {})).hsts).toBe('max-age=31536000');
  });

  it('marks the staff session cookie Secure, HttpOnly and SameSite=Strict', async () => {
    const answer = await postTls('/api/staff/login', { pin: '2468' });
    expect(answer.status).toBe(200);
    expect(answer.setCookie[0]).toMatch(/^stillroom_staff=[^;]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+; Secure$/);
  });
});

describe('where the hub listens', () => {
  it('is loopback only unless the config names another address', () => {
    expect(hub.config.network.listen).toBe('127.0.0.1');
  });
});
