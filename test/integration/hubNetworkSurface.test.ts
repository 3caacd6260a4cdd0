/**
 * The hub as seen from the office network: requests from other sites are refused, bodies over
 * the limit are refused before they are read, and nothing answers with internals.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { deskAt, demoPin, kioskAt, post, startHub, type RunningHub } from './support/hubClient.ts';

let running: RunningHub;
beforeAll(async () => {
  running = await startHub();
});
afterAll(() => running.close());

describe('cross-site requests', () => {
  it('refuses a change without the Stillroom request header, even with a valid staff session, and changes nothing', async () => {
    const desk = deskAt(running.url);
    await desk.login(demoPin);
    await kioskAt(running.url).checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] });
    const board = await desk.board();
    const arrival = board.body.ok ? board.body.value.arrivals.at(-1)! : undefined;

    // What a form or fetch on another site can send: the cookie rides along, the custom header cannot.
    const forged = await post(running.url, '/api/call/setStatus', { arrivalId: arrival!.id, status: 'cancelled' }, { cookie: desk.cookie()!, headers: { 'x-stillroom': '' } });
    expect(forged.status).toBe(403);
    expect(forged.body).toEqual({ ok: false, error: { code: 'not-allowed', message: 'This request must come from a Stillroom screen.' } });

    const after = await desk.board();
    expect(after.body.ok && after.body.value.arrivals.find((a) => a.id === arrival!.id)?.status).toBe('waiting');
  });

  it('refuses a request whose Origin is another site', async () => {
    const answer = await post(running.url, '/api/call/checkIn', { clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] }, { headers: { origin: 'http://evil.example' } });
    expect(answer.status).toBe(403);
  });

  it('refuses a live connection opened from another site', async () => {
    const socket = new WebSocket(`${running.url.replace('http', 'ws')}/api/live`, { headers: { origin: 'http://evil.example' } });
    const status = await new Promise<number>((resolve) => socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0)));
    expect(status).toBe(403);
  });
});

describe('request size', () => {
  it('answers 413 to a body declared too large before the client has sent it', async () => {
    const url = new URL(`${running.url}/api/call/checkIn`);
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest({ hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'x-stillroom': '1', 'content-length': String(50 * 1024 * 1024) } }, (response) => {
        resolve(response.statusCode ?? 0);
        response.resume();
      });
      request.on('error', reject);
      // Only a sliver of the declared 50 MB is ever written: the answer comes without waiting for the rest.
      request.write('{"clinicianId":');
    });
    expect(status).toBe(413);
    // And the hub goes on serving.
    expect((await kioskAt(running.url).setup()).status).toBe(200);
  });
});

describe('the renderer files', () => {
  it.each([
    ['/..%2f..%2f..%2fetc%2fpasswd.txt', 403],
    ['/assets/..%5c..%5cpackage.json', 400],
    ['/%E0%A4%A', 400],
  ])('refuse %s, which would leave the renderer folder', async (rawPath, status) => {
    const url = new URL(running.url);
    // A raw request: fetch would tidy the path before sending it.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest({ hostname: url.hostname, port: url.port, path: rawPath, method: 'GET' }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.end();
    });
    expect(answer.status).toBe(status);
    expect(answer.body).not.toContain('root:');
  });
});
