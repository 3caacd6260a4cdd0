/**
 * Media sources as Home Assistant resolves them, and a player that fetches what it is told to play.
 *
 * - `media-source://<domain>/<identifier>` is resolved by the media source registered for
 *   `<domain>`; an unknown domain is refused (homeassistant/components/media_source/helper.py
 *   `_get_media_item` raises `UnknownMediaSource`, "Unknown media source: {domain}", a ValueError
 *   that `async_resolve_media` turns into `Unresolvable`, "Failed to resolve media with content id
 *   {media_content_id}: {error}", translation key `resolve_media_failed`, strings.json).
 * - Only `media_source` (Local Media, media_source/local_source.py) is registered here: `local/<path>`
 *   resolves to `/media/local/<path>` (unknown folder: "Unknown source directory."), signed with an
 *   `authSig` and made absolute for a player (media_player `async_process_play_media_url`).
 * - Players report the URL they play as `media_content_id`, not the id they were given: cast's
 *   `media_content_id` is `media_status.content_id`; dlna_dmr, esphome, squeezebox and others do
 *   `media_id = sourced_media.url` before they play.
 * - A player fetches the URL itself. If the fetch fails, or is not audio, it goes idle, as a Cast
 *   receiver reports IDLE (idle reason ERROR) for media it cannot load.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceError } from './services.ts';

const uriScheme = 'media-source://';
/** media_source/const.py URI_SCHEME_REGEX. */
const uriPattern = /^media-source:\/\/(?:((?!_)[\da-z_]+(?<!_))(?:\/((?!\/).+))?)?$/;

/** What the simulated house has under /media (Local Media's `local` folder), e.g. `calm/ocean.mp3`. */
export type LocalMedia = ReadonlySet<string>;

/** The house's media and what its players fetched; one per simulator, kept across restarts. */
export interface SimulatedMedia {
  local: LocalMedia;
  /** Home Assistant's own address, which relative media URLs are made absolute against. */
  baseUrl: string;
  fetches: MediaFetch[];
}

export const noMedia = (): SimulatedMedia => ({ local: new Set(), baseUrl: 'http://127.0.0.1:8123', fetches: [] });

export type Resolved = { ok: true; url: string; mimeType: string } | { ok: false; error: ServiceError };

const mimeTypes: Record<string, string> = { mp3: 'audio/mpeg', m4a: 'audio/mp4', ogg: 'audio/ogg', flac: 'audio/flac', wav: 'audio/wav', aac: 'audio/aac' };
const mimeOf = (path: string) => mimeTypes[path.split('.').at(-1)?.toLowerCase() ?? ''] ?? 'application/octet-stream';

function unresolvable(mediaContentId: string, error: string): Resolved {
  return {
    ok: false,
    error: {
      code: 'home_assistant_error',
      message: `Failed to resolve media with content id ${mediaContentId}: ${error}`,
      translation_domain: 'media_source',
      translation_key: 'resolve_media_failed',
      translation_placeholders: { media_content_id: mediaContentId, error },
    },
  };
}

/**
 * `media_source.async_resolve_media`: a relative, signed URL for Local Media; a plain URL is played
 * as it is. Like Home Assistant's local source it does not look for the file (browsing does).
 */
export function resolveMedia(mediaContentId: string): Resolved {
  if (!mediaContentId.startsWith(uriScheme)) return { ok: true, url: mediaContentId, mimeType: mimeOf(new URL(mediaContentId, 'http://x').pathname) };
  const match = uriPattern.exec(mediaContentId);
  if (!match) return unresolvable(mediaContentId, 'Invalid media source URI');
  const [, domain, identifier = ''] = match;
  if (domain !== undefined && domain !== 'media_source') return unresolvable(mediaContentId, `Unknown media source: ${domain}`);
  const [folder, ...rest] = identifier.split('/');
  const path = rest.join('/');
  if (folder !== 'local') return unresolvable(mediaContentId, 'Unknown source directory.');
  if (path.split('/').some((part) => part === '..' || part === '')) return unresolvable(mediaContentId, 'Invalid path.');
  // The signature is what makes a real HA's URL differ from the id and expire; nothing checks it here.
  return { ok: true, url: `/media/local/${path}?authSig=${randomBytes(12).toString('base64url')}`, mimeType: mimeOf(path) };
}

/** `media_source/browse_media` for Local Media: the folder's files and folders, or an error in HA's words. */
export function browseLocal(mediaContentId: string, local: LocalMedia): { ok: true; result: Record<string, unknown> } | { ok: false; message: string } {
  const match = uriPattern.exec(mediaContentId || `${uriScheme}media_source/local`);
  if (!match || match[1] !== 'media_source') return { ok: false, message: `Unknown media source: ${match?.[1] ?? mediaContentId}` };
  const [folder, ...rest] = (match[2] ?? 'local').split('/');
  if (folder !== 'local') return { ok: false, message: 'Unknown source directory.' };
  const location = rest.join('/');
  const prefix = location ? `${location}/` : '';
  const inside = [...local].filter((path) => path.startsWith(prefix));
  if (local.has(location)) return { ok: false, message: 'Path is not a directory.' };
  if (location && inside.length === 0) return { ok: false, message: 'Path does not exist.' };
  const names = [...new Set(inside.map((path) => path.slice(prefix.length).split('/')[0]!))].sort();
  const item = (title: string, identifier: string, isFile: boolean) => ({
    title: isFile ? title : `${title}/`,
    media_class: isFile ? 'music' : 'directory',
    media_content_type: isFile ? mimeOf(title) : '',
    media_content_id: `${uriScheme}media_source/local/${identifier}`,
    can_play: isFile,
    can_expand: !isFile,
    children_media_class: null,
    thumbnail: null,
  });
  return {
    ok: true,
    result: {
      ...item(location.split('/').at(-1) || 'local', location, false),
      children: names.map((name) => item(name, `${prefix}${name}`, local.has(`${prefix}${name}`))),
      not_shown: 0,
    },
  };
}

/** One fetch a simulated player made of what it was told to play. */
export interface MediaFetch {
  entityId: string;
  url: string;
  status: number | null;
  contentType: string | null;
  /** The first bytes the player received (up to 16 kB), for a test to parse. */
  head: Buffer;
}

const headBytes = 16_384;

/**
 * A player starting to play `url`: GETs it, reads the start of the stream as a player buffers,
 * then hangs up (a test's player need not hold a stream open for the rest of the run).
 */
export async function fetchMedia(entityId: string, url: string, timeoutMs = 10_000): Promise<MediaFetch> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: abort.signal });
    const chunks: Buffer[] = [];
    let length = 0;
    const reader = response.body?.getReader();
    while (reader && length < headBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(Buffer.from(value));
      length += value.length;
    }
    return { entityId, url, status: response.status, contentType: response.headers.get('content-type'), head: Buffer.concat(chunks).subarray(0, headBytes) };
  } catch {
    return { entityId, url, status: null, contentType: null, head: Buffer.alloc(0) };
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

export const onThisMachine = (url: string) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);

export const playable = (fetched: MediaFetch) => fetched.status === 200 && (fetched.contentType?.startsWith('audio/') ?? false) && fetched.head.length > 0;

/**
 * Home Assistant's `/media/{source_dir_id}/{location}` view (local_source.py `LocalMediaView`): a
 * file of Local Media, else 404. A file here is a few silent MPEG frames; only its presence matters.
 */
export function serveLocalMedia(media: SimulatedMedia, request: IncomingMessage, response: ServerResponse): void {
  const path = new URL(request.url ?? '/', 'http://ha').pathname;
  const location = path.startsWith('/media/local/') ? decodeURIComponent(path.slice('/media/local/'.length)) : null;
  if (location === null || !media.local.has(location)) {
    response.writeHead(404).end();
    return;
  }
  // MPEG-1 Layer III, 128 kbps, 44.1 kHz, mono: a header and a frame of zeros, ten times.
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0xc4]);
  response.writeHead(200, { 'content-type': mimeOf(location) }).end(Buffer.concat(Array(10).fill(frame)));
}
