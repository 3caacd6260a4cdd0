import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CheckInRequest } from '../../main/contract/contract.ts';
import { defaultCheckInPace } from '../../main/hub/arrivals/checkInPace.ts';
import { LiveSocket, deskAt, demoPin, kioskAt, post, startHub, type RunningHub } from './support/hubClient.ts';

const forSam: CheckInRequest = { clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] };
const oneMegabyte = JSON.stringify({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [], padding: 'x'.repeat(1024 * 1024) });

let running: RunningHub;
let staffCookie: string;

beforeAll(async () => {
  // Every case ends with a real check-in (afterEach): ~30 from one address within seconds, more
  // than a waiting room's pace (arrivals/checkInPace.ts, tested in checkInPace.test.ts) allows.
  running = await startHub({ checkInPace: { ...defaultCheckInPace, perMinute: 1000, hubPerMinute: 1000, surgeAttempts: 1000 } });
  const desk = deskAt(running.url);
  await desk.login(demoPin);
  staffCookie = desk.cookie()!;
});

afterAll(async () => {
  await running.close();
});

// Whatever was sent before, the next client in the waiting room can still check in.
afterEach(async () => {
  expect((await kioskAt(running.url).checkIn(forSam)).body).toEqual({ ok: true, value: { toldName: 'Sam' } });
});

/** Sends a body without a declared length (chunked), as a client streaming too much would. */
function postChunked(path: string, chunks: string[]): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(`${running.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-stillroom': '1' } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += String(chunk)));
      response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('malformed requests get a 4xx with a message a person can read', () => {
  it.each<[string, string, unknown, number, RegExp]>([
    ['a wrong type', '/api/call/checkIn', { clinicianId: 7, slot: { kind: 'later' }, wishes: [] }, 400, /^The request was not understood: clinicianId: expected string\.$/],
    ['a missing field', '/api/call/checkIn', { clinicianId: 'sam', wishes: [] }, 400, /^The request was not understood: slot: this is required\.$/],
    ['an unknown slot', '/api/call/checkIn', { clinicianId: 'sam', slot: { kind: 'soon' }, wishes: [] }, 400, /^The request was not understood: slot/],
    ['a free-text name', '/api/call/checkIn', { ...forSam, name: 'Jane Doe' }, 400, /^The request was not understood: name: is not a known field \(check the spelling\)\.$/],
    ['a sentence as the clinician', '/api/call/checkIn', { ...forSam, clinicianId: 'Jane Doe, anxious' }, 400, /^The request was not understood: clinicianId: expected a short id/],
    ['a repeated wish', '/api/call/checkIn', { ...forSam, wishes: ['softer-light', 'softer-light'] }, 400, /each wish may be chosen once/],
    ['input where none is taken', '/api/call/kioskSetup', { extra: true }, 400, /extra: is not a known field/],
    ['an array instead of an object', '/api/call/checkIn', [forSam], 400, /^The request was not understood: \(top level\): expected object\.$/],
    ['a PIN with letters', '/api/staff/login', { pin: 'abcd' }, 400, /^The PIN was not understood: pin: a PIN is 4 to 12 digits\.$/],
    ['a PIN that is a number', '/api/staff/login', { pin: 2468 }, 400, /^The PIN was not understood: pin: expected string\.$/],
    ['an unknown procedure', '/api/call/deleteEverything', {}, 404, /^There is no such request\.$/],
    ['an unknown API path', '/api/arrivals', {}, 404, /^There is no such request\.$/],
  ])('refuses %s', async (_, path, body, status, message) => {
    const answer = await post(running.url, path, body);
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ ok: false, error: { code: expect.any(String), message: expect.stringMatching(message) } });
  });

  it('refuses a staff request with a wrong type, even with a session', async () => {
    const answer = await post(running.url, '/api/call/setStatus', { arrivalId: 'k3J9x0aQ_vT2-LmPq7RsWu', status: 'gone' }, { cookie: staffCookie });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The request was not understood: status: expected one of waiting, with-clinician, done, cancelled.' } });
  });

  it('refuses a change to an arrival that does not exist', async () => {
    const answer = await post(running.url, '/api/call/setStatus', { arrivalId: 'k3J9x0aQ_vT2-LmPq7RsWu', status: 'done' }, { cookie: staffCookie });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ ok: false, error: { code: 'not-found', message: 'That arrival is no longer on the board.' } });
  });

  it('refuses invalid JSON', async () => {
    const answer = await post(running.url, '/api/call/checkIn', '{"clinicianId": "sam", ');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The request body is not valid JSON.' } });
  });

  it('refuses a body that is not JSON by its content type', async () => {
    const answer = await post(running.url, '/api/call/checkIn', JSON.stringify(forSam), { contentType: 'text/plain' });
    expect(answer.status).toBe(415);
    expect(answer.body).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Send the request as JSON (Content-Type: application/json).' } });
  });

  it('refuses a 1 MB body by its declared length', async () => {
    const answer = await post(running.url, '/api/call/checkIn', oneMegabyte);
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The request is too large.' } });
  });

  it('cuts off a 1 MB body streamed without a declared length', async () => {
    const answer = await postChunked('/api/call/checkIn', oneMegabyte.match(/.{1,65536}/g)!);
    expect(answer).toEqual({ status: 413, body: { ok: false, error: { code: 'invalid-input', message: 'The request is too large.' } } });
  });

  it('refuses GET on a POST route', async () => {
    const response = await fetch(`${running.url}/api/call/checkIn`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Use POST for this request.' } });
  });
});

describe('garbage on the live socket', () => {
  it.each<[string, string | Buffer, RegExp]>([
    ['text that is not JSON', 'hello?', /^Messages must be JSON text\.$/],
    ['a binary frame', Buffer.from([0xde, 0xad, 0xbe, 0xef]), /^Messages must be JSON text\.$/],
    ['JSON that is not a message', '{"type":"shout","topic":"arrivals"}', /^The message was not understood: type: /],
    ['a subscription with extra fields', '{"type":"subscribe","topic":"arrivals","as":"staff"}', /^The message was not understood: as: is not a known field/],
    ['a topic of the wrong type', '{"type":"subscribe","topic":42}', /^The message was not understood: topic: expected string\.$/],
  ])('answers %s with "invalid", and the socket still subscribes and delivers', async (_, garbage, message) => {
    const socket = await LiveSocket.open(running.url, staffCookie);

    socket.send(garbage);
    expect(await socket.next()).toEqual({ type: 'invalid', error: { code: 'invalid-input', message: expect.stringMatching(message) } });

    socket.send({ type: 'subscribe', topic: 'arrivals' });
    expect(await socket.next()).toEqual({ type: 'subscribed', topic: 'arrivals' });
    await kioskAt(running.url).checkIn(forSam);
    expect(await socket.next()).toMatchObject({ type: 'event', event: { type: 'arrival', arrival: { clinicianId: 'sam' } } });
    socket.close();
  });

  it('refuses an unknown topic by name', async () => {
    const socket = await LiveSocket.open(running.url, staffCookie);
    socket.send({ type: 'subscribe', topic: 'weather' });
    expect(await socket.next()).toEqual({ type: 'refused', topic: 'weather', error: { code: 'not-found', message: 'There is no "weather" feed.' } });
    socket.close();
  });
});
