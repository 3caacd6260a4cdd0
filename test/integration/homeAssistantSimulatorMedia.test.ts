/**
 * Conformance of the simulator's media sources and players with Home Assistant, on the wire:
 * - an unknown `media-source://` domain is refused (media_source/helper.py `_get_media_item`
 *   raises UnknownMediaSource, which `async_resolve_media` reports as "Failed to resolve media with
 *   content id …: Unknown media source: …", strings.json);
 * - a player reports the URL it resolved and plays as `media_content_id`, not the id it was given
 *   (cast/media_player.py `media_content_id` is `media_status.content_id`; dlna_dmr, esphome and
 *   others do `media_id = sourced_media.url`);
 * - a player fetches what it plays, and goes idle when it cannot;
 * - `media_source/resolve_media` and `media_source/browse_media` answer as media_source/http.py does.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mediaPlayer, startHomeAssistantSimulator, type HomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';
import { RawHomeAssistantClient } from './homeAssistantSimulatorRawClient.ts';

let simulator: HomeAssistantSimulator;
let client: RawHomeAssistantClient;
let nextId = 2;

beforeEach(async () => {
  simulator = await startHomeAssistantSimulator({ entities: [mediaPlayer('media_player.den', { volumeLevel: 0.2 })], localMedia: ['calm/ocean.mp3', 'calm/birds.mp3', 'bell.mp3'] });
  client = await RawHomeAssistantClient.authenticated(simulator.url, simulator.token);
  nextId = 2;
});

afterEach(async () => {
  client.close();
  await simulator.close();
});

const play = (mediaContentId: string) =>
  client.command({ id: nextId++, type: 'call_service', domain: 'media_player', service: 'play_media', target: { entity_id: 'media_player.den' }, service_data: { media_content_id: mediaContentId, media_content_type: 'music' } });

describe('play_media resolves media sources as Home Assistant does', () => {
  it('refuses a media source no integration provides, and the player is left as it was', async () => {
    const before = simulator.states.get('media_player.den');
    const reply = await play('media-source://stillroom/rain');
    expect(reply.success).toBe(false);
    expect(reply.error).toMatchObject({
      code: 'home_assistant_error',
      message: 'Failed to resolve media with content id media-source://stillroom/rain: Unknown media source: stillroom',
      translation_key: 'resolve_media_failed',
    });
    expect(simulator.states.get('media_player.den')).toEqual(before);
  });

  it('plays Local Media from its signed URL, reports that URL as media_content_id, and fetches it', async () => {
    expect((await play('media-source://media_source/local/calm/ocean.mp3')).success).toBe(true);
    const reported = simulator.states.get('media_player.den')!.attributes.media_content_id as string;
    expect(reported).toMatch(new RegExp(`^${simulator.url}/media/local/calm/ocean\\.mp3\\?authSig=.+`));
    expect(reported).not.toBe('media-source://media_source/local/calm/ocean.mp3');
    await expect.poll(() => simulator.mediaFetches.at(-1)).toMatchObject({ entityId: 'media_player.den', url: reported, status: 200, contentType: 'audio/mpeg' });
    expect(simulator.states.get('media_player.den')?.state).toBe('playing');
  });

  it('goes idle when what it was told to play cannot be fetched', async () => {
    expect((await play(`${simulator.url}/media/local/missing.mp3`)).success).toBe(true);
    expect(simulator.states.get('media_player.den')?.state).toBe('playing');
    await expect.poll(() => simulator.states.get('media_player.den')?.state).toBe('idle');
    expect(simulator.mediaFetches.at(-1)).toMatchObject({ status: 404 });
  });
});

describe('the media_source WebSocket commands', () => {
  it('resolve_media answers a relative signed URL and the MIME type, or resolve_media_failed', async () => {
    const resolved = await client.command({ id: nextId++, type: 'media_source/resolve_media', media_content_id: 'media-source://media_source/local/bell.mp3' });
    expect(resolved.result).toEqual({ url: expect.stringMatching(/^\/media\/local\/bell\.mp3\?authSig=/), mime_type: 'audio/mpeg' });
    const unknown = await client.command({ id: nextId++, type: 'media_source/resolve_media', media_content_id: 'media-source://stillroom/masking-noise' });
    expect(unknown.error).toEqual({ code: 'resolve_media_failed', message: 'Failed to resolve media with content id media-source://stillroom/masking-noise: Unknown media source: stillroom' });
  });

  it('browse_media lists a folder, and says so when a path does not exist', async () => {
    const root = await client.command({ id: nextId++, type: 'media_source/browse_media', media_content_id: 'media-source://media_source/local' });
    expect((root.result as { children: { title: string; can_play: boolean }[] }).children.map((child) => [child.title, child.can_play])).toEqual([['bell.mp3', true], ['calm/', false]]);
    const calm = await client.command({ id: nextId++, type: 'media_source/browse_media', media_content_id: 'media-source://media_source/local/calm' });
    expect((calm.result as { children: { media_content_id: string }[] }).children.map((child) => child.media_content_id)).toEqual(['media-source://media_source/local/calm/birds.mp3', 'media-source://media_source/local/calm/ocean.mp3']);
    const missing = await client.command({ id: nextId++, type: 'media_source/browse_media', media_content_id: 'media-source://media_source/local/storm' });
    expect(missing.error).toEqual({ code: 'browse_media_failed', message: 'Path does not exist.' });
  });
});
