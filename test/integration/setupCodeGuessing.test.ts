/**
 * A new office's one-time setup code (setup/firstRun.ts) cannot be guessed any faster than a PIN:
 * it goes through the same check (staff/staffAccess.ts), so each guess counts as wrong before
 * scrypt runs, one address gets its free tries and then waits, and the whole hub takes only so
 * many wrong ones an hour from anywhere. Here 50 wrong codes at once are sent, and the right code
 * after them is refused until the wait has passed (the hub's clock is moved, not waited for).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../main/hub/hub.ts';
import { createLog } from '../../main/hub/log.ts';
import { createStarterOffice, newSetupCode } from '../../main/hub/setup/firstRun.ts';
import { defaultPinThrottleRules } from '../../main/hub/staff/pinThrottle.ts';
import { hubFailuresPerHour } from '../../main/hub/staff/staffAccess.ts';
import { startHttpTransport, type HttpTransport } from '../../main/hub/transport/httpTransport.ts';
import { newDataDir } from './support/hubClient.ts';
import { signInFrom as loginFrom, type SignInAnswer as Answer } from './support/signInFrom.ts';

let running: { hub: Hub; http: HttpTransport } | undefined;
afterEach(async () => {
  await running?.http.close();
  await running?.hub.close();
  running = undefined;
});

/** A new office as `stillroom serve` starts it on a missing file, on a clock the test moves. */
async function newOffice(lines: string[]) {
  const dataDir = newDataDir();
  const configPath = join(dataDir, 'office.yaml');
  expect(createStarterOffice(configPath)).toBe(true);
  const code = await newSetupCode();
  const clock = { now: Date.parse('2026-12-03T09:00:00Z') };
  const hub = await createHub({ configPath, dataDir, rendererDir: join(dataDir, 'none'), setupCodeHash: code.hash, now: () => clock.now, log: createLog((line) => lines.push(line)) });
  const http = await startHttpTransport(hub, { port: 0 });
  running = { hub, http };
  return { url: http.url, code: code.shown.replaceAll(' ', ''), clock };
}

async function adminOfficeStatus(url: string, cookie: string): Promise<number> {
  const response = await fetch(`${url}/api/call/adminOffice`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-stillroom': '1', cookie }, body: '{}' });
  return response.status;
}

const tally = (answers: Answer[]) => answers.reduce<Record<number, number>>((counts, { status }) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});
const wrongCodes = (count: number, code: string) => Array.from({ length: count }, (_, n) => String(100_000_000_000 + n)).filter((each) => each !== code);
const wrongLogged = (lines: string[]) => lines.filter((line) => (JSON.parse(line) as { message?: string }).message === 'a wrong staff PIN was tried').length;

describe('setup-code guessing', () => {
  it('checks at most the free tries of 50 wrong codes sent at once from one address, and the right code after them waits its turn', async () => {
    const lines: string[] = [];
    const { url, code, clock } = await newOffice(lines);
    const answers = await Promise.all(wrongCodes(50, code).map((guess) => loginFrom(url, guess, '127.0.0.5')));
    const counts = tally(answers);
    expect(counts[200]).toBeUndefined();
    // Each try is counted as wrong before scrypt runs and one is checked at a time: the free tries at most.
    expect(counts[401]).toBeLessThanOrEqual(defaultPinThrottleRules.freeTries);
    expect(counts[429]).toBe(answers.length - counts[401]!);
    expect(wrongLogged(lines)).toBe(counts[401]);

    // The right code now is refused without being checked, and says how long to wait.
    const early = await loginFrom(url, code, '127.0.0.5');
    expect(early).toMatchObject({ status: 429, cookie: null });
    expect(early.retryAfter).toBeGreaterThan(0);
    clock.now += (early.retryAfter! - 1) * 1000;
    expect(await loginFrom(url, code, '127.0.0.5')).toMatchObject({ status: 429, cookie: null });
    // Once the wait has passed, the right code opens admin.
    clock.now += 1000;
    const inTime = await loginFrom(url, code, '127.0.0.5');
    expect(inTime.status).toBe(200);
    expect(await adminOfficeStatus(url, inTime.cookie!)).toBe(200);
  });

  it('takes only so many wrong codes an hour from any number of addresses, then the right one waits too', async () => {
    const lines: string[] = [];
    const { url, code, clock } = await newOffice(lines);
    // Waves of 50 at once, each guess from an address of its own, until the hub checks none of a wave.
    let checked = 0;
    for (let wave = 0; wave < 10; wave += 1) {
      const answers = await Promise.all(wrongCodes(50, code).map((guess, n) => loginFrom(url, guess, `127.0.${wave + 1}.${n + 10}`)));
      const counts = tally(answers);
      expect(counts[200]).toBeUndefined();
      checked += counts[401] ?? 0;
      if (!counts[401]) break;
    }
    expect(checked).toBe(hubFailuresPerHour);
    expect(wrongLogged(lines)).toBe(hubFailuresPerHour);

    // The right code from an address that never tried is refused until the hour has passed.
    const early = await loginFrom(url, code, '127.0.0.200');
    expect(early).toMatchObject({ status: 429, cookie: null });
    expect(early.retryAfter).toBeGreaterThan(60);
    clock.now += (early.retryAfter! - 5) * 1000;
    expect((await loginFrom(url, code, '127.0.0.201')).status).toBe(429);
    clock.now += 10_000;
    const inTime = await loginFrom(url, code, '127.0.0.202');
    expect(inTime.status).toBe(200);
    expect(await adminOfficeStatus(url, inTime.cookie!)).toBe(200);
  });
});
