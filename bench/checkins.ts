/**
 * Check-in latency as the desk feels it: 1,000 sequential kiosk check-ins over HTTP (keep-alive),
 * each timed from the request being sent to the staff WebSocket receiving the arrival. Beside it, a
 * bare WebSocket echo of the same payload size in the same process is the floor no hub can beat.
 * Also: the hub's resident memory before and after, and the gzipped JavaScript the kiosk loads.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import WebSocket from 'ws';
import type { HubMessage } from './checkinsHub.ts';
import type { BenchReport } from './report.ts';

const repoRoot = join(import.meta.dirname, '..');
const warmUp = 100;
const measured = 1000;
const checkIn = JSON.stringify({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: ['softer-light'] });

export async function benchCheckins(): Promise<BenchReport> {
  const hub = fork(join(import.meta.dirname, 'checkinsHub.ts'), [], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const { url, echoUrl } = await nextMessage(hub, 'ready');
    const cookie = await staffLogin(url);
    const desk = await openSocket(`${url.replace(/^http/, 'ws')}/api/live`, { headers: { cookie } });
    const echo = await openSocket(echoUrl);
    desk.send(JSON.stringify({ type: 'subscribe', topic: 'arrivals' }));
    if (!(await nextText(desk)).includes('"subscribed"')) throw new Error('the hub refused the staff subscription');

    const checkInToEvent = async () => {
      const start = performance.now();
      const [response, eventText] = await Promise.all([fetch(`${url}/api/call/checkIn`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-stillroom': '1' }, body: checkIn }), nextText(desk)]);
      const elapsed = performance.now() - start;
      if (!response.ok) throw new Error(`check-in failed with ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
      return { elapsed, size: Buffer.byteLength(eventText) };
    };
    const { size: payloadBytes } = await checkInToEvent();
    const payload = 'x'.repeat(payloadBytes);
    const echoRoundTrip = async () => {
      const start = performance.now();
      echo.send(payload);
      await nextText(echo);
      return performance.now() - start;
    };

    for (let i = 0; i < warmUp; i += 1) {
      await checkInToEvent();
      await echoRoundTrip();
    }
    const before = await nextMessage(hub, 'memory', { type: 'memory' });
    const hubLatencies: number[] = [];
    const echoLatencies: number[] = [];
    for (let i = 0; i < measured; i += 1) {
      hubLatencies.push((await checkInToEvent()).elapsed);
      echoLatencies.push(await echoRoundTrip());
    }
    const after = await nextMessage(hub, 'memory', { type: 'memory' });
    // A second thousand, untimed: growth that continues past the first thousand would be a leak;
    // growth within the first is mostly warm-up (V8's compiled code, SQLite's page cache, buffers).
    for (let i = 0; i < measured; i += 1) await checkInToEvent();
    const afterSecond = await nextMessage(hub, 'memory', { type: 'memory' });
    desk.close();
    echo.close();

    const hubP = percentiles(hubLatencies);
    const echoP = percentiles(echoLatencies);
    const growthMb = (after.rss - before.rss) / 1024 / 1024;
    const steadyGrowthMb = (afterSecond.rss - after.rss) / 1024 / 1024;
    const kiosk = kioskScriptGzipBytes(join(repoRoot, 'dist/renderer'));
    const ms = (value: number) => `${value.toFixed(2)} ms`;
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    return {
      title: `Check-ins: ${measured} sequential kiosk check-ins over HTTP keep-alive → staff WebSocket event (payload ${payloadBytes} B), after ${warmUp} warm-up`,
      rows: [
        { measure: 'check-in → event p50', value: ms(hubP.p50), target: '' },
        { measure: 'check-in → event p95', value: ms(hubP.p95), target: '' },
        { measure: 'check-in → event p99', value: ms(hubP.p99), target: '< 20 ms', met: hubP.p99 < 20 },
        { measure: 'WebSocket echo p50 (floor)', value: ms(echoP.p50), target: '' },
        { measure: 'WebSocket echo p95 (floor)', value: ms(echoP.p95), target: '' },
        { measure: 'WebSocket echo p99 (floor)', value: ms(echoP.p99), target: '' },
        { measure: 'check-in p99 / echo p99', value: `${(hubP.p99 / echoP.p99).toFixed(1)}x`, target: '<= 3x', met: hubP.p99 <= 3 * echoP.p99 },
        { measure: 'hub RSS before', value: mb(before.rss), target: '' },
        { measure: 'hub RSS after 1,000', value: mb(after.rss), target: '' },
        { measure: 'hub RSS growth over the 1,000', value: `${growthMb.toFixed(1)} MB`, target: '< 10 MB', met: growthMb < 10 },
        { measure: 'hub RSS growth over 1,000 more', value: `${steadyGrowthMb.toFixed(1)} MB`, target: '' },
        { measure: 'heap in use after GC: before → after 2,000', value: `${mb(before.heapUsed)} → ${mb(afterSecond.heapUsed)}`, target: 'flat (no leak)', met: afterSecond.heapUsed - before.heapUsed < 5 * 1024 * 1024 },
        kiosk.ok
          ? { measure: 'kiosk JavaScript (gzip)', value: `${(kiosk.bytes / 1024).toFixed(1)} KB in ${kiosk.files} file${kiosk.files === 1 ? '' : 's'}`, target: '< 150 KB', met: kiosk.bytes < 150 * 1024 }
          : { measure: 'kiosk JavaScript (gzip)', value: 'not measured', target: '< 150 KB' },
      ],
      notes: [
        'the demo office: every check-in also pushes to a phone, cues a light and, asking for softer light, eases Sam\'s room into Grounding through the simulated Home Assistant running in the hub',
        'resident memory follows V8\'s committed heap, which grows under this allocation rate and is slow to shrink; the heap in use after a full GC is what a leak would move',
        ...(after.gc ? [] : ['global.gc was not available in the hub process; memory figures include garbage']),
        ...(kiosk.ok ? [] : [kiosk.reason]),
      ],
    };
  } finally {
    hub.send({ type: 'stop' });
    await new Promise((resolve) => (hub.exitCode === null ? hub.once('exit', resolve) : resolve(undefined)));
  }
}

export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/**
 * Sum of gzip sizes of the scripts index.html loads and everything they import statically (not
 * dynamic `import()`, which the kiosk may never load).
 */
export function kioskScriptGzipBytes(rendererDir: string): { ok: true; bytes: number; files: number } | { ok: false; reason: string } {
  const indexFile = join(rendererDir, 'index.html');
  if (!existsSync(indexFile)) return { ok: false, reason: `${indexFile} does not exist: the renderer is not built (npm run build:renderer)` };
  const html = readFileSync(indexFile, 'utf8');
  const entries = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"|<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g)].map((m) => posix.resolve('/', (m[1] ?? m[2])!));
  if (entries.length === 0) return { ok: false, reason: `${indexFile} references no scripts: the renderer is not built (npm run build:renderer)` };
  const seen = new Set<string>();
  const pending = [...entries];
  let bytes = 0;
  while (pending.length > 0) {
    const urlPath = pending.pop()!;
    if (seen.has(urlPath)) continue;
    seen.add(urlPath);
    const source = readFileSync(join(rendererDir, urlPath));
    bytes += gzipSync(source, { level: 9 }).length;
    for (const match of String(source).matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+\.js)["']/g)) {
      pending.push(posix.resolve(posix.dirname(urlPath), match[1]!));
    }
  }
  return { ok: true, bytes, files: seen.size };
}

async function staffLogin(url: string): Promise<string> {
  const response = await fetch(`${url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-stillroom': '1' }, body: JSON.stringify({ pin: '2468' }) });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error(`staff login failed with ${response.status}`);
  return cookie;
}

function openSocket(url: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const ws = new WebSocket(url, options);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function nextText(ws: WebSocket): Promise<string> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(String(data))));
}

function nextMessage<T extends HubMessage['type']>(child: ChildProcess, type: T, request?: object): Promise<Extract<HubMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: HubMessage) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as Extract<HubMessage, { type: T }>);
    };
    const onExit = (code: number | null) => reject(new Error(`the hub process exited (code ${code}) before sending "${type}"`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    if (request) child.send(request);
  });
}
