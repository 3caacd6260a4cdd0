/**
 * Preparing a sound must not stop the hub: the stream's synthesis is seconds of arithmetic on a
 * Raspberry Pi, and on the hub's own thread every check-in and screen waited for it (the first Calm
 * of the day held the room screen's next fine-tune for 3 to 8 s on a busy machine). The loop is now
 * synthesised and encoded on a worker thread; the hub's longest stall while a sound is prepared is
 * measured with a heartbeat.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createLog } from '../../main/hub/log.ts';
import { createSoundLibrary } from '../../main/hub/sounds/soundLibrary.ts';
import { newDataDir, repoRoot } from './support/hubClient.ts';
import { serveFromCli } from './support/hubProcess.ts';
import { tempDir } from '../support/tempDir.ts';

const worker = join(repoRoot, 'dist/main/sound-render.js');
beforeAll(() => {
  // `npm test` builds first; this keeps the file runnable on its own.
  if (!existsSync(worker)) execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: repoRoot, stdio: 'inherit' });
});

/**
 * The hub's longest stall while it prepares the stream (about 7 s of it): the longest gap between
 * ticks of a 5 ms heartbeat, which is what a check-in arriving meanwhile would have waited.
 */
async function prepareStream(renderWorker: string | null) {
  const lines: Record<string, unknown>[] = [];
  const library = createSoundLibrary({ cacheDir: tempDir('sounds'), log: createLog((line) => lines.push(JSON.parse(line) as Record<string, unknown>)), frames: 300, renderWorker });
  let last = performance.now();
  let longestStallMs = 0;
  const heartbeat = setInterval(() => {
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - last);
    last = now;
  }, 5);
  await new Promise((resolve) => setTimeout(resolve, 20));
  last = performance.now();
  const loop = await library.loop('stream', 'willow');
  clearInterval(heartbeat);
  longestStallMs = Math.max(longestStallMs, performance.now() - last);
  const prepared = lines.find((line) => line['message'] === 'a sound was prepared')!;
  return { loop, makingMs: prepared['makingMs'] as number, where: prepared['where'], longestStallMs };
}

it('answers its screens while it prepares a sound: no wait comes near the time the sound took to make', async () => {
  const served = await serveFromCli(newDataDir());
  try {
    // A screen asking the hub something, again and again, one request after the other.
    let longestMs = 0;
    let asking = true;
    const screen = (async () => {
      while (asking) {
        const started = performance.now();
        await (await fetch(`${served.url}/api/staff/session`)).arrayBuffer();
        longestMs = Math.max(longestMs, performance.now() - started);
      }
    })();
    // A speaker tunes in to the stream, which this new data folder has never made.
    const tuned = await fetch(`${served.url}/sounds/stream.mp3`);
    const reader = tuned.body!.getReader();
    expect((await reader.read()).value?.length).toBeGreaterThan(0);
    await reader.cancel();
    asking = false;
    await screen;
    const prepared = served
      .stderr()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line['message'] === 'a sound was prepared')!;
    expect(prepared).toMatchObject({ sound: 'stream', where: 'worker' });
    // Made once, on the worker: never again on the hub's thread after the worker has answered.
    expect(served.stderr()).not.toContain("prepared on the hub's own thread");
    expect(longestMs, `longest answer ${Math.round(longestMs)} ms while the sound took ${String(prepared['makingMs'])} ms`).toBeLessThan((prepared['makingMs'] as number) / 4);
  } finally {
    await served.kill();
  }
});

it('still plays where the worker cannot start, made on the hub\'s thread (which stalls it) and saying so', async () => {
  const { loop, makingMs, where, longestStallMs } = await prepareStream(join(repoRoot, 'dist/main/no-such-worker.js'));
  expect(where).toBe('hub thread');
  expect(loop.frameStarts.length - 1).toBe(300);
  // What every preparation did before: the synthesis held the hub from start to end.
  expect(longestStallMs, `longest stall ${Math.round(longestStallMs)} ms while making took ${Math.round(makingMs)} ms`).toBeGreaterThanOrEqual(makingMs / 4);
});
