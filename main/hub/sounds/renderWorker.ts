/**
 * A sound's loop synthesised and encoded on a worker thread (bundled on its own to
 * dist/main/sound-render.js): seconds of arithmetic (the stream's six filtered voices, then the MP3
 * encoder), which on the hub's own thread held every check-in and screen until it was done
 * (prepareOffThread.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderLoop, type SoundName } from './catalogue.ts';
import { encodeLoop } from './mp3Loop.ts';
import { sampleRate } from './noise.ts';

const { name, zone, samples } = workerData as { name: SoundName; zone: string; samples: number };
const started = performance.now();
const bytes = await encodeLoop(renderLoop(name, zone, samples), sampleRate);
const mp3 = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
parentPort?.postMessage({ mp3, ms: performance.now() - started });
