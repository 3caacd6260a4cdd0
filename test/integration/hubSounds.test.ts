/**
 * Stillroom's own sounds as a speaker receives them: every sound from the hub's HTTP address is an
 * endless MP3 stream that a frame parser reads from the first byte, answered the way internet
 * radio is, paced rather than flooded, and refused for names and rooms that do not exist.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { soundNames } from '../../main/hub/sounds/catalogue.ts';
import { maxListeners } from '../../main/hub/sounds/soundStreams.ts';
import { startHub, type RunningHub } from './support/hubClient.ts';

let running: RunningHub;
beforeAll(async () => {
  running = await startHub();
});
afterAll(() => running.close());

/** One MPEG audio frame header, read the way a decoder does (ISO/IEC 11172-3, 2.4.1.3). */
interface FrameHeader {
  version: 'MPEG-1' | 'MPEG-2' | 'MPEG-2.5';
  layer: number;
  kbps: number;
  hz: number;
  mono: boolean;
  bytes: number;
}

function readFrameHeader(data: Buffer, at: number): FrameHeader | null {
  if (at + 4 > data.length) return null;
  const word = data.readUInt32BE(at);
  if (word >>> 21 !== 0x7ff) return null;
  const versionBits = (word >>> 19) & 3;
  const layerBits = (word >>> 17) & 3;
  if (versionBits !== 3 || layerBits !== 1) return null; // only MPEG-1 Layer III is expected from the hub
  const kbps = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0][(word >>> 12) & 15]!;
  const hz = [44_100, 48_000, 32_000, 0][(word >>> 10) & 3]!;
  if (kbps === 0 || hz === 0) return null;
  const padding = (word >>> 9) & 1;
  return { version: 'MPEG-1', layer: 3, kbps, hz, mono: ((word >>> 6) & 3) === 3, bytes: Math.floor((144 * kbps * 1000) / hz) + padding };
}

/** Every whole frame from the start of `data`; stops at the first byte that is not a frame. */
function readFrames(data: Buffer): { frames: FrameHeader[]; parsedBytes: number } {
  const frames: FrameHeader[] = [];
  let at = 0;
  for (let header = readFrameHeader(data, at); header && at + header.bytes <= data.length; header = readFrameHeader(data, at)) {
    frames.push(header);
    at += header.bytes;
  }
  return { frames, parsedBytes: at };
}

interface Listening {
  response: IncomingMessage;
  /** Resolves with what had arrived after `ms` of listening (or when the stream ended). */
  collect(ms: number): Promise<Buffer>;
  stop(): void;
}

/** A speaker tuning in: GET, then read what the hub sends. */
function listen(path: string, method = 'GET'): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${running.url}${path}`, { method, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      let ended = false;
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => (ended = true));
      resolve({
        response,
        collect: (ms) =>
          new Promise((done) => {
            if (ended) return done(Buffer.concat(chunks));
            const timer = setTimeout(() => done(Buffer.concat(chunks)), ms);
            response.once('end', () => {
              clearTimeout(timer);
              done(Buffer.concat(chunks));
            });
          }),
        stop: () => request.destroy(),
      });
    });
    request.on('error', reject);
    request.end();
  });
}

/** Waits until `bytes` have arrived on the stream. */
function firstBytes(listening: Listening, bytes: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    listening.response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= bytes) resolve(Buffer.concat(chunks));
    });
  });
}

describe("Stillroom's own sounds over HTTP", () => {
  it.each(soundNames)(
    '%s streams as MP3 that a frame parser reads frame after frame, from the hub\'s own address',
    async (name) => {
      const listening = await listen(`/sounds/${name}.mp3`);
      try {
        expect(listening.response.statusCode).toBe(200);
        expect(listening.response.headers['content-type']).toBe('audio/mpeg');
        // Internet-radio form: no length, no chunks, the body runs until the connection closes.
        expect(listening.response.headers['content-length']).toBeUndefined();
        expect(listening.response.headers['transfer-encoding']).toBeUndefined();
        const data = await firstBytes(listening, 64_000);
        const { frames, parsedBytes } = readFrames(data);
        expect(frames.length).toBeGreaterThan(100);
        expect(parsedBytes).toBeGreaterThan(data.length - 1_500);
        expect(new Set(frames.map((frame) => `${frame.version} layer ${frame.layer} ${frame.hz} Hz ${frame.kbps} kbps ${frame.mono ? 'mono' : 'stereo'}`))).toEqual(new Set(['MPEG-1 layer 3 44100 Hz 128 kbps mono']));
      } finally {
        listening.stop();
      }
    },
    120_000,
  );

  it('gives each room its own masking stream, and the shared one is different again', async () => {
    const heads = await Promise.all(
      ['/sounds/masking.mp3', '/sounds/masking/willow.mp3', '/sounds/masking/cedar.mp3'].map(async (path) => {
        const listening = await listen(path);
        const data = await firstBytes(listening, 20_000);
        listening.stop();
        expect(readFrames(data).frames.length).toBeGreaterThan(20);
        return data.subarray(0, 20_000).toString('base64');
      }),
    );
    expect(new Set(heads).size).toBe(3);
  }, 120_000);

  it('sends a few seconds ahead for the player to buffer, then keeps pace instead of flooding', async () => {
    const listening = await listen('/sounds/pink-noise.mp3');
    await firstBytes(listening, 1);
    const data = await listening.collect(1_000);
    listening.stop();
    const seconds = readFrames(data).frames.length * (1152 / 44_100);
    // About three seconds up front plus the one second listened; never the whole 20-second loop.
    expect(seconds).toBeGreaterThan(2.5);
    expect(seconds).toBeLessThan(6);
  }, 60_000);

  it('answers HEAD with the type and no body', async () => {
    const listening = await listen('/sounds/rain.mp3', 'HEAD');
    expect(listening.response.statusCode).toBe(200);
    expect(listening.response.headers['content-type']).toBe('audio/mpeg');
    listening.stop();
  });

  it.each([
    ['an unknown sound', '/sounds/thunder.mp3'],
    ['an unknown room', '/sounds/masking/attic.mp3'],
    ['another format', '/sounds/rain.wav'],
    ['a room id that is not one', '/sounds/masking/..%2F..%2Fdata.mp3'],
  ])('refuses %s in words', async (_what, path) => {
    const listening = await listen(path);
    expect(listening.response.statusCode).toBe(404);
    expect((await listening.collect(5_000)).toString()).toBe('There is no such sound.');
  });

  it(`refuses listener ${maxListeners + 1} with a busy answer and keeps serving the others`, async () => {
    const many = await Promise.all(Array.from({ length: maxListeners }, () => listen('/sounds/brown-noise.mp3')));
    try {
      expect(many.map((listening) => listening.response.statusCode)).toEqual(Array(maxListeners).fill(200));
      const one = await listen('/sounds/brown-noise.mp3');
      expect(one.response.statusCode).toBe(503);
      expect(readFrames(await firstBytes(many[0]!, 10_000)).frames.length).toBeGreaterThan(10);
    } finally {
      for (const listening of many) listening.stop();
    }
    // Once they have gone, a new speaker is let in again.
    await expect.poll(() => running.hub.sounds.listeners()).toBe(0);
    const again = await listen('/sounds/brown-noise.mp3');
    expect(again.response.statusCode).toBe(200);
    again.stop();
  }, 60_000);

  it('keeps a prepared sound in the data folder, so a restarted hub plays it without preparing it again', async () => {
    const listening = await listen('/sounds/room-tone.mp3');
    const before = await firstBytes(listening, 10_000);
    listening.stop();
    await running.close();
    running = await startHub({ dataDir: running.dataDir });
    const again = await listen('/sounds/room-tone.mp3');
    const after = await firstBytes(again, 10_000);
    again.stop();
    expect(after.subarray(0, 10_000)).toEqual(before.subarray(0, 10_000));
  }, 120_000);
});
