/**
 * Staff PINs cannot be guessed over the network: guesses sent all at once are refused before the
 * slow check, spreading them over many addresses gains nothing, a restart hands out no fresh
 * tries, every wrong PIN is logged with its source, and the desk hears of a burst. A changed PIN
 * ends the sessions the old one opened. (Before: 100 parallel guesses from one address were all
 * checked and found the desk PIN in 6 s; 700 wrong PINs left no log line.)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OfficeHealth } from '../../main/contract/contract.ts';
import { createHub, type Hub } from '../../main/hub/hub.ts';
import { createLog } from '../../main/hub/log.ts';
import { hashPin } from '../../main/hub/staff/pin.ts';
import { defaultPinThrottleRules } from '../../main/hub/staff/pinThrottle.ts';
import { hubFailuresPerHour } from '../../main/hub/staff/staffAccess.ts';
import { startHttpTransport, type HttpTransport } from '../../main/hub/transport/httpTransport.ts';
import { deskAt, demoConfig, demoPin, newDataDir } from './support/hubClient.ts';
import { signInFrom } from './support/signInFrom.ts';

let running: { hub: Hub; http: HttpTransport } | undefined;
afterEach(async () => {
  await running?.http.close();
  await running?.hub.close();
  running = undefined;
});

async function start(dataDir: string, lines: string[] = []) {
  const hub = await createHub({ configPath: demoConfig, dataDir, rendererDir: join(dataDir, 'none'), log: createLog((line) => lines.push(line)) });
  const http = await startHttpTransport(hub, { port: 0 });
  running = { hub, http };
  return http.url;
}

async function stop() {
  await running?.http.close();
  await running?.hub.close();
  running = undefined;
}

/** A sign-in from a chosen loopback address (127.0.0.x), as another machine on the LAN would: its status. */
const loginFrom = async (url: string, pin: string, from: string): Promise<number> => (await signInFrom(url, pin, from)).status;

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

describe('PIN guessing', () => {
  it('checks at most the free tries of 100 guesses sent at once from one address, so the right PIN among them opens nothing', async () => {
    const url = await start(newDataDir());
    const guesses = Array.from({ length: 100 }, (_, n) => (n === 99 ? demoPin : String(1000 + n)));
    const statuses = tally(await Promise.all(guesses.map((pin) => loginFrom(url, pin, '127.0.0.5'))));
    expect(statuses[200]).toBeUndefined();
    // One check in flight per caller, each counted as wrong before scrypt runs: the free tries at most.
    expect(statuses[401]).toBeLessThanOrEqual(defaultPinThrottleRules.freeTries);
    expect(statuses[429]).toBe(100 - statuses[401]!);
  });

  it('allows the whole hub only so many wrong PINs an hour from any number of addresses, logs each with its source, and tells the desk', async () => {
    const lines: string[] = [];
    const url = await start(newDataDir(), lines);
    const desk = deskAt(url);
    expect((await desk.login(demoPin)).status).toBe(200);

    const statuses: number[] = [];
    for (let address = 10; address < 50; address++) {
      for (let n = 0; n < 2; n++) statuses.push(await loginFrom(url, String(5000 + address * 2 + n), `127.0.0.${address}`));
    }
    const counts = tally(statuses);
    // The one right sign-in above left the hub's budget untouched.
    expect(counts[401]).toBe(hubFailuresPerHour);
    expect(counts[429]).toBe(80 - hubFailuresPerHour);
    // Even the right PIN waits now, from a fresh address.
    expect(await loginFrom(url, demoPin, '127.0.0.99')).toBe(429);

    const wrong = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.message === 'a wrong staff PIN was tried');
    expect(wrong).toHaveLength(hubFailuresPerHour);
    expect(wrong[0]).toMatchObject({ level: 'warn', source: '127.0.0.10' });

    // The desk's own session still works, and its health strip says what is going on.
    const health = await desk.call<OfficeHealth>('officeHealth', {});
    expect(health.body.ok && health.body.value.hub.problem).toMatch(/^Many wrong staff PINs were tried/);
  });

  it('keeps counting across a restart', async () => {
    const dataDir = newDataDir();
    let url = await start(dataDir);
    for (let n = 0; n < 3; n++) expect(await loginFrom(url, String(1111 + n), '127.0.0.7')).toBe(401);
    expect(await loginFrom(url, '1119', '127.0.0.7')).toBe(429);
    await stop();
    url = await start(dataDir);
    expect(await loginFrom(url, demoPin, '127.0.0.7')).toBe(429);
  });
});

describe('a changed PIN', () => {
  it('ends the sessions the old PIN opened', async () => {
    const dataDir = newDataDir();
    const url = await start(dataDir);
    const desk = deskAt(url);
    expect((await desk.login(demoPin)).status).toBe(200);
    expect((await desk.board()).status).toBe(200);

    // What `stillroom hash-pin --data` writes.
    writeFileSync(join(dataDir, 'staff-pin'), `${await hashPin('864209')}\n`, { mode: 0o600 });
    expect((await desk.board()).status).toBe(401);
    const fresh = deskAt(url);
    expect((await fresh.login('864209')).status).toBe(200);
    expect((await fresh.board()).status).toBe(200);
  });
});

describe('a staff-pin the hub cannot read', () => {
  // Root can read a 0600 file of anyone's, so the test makes it unreadable another way: a folder.
  it('falls back to the office file\'s PIN and says so in the log, once', async () => {
    const dataDir = newDataDir();
    mkdirSync(join(dataDir, 'staff-pin'));
    const lines: string[] = [];
    const url = await start(dataDir, lines);
    expect((await deskAt(url).login(demoPin)).status).toBe(200);
    expect((await deskAt(url).login(demoPin)).status).toBe(200);
    const said = lines.filter((line) => line.includes("staff-pin cannot be read"));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('EISDIR');
  });
});
