/**
 * The attack and bad-day script (issue 9's acceptance; not a timed test): a real `stillroom serve`
 * on a fresh data folder is hit with
 *   1. a flood of unauthenticated WebSocket upgrades, held open, while a client keeps checking in;
 *   2. a staff socket that subscribes and never reads, plus one that sends only nonsense;
 *   3. a race of wrong PINs: 100 at once from one address, then 4 each from 40 addresses;
 *   4. DNS-rebinding requests (a foreign Host and Origin);
 * and prints what a practice would care about: check-ins served during the flood, the hub's RSS
 * before and after, PIN guesses that reached the check, requests refused for a foreign Host.
 * Run after a build: `npm run build && node --import tsx bench/attack.ts [--sockets 3000]`.
 */
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import type { CheckInRequest } from '../main/contract/contract.ts';
import { demoPin, deskAt, kioskAt, newDataDir } from '../test/integration/support/hubClient.ts';
import { serveFromCli } from '../test/integration/support/hubProcess.ts';

const socketsArg = process.argv.indexOf('--sockets');
const floodSockets = socketsArg > 0 ? Number(process.argv[socketsArg + 1]) : 3000;
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const checkIn: CheckInRequest = { clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] };

function raw(url: string, path: string, { method = 'POST', host, origin, body = '', from }: { method?: string; host?: string; origin?: string; body?: string; from?: string }): Promise<number> {
  const target = new URL(url);
  return new Promise((resolve) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-stillroom': '1', 'content-length': String(Buffer.byteLength(body)) };
    if (host) headers['host'] = host;
    if (origin) headers['origin'] = origin;
    const sent = request({ host: target.hostname, port: target.port, path, method, headers, ...(from ? { localAddress: from } : {}) }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.on('error', () => resolve(0));
    sent.end(body);
  });
}

const tally = (outcomes: (string | number)[]) => outcomes.reduce<Record<string, number>>((counts, o) => ({ ...counts, [o]: (counts[o] ?? 0) + 1 }), {});

const hub = await serveFromCli(newDataDir());
const pid = hub.child.pid!;
const rows: [string, string][] = [];
try {
  const live = `${hub.url.replace(/^http/, 'ws')}/api/live`;
  const rssStart = rssMb(pid);

  // 1. The flood, held open while a kiosk checks in for five seconds.
  const attempts = await Promise.all(
    Array.from({ length: floodSockets }, () => {
      const ws = new WebSocket(live);
      return new Promise<{ ws: WebSocket; outcome: string }>((resolve) => {
        ws.once('open', () => resolve({ ws, outcome: 'open' }));
        ws.once('unexpected-response', (_request, response) => resolve({ ws, outcome: String(response.statusCode) }));
        ws.once('error', (error: NodeJS.ErrnoException) => resolve({ ws, outcome: error.code ?? 'error' }));
      });
    }),
  );
  const kiosk = kioskAt(hub.url);
  // The hub paces each kiosk (arrivals/checkInPace.ts: ten at once, then one every 6 s), so a kiosk
  // that keeps tapping is served ten and then told to wait (429), flood or not.
  const kioskStatuses: number[] = [];
  const until = Date.now() + 5_000;
  while (Date.now() < until) kioskStatuses.push((await kiosk.checkIn(checkIn)).status);
  const kioskTally = tally(kioskStatuses);
  const rssFlood = rssMb(pid);
  const outcomes = tally(attempts.map((a) => a.outcome));
  for (const { ws } of attempts) ws.terminate();
  rows.push(['flood: upgrades sent / kept open / refused', `${floodSockets} / ${outcomes['open'] ?? 0} / ${floodSockets - (outcomes['open'] ?? 0)}`]);
  rows.push(['flood: one kiosk tapping for 5 s: served / paced (429) / other', `${kioskTally['200'] ?? 0} / ${kioskTally['429'] ?? 0} / ${kioskStatuses.length - (kioskTally['200'] ?? 0) - (kioskTally['429'] ?? 0)}`]);

  // 2. A staff socket that never reads, and one that sends nonsense.
  const desk = deskAt(hub.url);
  await desk.login(demoPin);
  const slow = new WebSocket(live, { headers: { cookie: desk.cookie()! } });
  await new Promise((resolve) => slow.once('open', resolve));
  slow.send(JSON.stringify({ type: 'subscribe', topic: 'arrivals' }));
  (slow as unknown as { _socket: { pause(): void } })._socket.pause();
  const slowClosed = new Promise<string>((resolve) => slow.once('close', (code) => resolve(`closed (${code})`)));
  const noisy = new WebSocket(live);
  await new Promise((resolve) => noisy.once('open', resolve));
  const noisyClosed = new Promise<string>((resolve) => noisy.once('close', (code) => resolve(`closed (${code})`)));
  for (let n = 0; n < 10_000 && noisy.readyState === WebSocket.OPEN; n++) noisy.send('not json at all');
  // 300 check-ins from 30 kiosks' addresses; the hub-wide pace (40 a minute) serves some of them, each one an event the socket never reads.
  const behind = tally(await Promise.all(Array.from({ length: 300 }, (_, n) => raw(hub.url, '/api/call/checkIn', { body: JSON.stringify(checkIn), from: `127.0.2.${(n % 30) + 1}` }))));
  rows.push(['slow reader: check-ins during it: served / paced (429)', `${behind['200'] ?? 0} / ${behind['429'] ?? 0}`]);
  const rssSlow = rssMb(pid);
  rows.push(['slow reader: the socket that never read', await Promise.race([slowClosed, new Promise<string>((resolve) => setTimeout(() => resolve('still open (buffered by the kernel)'), 1_000))])]);
  rows.push(['nonsense sender', await noisyClosed]);
  slow.terminate();

  // 3. PIN race: 100 at once from one address, then 4 each from 40 addresses.
  const one = tally(await Promise.all(Array.from({ length: 100 }, (_, n) => raw(hub.url, '/api/staff/login', { body: JSON.stringify({ pin: String(100000 + n) }), from: '127.0.0.5' }))));
  const many = tally(await Promise.all(Array.from({ length: 160 }, (_, n) => raw(hub.url, '/api/staff/login', { body: JSON.stringify({ pin: String(200000 + n) }), from: `127.0.1.${(n % 40) + 1}` }))));
  rows.push(['PIN race, 100 from one address: checked (401) / turned away (429)', `${one['401'] ?? 0} / ${one['429'] ?? 0}`]);
  rows.push(['PIN race, 160 from 40 addresses: checked / turned away', `${many['401'] ?? 0} / ${many['429'] ?? 0}`]);
  rows.push(['PIN guesses that reach the check, per hour (whole hub)', `${(one['401'] ?? 0) + (many['401'] ?? 0)} this hour (ceiling 20)`]);

  // 4. DNS rebinding: a page served as evil.example, that name pointed at the hub.
  const port = new URL(hub.url).port;
  // In rounds of 100: all 1000 at once would meet the hub's connection cap (768) first.
  const statuses: number[] = [];
  for (let round = 0; round < 10; round++) {
    statuses.push(
      ...(await Promise.all(
        Array.from({ length: 100 }, (_, n) =>
          raw(hub.url, ['/kiosk', '/api/call/checkIn', '/api/staff/login', '/api/call/deskBoard'][n % 4]!, { method: n % 4 === 0 ? 'GET' : 'POST', host: `evil.example:${port}`, origin: `http://evil.example:${port}`, body: n % 4 === 0 ? '' : JSON.stringify(checkIn) }),
        ),
      )),
    );
  }
  const rebinding = tally(statuses);
  rows.push(['rebinding requests refused with 421', `${rebinding['421'] ?? 0} of 1000 (${JSON.stringify(rebinding)})`]);
  rows.push(['hub RSS: start / during flood / after slow reader (MB)', `${rssStart.toFixed(0)} / ${rssFlood.toFixed(0)} / ${rssSlow.toFixed(0)}`]);
  rows.push(['hub still running', hub.child.exitCode === null ? 'yes' : `no (exit ${hub.child.exitCode})`]);
} finally {
  await hub.kill();
}

const width = Math.max(...rows.map(([label]) => label.length));
process.stdout.write(`Stillroom under attack (node ${process.version}, ${floodSockets} flood sockets)\n`);
for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(width)}  ${value}\n`);
