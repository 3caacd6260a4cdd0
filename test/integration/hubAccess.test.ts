import { afterEach, describe, expect, it } from 'vitest';
import { liveTopics, procedures, type CheckInRequest } from '../../main/contract/contract.ts';
import { LiveSocket, deskAt, demoPin, kioskAt, startHub, type RunningHub } from './support/hubClient.ts';

const arrivalId = 'k3J9x0aQ_vT2-LmPq7RsWu';
const forSam: CheckInRequest = { clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] };

let running: RunningHub;

afterEach(async () => {
  await running.close();
});

describe('what the kiosk may not do', () => {
  it.each([
    ['deskBoard', {}],
    ['setStatus', { arrivalId, status: 'done' }],
    ['undo', {}],
    ['checkInAtDesk', forSam],
  ])('is refused %s with a request for the staff PIN', async (procedure, input) => {
    running = await startHub();
    const answer = await kioskAt(running.url).call(procedure, input);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ ok: false, error: { code: 'needs-pin', message: 'Please enter the staff PIN to see this.' } });
  });

  it('is refused a live feed of arrivals', async () => {
    running = await startHub();
    const socket = await kioskAt(running.url).openLive();
    socket.send({ type: 'subscribe', topic: 'arrivals' });
    expect(await socket.next()).toEqual({ type: 'refused', topic: 'arrivals', error: { code: 'not-allowed', message: 'This screen cannot see arrivals.' } });
    socket.close();
  });

  it('is refused a live feed even with a made-up session cookie', async () => {
    running = await startHub();
    const socket = await LiveSocket.open(running.url, 'stillroom_staff=guessed-token');
    socket.send({ type: 'subscribe', topic: 'arrivals' });
    expect(await socket.next()).toMatchObject({ type: 'refused', error: { code: 'not-allowed' } });
    socket.close();
  });

  it('may read its setup and check in', async () => {
    running = await startHub();
    const kiosk = kioskAt(running.url);
    expect((await kiosk.setup()).status).toBe(200);
    expect((await kiosk.checkIn(forSam)).body).toEqual({ ok: true, value: { toldName: 'Sam' } });
  });
});

describe('staff sign-in', () => {
  it('opens the desk board with the right PIN', async () => {
    running = await startHub();
    const desk = deskAt(running.url);
    expect((await desk.login(demoPin)).status).toBe(200);
    expect((await desk.board()).status).toBe(200);
  });

  it('refuses a wrong PIN kindly and opens nothing', async () => {
    running = await startHub();
    const desk = deskAt(running.url);
    const answer = await desk.login('1357');
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ ok: false, error: { code: 'needs-pin', message: "That PIN didn't match. Let's try that again." } });
    expect((await desk.board()).status).toBe(401);
  });

  it('slows guessing after the free tries, even for the right PIN', async () => {
    // A clock that stands still: the wait cannot run out while the test runs.
    const frozen = Date.now();
    running = await startHub({ now: () => frozen });
    const desk = deskAt(running.url);
    const wrong = [await desk.login('1111'), await desk.login('2222'), await desk.login('3333')];
    expect(wrong.map((answer) => answer.status)).toEqual([401, 401, 401]);
    expect(wrong[2]!.headers.get('retry-after')).toBe('2');

    const right = await desk.login(demoPin);
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toBe('2');
    expect(right.body).toEqual({ ok: false, error: { code: 'too-many-tries', message: 'Too many tries. Please wait 2 seconds and try again.', retryAfterSeconds: 2 } });
    expect((await desk.board()).status).toBe(401);
  });

  it('ends the session on logout', async () => {
    running = await startHub();
    const desk = deskAt(running.url);
    await desk.login(demoPin);
    await desk.logout();
    expect((await desk.board()).status).toBe(401);
  });
});

describe('the kiosk against the whole contract', () => {
  // Generated from the contract, so a staff procedure or topic added later is covered by itself.
  const staffProcedures = Object.entries(procedures).filter(([, procedure]) => procedure.access !== 'kiosk').map(([name]) => name);
  const staffTopics = Object.entries(liveTopics).filter(([, topic]) => topic.access !== 'kiosk').map(([name]) => name);

  it('is refused every staff procedure over HTTP and every staff procedure through the API itself', async () => {
    running = await startHub();
    expect(staffProcedures.length).toBeGreaterThan(10);
    for (const name of staffProcedures) {
      const answer = await kioskAt(running.url).call(name, {});
      expect(answer.status, name).toBe(401);
      const direct = await running.hub.api.call('kiosk', name, {});
      expect(direct, name).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    }
  });

  it('is refused every staff live topic', async () => {
    running = await startHub();
    const socket = await kioskAt(running.url).openLive();
    for (const topic of staffTopics) {
      socket.send({ type: 'subscribe', topic });
      expect(await socket.next(), topic).toMatchObject({ type: 'refused', topic, error: { code: 'not-allowed' } });
    }
    socket.close();
  });
});
