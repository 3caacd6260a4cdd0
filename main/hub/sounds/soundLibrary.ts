/**
 * Rendered loops of Stillroom's sounds: each (sound, zone) is synthesised and encoded once, the
 * first time a speaker asks for it (on a worker thread: prepareOffThread.ts), then kept in memory
 * and in the data folder, so a restart plays
 * at once and a Raspberry Pi does not spend its start-up encoding sounds nobody plays. One loop is
 * prepared at a time.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from '../log.ts';
import type { SoundName } from './catalogue.ts';
import { frameLength, samplesPerFrame } from './mp3Loop.ts';
import { sampleRate } from './noise.ts';
import { prepareOffThread } from './prepareOffThread.ts';

/** About 20 seconds: far longer than an ear can pick out a repeat in noise. */
export const loopFrames = 766;
/** Bumped whenever a recipe changes, so cached files of the old sound are not played. */
const recipeVersion = 1;

/** A loop ready to stream: its bytes and where each frame starts (one past the end last). */
export interface SoundLoop {
  bytes: Buffer;
  frameStarts: number[];
  frameMs: number;
}

export interface SoundLibrary {
  loop(name: SoundName, zone: string): Promise<SoundLoop>;
}

function toLoop(bytes: Buffer): SoundLoop | null {
  const frameStarts = [0];
  for (let offset = 0; offset < bytes.length; ) {
    const length = frameLength(bytes, offset);
    if (length === 0) return null;
    offset += length;
    frameStarts.push(offset);
  }
  return frameStarts.length > 1 && frameStarts.at(-1) === bytes.length ? { bytes, frameStarts, frameMs: (samplesPerFrame / sampleRate) * 1000 } : null;
}

export interface SoundLibraryOptions {
  cacheDir: string;
  log: Log;
  frames?: number;
  /** The built sound worker (dist/main/sound-render.js); without it loops are made on the hub's thread. */
  renderWorker?: string | null;
}

export function createSoundLibrary({ cacheDir, log, frames = loopFrames, renderWorker = null }: SoundLibraryOptions): SoundLibrary {
  const loops = new Map<string, Promise<SoundLoop>>();
  let queue: Promise<unknown> = Promise.resolve();

  function readCached(file: string): SoundLoop | null {
    try {
      return toLoop(readFileSync(file));
    } catch {
      return null;
    }
  }

  async function prepare(name: SoundName, zone: string): Promise<SoundLoop> {
    const file = join(cacheDir, `${name}${zone ? `.${zone}` : ''}.v${recipeVersion}.${frames}.mp3`);
    const cached = readCached(file);
    if (cached) return cached;
    const started = Date.now();
    const { bytes, ms, where } = await prepareOffThread(renderWorker, name, zone, frames * samplesPerFrame, log);
    log.info('a sound was prepared', { sound: name, zone: zone || 'shared', ms: Date.now() - started, makingMs: Math.round(ms), where });
    try {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(`${file}.tmp`, bytes);
      renameSync(`${file}.tmp`, file);
    } catch (error) {
      // Only the next start is slower: the sound plays from memory now.
      log.warn('a prepared sound could not be kept in the data folder', { sound: name, error: error instanceof Error ? error.message : String(error) });
    }
    return toLoop(bytes)!;
  }

  return {
    loop(name, zone) {
      const key = `${name}/${zone}`;
      let loop = loops.get(key);
      if (!loop) {
        loop = queue.then(() => prepare(name, zone));
        queue = loop.catch(() => undefined);
        loops.set(key, loop);
        // A failure is not kept: the next listener tries again.
        loop.catch(() => loops.delete(key));
      }
      return loop;
    },
  };
}
