/**
 * What Stillroom's own sound costs the hub: the CPU of serving three rooms' masking streams at once
 * (each room its own generator), against the same hub idling for the same time in the same run. The
 * hub runs in its own process and reports its own CPU time, so the listeners here are not counted.
 * Each loop is prepared once before the measurement (that one-off cost is reported apart).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { join } from 'node:path';
import type { BenchReport } from './report.ts';
import type { SoundsHubMessage } from './soundsHub.ts';

const zones = ['willow', 'cedar', 'linden'];
const measureMs = 15_000;
/** A masking stream must stay a small fraction of one core: five per cent for all three. */
const targetShare = 0.05;

function nextMessage<T extends SoundsHubMessage['type']>(hub: ChildProcess, type: T, request?: object): Promise<Extract<SoundsHubMessage, { type: T }>> {
  return new Promise((resolve) => {
    const listener = (message: SoundsHubMessage) => {
      if (message.type !== type) return;
      hub.off('message', listener);
      resolve(message as Extract<SoundsHubMessage, { type: T }>);
    };
    hub.on('message', listener);
    if (request) hub.send(request);
  });
}

/** A speaker listening: resolves once the first bytes arrived; `stop` hangs up. */
function listen(url: string): Promise<{ bytes: () => number; stop: () => void }> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    const request = get(url, { agent: false }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`${url} answered ${response.statusCode}`));
      response.on('data', (chunk: Buffer) => {
        if (bytes === 0) resolve({ bytes: () => bytes, stop: () => request.destroy() });
        bytes += chunk.length;
      });
    });
    request.on('error', (error) => (bytes === 0 ? reject(error) : undefined));
  });
}

/**
 * A screen asking the hub something, one request after another, while `during` runs: the longest
 * it waited for an answer. While a sound is made the hub must keep answering (the making runs on a
 * worker thread); the same screen on the idle hub is the floor.
 */
async function longestWait(url: string, during: () => Promise<unknown>): Promise<number> {
  let asking = true;
  let longest = 0;
  const screen = (async () => {
    while (asking) {
      const started = performance.now();
      await new Promise<void>((resolve, reject) => get(`${url}/api/staff/session`, { agent: false }, (response) => response.resume().once('end', resolve)).once('error', reject));
      longest = Math.max(longest, performance.now() - started);
    }
  })();
  await during();
  asking = false;
  await screen;
  return longest;
}

const share = (hub: { microseconds: number; atMs: number }, later: { microseconds: number; atMs: number }) => (later.microseconds - hub.microseconds) / 1000 / (later.atMs - hub.atMs);
const percent = (value: number) => `${(value * 100).toFixed(2)} % of one core`;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchSounds(): Promise<BenchReport> {
  const hub = fork(join(import.meta.dirname, 'soundsHub.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const { url } = await nextMessage(hub, 'ready');
    const streams = zones.map((zone) => `${url}/sounds/masking/${zone}.mp3`);
    // Prepare each loop once (synthesis and MP3 encoding), as the first speaker of the day would.
    const prepareStart = await nextMessage(hub, 'cpu', { type: 'cpu' });
    const waitWhileMaking = await longestWait(url, async () => {
      for (const stream of streams) (await listen(stream)).stop();
    });
    const prepared = await nextMessage(hub, 'cpu', { type: 'cpu' });
    await wait(1_000);
    const waitIdle = await longestWait(url, () => wait(3_000));

    const idleStart = await nextMessage(hub, 'cpu', { type: 'cpu' });
    await wait(measureMs);
    const idleEnd = await nextMessage(hub, 'cpu', { type: 'cpu' });

    const listeners = await Promise.all(streams.map(listen));
    await wait(4_000); // past the few seconds each stream sends ahead
    const servingStart = await nextMessage(hub, 'cpu', { type: 'cpu' });
    const bytesStart = listeners.reduce((sum, listener) => sum + listener.bytes(), 0);
    await wait(measureMs);
    const servingEnd = await nextMessage(hub, 'cpu', { type: 'cpu' });
    const bytes = listeners.reduce((sum, listener) => sum + listener.bytes(), 0) - bytesStart;
    for (const listener of listeners) listener.stop();

    const idle = share(idleStart, idleEnd);
    const serving = share(servingStart, servingEnd);
    const kbps = (bytes * 8) / (servingEnd.atMs - servingStart.atMs) / zones.length;
    return {
      title: `Sound: three masking streams (${zones.join(', ')}) served at once, ${measureMs / 1000} s each phase`,
      rows: [
        { measure: 'hub CPU, idle (floor)', value: percent(idle), target: '' },
        { measure: 'hub CPU, serving three streams', value: percent(serving), target: `< ${percent(targetShare)}`, met: serving < targetShare },
        { measure: 'serving minus idle', value: percent(serving - idle), target: '' },
        { measure: 'bit rate per stream', value: `${kbps.toFixed(0)} kbit/s`, target: '128 kbit/s (played in real time)', met: Math.abs(kbps - 128) < 8 },
        { measure: 'preparing the three loops, once', value: `${((prepared.microseconds - prepareStart.microseconds) / 1e6).toFixed(1)} s of CPU`, target: '' },
        { measure: "a screen's longest wait, hub idle (floor)", value: `${waitIdle.toFixed(0)} ms`, target: '' },
        { measure: "a screen's longest wait while the loops are made", value: `${waitWhileMaking.toFixed(0)} ms`, target: '< 250 ms', met: waitWhileMaking < 250 },
      ],
      notes: ['the loops are kept in the data folder, so preparing them happens once per sound and room, not at every start'],
    };
  } finally {
    hub.send({ type: 'stop' });
    await new Promise((resolve) => hub.once('exit', resolve));
  }
}
