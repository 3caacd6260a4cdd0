/**
 * Serves Stillroom's sounds to speakers as endless MP3 streams, the way an internet radio station
 * does: `GET /sounds/<name>.mp3`, or `/sounds/<name>/<room>.mp3` for a room's own generator (the
 * masking player outside its door). The stream is paced at the speed it plays, after a few seconds
 * up front for the player's buffer, so a listener costs a timer and a copy, never an encoder.
 *
 * The response has neither a length nor chunked encoding and closes when the stream ends, as
 * Icecast and Shoutcast answer: the one form every radio-capable player accepts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Log } from '../log.ts';
import { SoundName } from './catalogue.ts';
import type { SoundLibrary, SoundLoop } from './soundLibrary.ts';

export const soundPathPrefix = '/sounds/';
const soundPath = /^\/sounds\/([a-z-]+)(?:\/([a-z0-9-]+))?\.mp3$/;

/** Far more than a practice has speakers; each listener beyond is someone else's doing. */
export const maxListeners = 24;
const bufferAheadMs = 3_000;
const tickMs = 250;

export interface SoundStreams {
  /** Answers a request whose path starts with `/sounds/`. */
  serve(request: IncomingMessage, response: ServerResponse, path: string): void;
  listeners(): number;
  close(): void;
}

export interface SoundStreamsOptions {
  library: SoundLibrary;
  /** The rooms that may have a generator of their own. */
  zones: () => ReadonlySet<string>;
  log: Log;
  now?: () => number;
}

function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(message);
}

export function createSoundStreams({ library, zones, log, now = Date.now }: SoundStreamsOptions): SoundStreams {
  const open = new Set<() => void>();

  /** Streams `loop` until the listener goes; returns how to stop it. */
  function play(response: ServerResponse, loop: SoundLoop): () => void {
    const frameCount = loop.frameStarts.length - 1;
    const startedAt = now();
    let sent = 0;
    let waiting = false;
    const send = () => {
      if (waiting) return;
      const due = Math.floor((now() - startedAt + bufferAheadMs) / loop.frameMs);
      // A listener that fell behind is not flooded: at most the buffer's worth at a time.
      const until = Math.min(due, sent + Math.ceil(bufferAheadMs / loop.frameMs));
      while (sent < until && !waiting) {
        const first = sent % frameCount;
        const last = Math.min(frameCount, first + (until - sent));
        waiting = !response.write(loop.bytes.subarray(loop.frameStarts[first], loop.frameStarts[last]));
        sent += last - first;
      }
    };
    const timer = setInterval(send, tickMs);
    response.on('drain', () => {
      waiting = false;
    });
    send();
    return () => clearInterval(timer);
  }

  return {
    serve(request, response, path) {
      const match = soundPath.exec(path);
      const name = SoundName.safeParse(match?.[1]);
      const zone = match?.[2] ?? '';
      if (!match || !name.success || (zone !== '' && !zones().has(zone))) return refuse(response, 404, 'There is no such sound.');
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      if (open.size >= maxListeners) return refuse(response, 503, 'Too many speakers are listening at once.');
      // No length and no chunks: the body runs until the connection closes (see the top of this file).
      response.removeHeader('transfer-encoding');
      response.writeHead(200, {
        'content-type': 'audio/mpeg',
        'cache-control': 'no-store',
        'accept-ranges': 'none',
        connection: 'close',
        'icy-name': `Stillroom ${name.data}`,
      });
      if (request.method === 'HEAD') {
        response.end();
        return;
      }
      response.flushHeaders();
      // A listener counts from now, while its sound is still being prepared.
      let stopPlaying = () => {};
      const stop = () => {
        stopPlaying();
        open.delete(stop);
        if (!response.destroyed) response.destroy();
      };
      open.add(stop);
      response.once('close', stop);
      library.loop(name.data, zone).then(
        (loop) => {
          if (open.has(stop)) stopPlaying = play(response, loop);
        },
        (error: unknown) => {
          log.error('a sound could not be prepared', { sound: name.data, error: error instanceof Error ? error.message : String(error) });
          stop();
        },
      );
    },
    listeners: () => open.size,
    close() {
      for (const stop of [...open]) stop();
    },
  };
}
