/**
 * Connections are bounded, so nobody on the network can take the hub down with sockets: the real
 * `stillroom serve` is hit with a few thousand unauthenticated WebSocket upgrades, a staff socket
 * beyond its address's share, and a socket that only sends nonsense. Check-ins keep working and
 * the hub's memory stays put. (Before: ~20,000 idle upgrades took the hub to its fd limit and the
 * next check-in crashed it; one nonsense-sending socket that never read grew it by 1.4 GB.)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { defaultLiveSocketLimits } from '../../main/hub/transport/liveSocket.ts';
import { deskAt, demoPin, kioskAt, newDataDir, repoRoot } from './support/hubClient.ts';
import { serveFromCli, type HubProcess } from './support/hubProcess.ts';

let hub: HubProcess;
beforeAll(async () => {
  // `npm test` builds first; this keeps the file runnable on its own.
  if (!existsSync(join(repoRoot, 'dist/main/cli.js'))) execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  hub = await serveFromCli(newDataDir());
});
afterAll(() => hub?.kill('SIGKILL'));

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const liveUrl = () => `${hub.url.replace(/^http/, 'ws')}/api/live`;

/** Opens a socket and says how it went: open (kept open), or the status / error that refused it. */
function attempt(cookie?: string): Promise<{ ws: WebSocket; outcome: string }> {
  const ws = new WebSocket(liveUrl(), cookie ? { headers: { cookie } } : {});
  return new Promise((resolve) => {
    ws.once('open', () => resolve({ ws, outcome: 'open' }));
    ws.once('unexpected-response', (_request, response) => resolve({ ws, outcome: String(response.statusCode) }));
    ws.once('error', (error: NodeJS.ErrnoException) => resolve({ ws, outcome: error.code ?? 'error' }));
  });
}

const tally = (outcomes: string[]) => outcomes.reduce<Record<string, number>>((counts, outcome) => ({ ...counts, [outcome]: (counts[outcome] ?? 0) + 1 }), {});

describe('a flood of WebSocket upgrades', () => {
  it('keeps only a few sockets without a session, refuses the rest, and check-ins go on', async () => {
    const before = rssMb(hub.child.pid!);
    const sockets = await Promise.all(Array.from({ length: 3000 }, () => attempt()));
    const outcomes = tally(sockets.map((s) => s.outcome));
    expect(outcomes.open).toBeLessThanOrEqual(defaultLiveSocketLimits.withoutSession);
    expect(outcomes['503']).toBeGreaterThan(0);

    // While the flood holds its sockets, a client can still check in and the hub is alive.
    const checkIn = await kioskAt(hub.url).checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] });
    expect(checkIn.status).toBe(200);
    expect(hub.child.exitCode).toBeNull();
    expect(rssMb(hub.child.pid!) - before).toBeLessThan(64);
    for (const { ws } of sockets) ws.terminate();
  });

  it('gives one address only its share of staff sockets', async () => {
    const desk = deskAt(hub.url);
    expect((await desk.login(demoPin)).status).toBe(200);
    const sockets = await Promise.all(Array.from({ length: defaultLiveSocketLimits.perAddress + 4 }, () => attempt(desk.cookie())));
    const outcomes = tally(sockets.map((s) => s.outcome));
    expect(outcomes).toEqual({ open: defaultLiveSocketLimits.perAddress, 503: 4 });
    for (const { ws } of sockets) ws.terminate();
  });
});

describe('a socket that sends what the hub cannot understand', () => {
  it('is answered a few times and then closed', async () => {
    const { ws, outcome } = await attempt();
    expect(outcome).toBe('open');
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    for (let n = 0; n < 50; n++) ws.send('not json');
    expect(await closed).toBe(1008);
  });
});
