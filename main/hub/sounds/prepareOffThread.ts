/**
 * Synthesises and encodes a sound's loop on a worker thread (renderWorker.ts), so the hub keeps
 * answering while it works. Where the worker cannot start (no built worker beside the bundle, a
 * packaged app that cannot load it), the loop is made on this thread as before, with a warning:
 * screens wait a moment, the sound still plays.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Log } from '../log.ts';
import { renderLoop, type SoundName } from './catalogue.ts';
import { encodeLoop } from './mp3Loop.ts';
import { sampleRate } from './noise.ts';

export interface Prepared {
  /** The loop as MP3 frames. */
  bytes: Buffer;
  /** How long making it took, and where. */
  ms: number;
  where: 'worker' | 'hub thread';
}

export function prepareOffThread(workerFile: string | null, name: SoundName, zone: string, samples: number, log: Log): Promise<Prepared> {
  const here = async (reason: string): Promise<Prepared> => {
    log.warn("a sound is prepared on the hub's own thread: screens may wait a moment", { sound: name, reason });
    const started = performance.now();
    const bytes = await encodeLoop(renderLoop(name, zone, samples), sampleRate);
    return { bytes, ms: performance.now() - started, where: 'hub thread' };
  };
  if (!workerFile || !existsSync(workerFile)) return here('no sound worker beside the hub');
  // Answered once the worker has gone (it exits right after its answer, or after an error), so the
  // fallback starts only when the worker gave nothing: making the sound again here would stall the
  // hub for nothing.
  return new Promise((resolve) => {
    let made: Prepared | undefined;
    let failure = '';
    const worker = new Worker(workerFile, { workerData: { name, zone, samples } });
    worker.once('message', (message: { mp3: Uint8Array; ms: number }) => {
      made = { bytes: Buffer.from(message.mp3.buffer, message.mp3.byteOffset, message.mp3.byteLength), ms: message.ms, where: 'worker' };
    });
    worker.once('error', (error) => (failure = error.message.slice(0, 200)));
    worker.once('exit', (code) => resolve(made ?? here(failure || `the sound worker stopped (${code})`)));
  });
}
