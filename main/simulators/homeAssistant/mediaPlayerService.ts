/**
 * `media_player.*` services for a networked speaker: power, playback, volume and source.
 * Volume and source survive turning off (the device remembers them), like real speakers.
 */
import { z } from 'zod';
import { newContext, type Context } from './context.ts';
import { mediaPlayerAttributes } from './entities.ts';
import { fetchMedia, onThisMachine, playable, resolveMedia } from './mediaSource.ts';
import { remember } from './records.ts';
import { entityService, type DeviceWorld, type EntityEffect, type ServiceDefinition } from './services.ts';
import type { Attributes, EntityState } from './stateMachine.ts';
import { bool, dict, float, oneOf, ranged, str } from './voluptuous.ts';

const playbackKeys = ['volume_level', 'is_volume_muted', 'media_content_id', 'media_content_type', 'media_title', 'source'] as const;

function playbackOf(world: DeviceWorld, entity: EntityState): Attributes {
  if (entity.state === 'off') return (world.memory.get(entity.entityId) as Attributes | undefined) ?? { volume_level: 0.3, is_volume_muted: false };
  return Object.fromEntries(playbackKeys.filter((key) => key in entity.attributes).map((key) => [key, entity.attributes[key]]));
}

/** Writes a new player state, keeping its capabilities and merging `changes` into what it plays. */
export function writeMediaPlayer(world: DeviceWorld, entity: EntityState, state: string, changes: Attributes, context: Context): void {
  const playback = { ...playbackOf(world, entity), ...changes };
  world.memory.set(entity.entityId, playback);
  world.states.set(entity.entityId, state, mediaPlayerAttributes(state, entity.attributes, playback), context);
}

const stopped = { media_content_id: null, media_content_type: null, media_title: null };

interface PlayerChange {
  state: string;
  changes?: Attributes;
}

function playerService(name: string, description: string, fields: z.ZodRawShape, effect: (entity: EntityState, data: Record<string, unknown>) => PlayerChange): ServiceDefinition {
  const fieldDescriptions = Object.fromEntries(Object.keys(fields).map((field) => [field, { selector: { text: null } }]));
  return entityService('media_player', { name, description, fields: fieldDescriptions }, fields, (world, entity, data, context) => {
    const { state, changes } = effect(entity, data);
    writeMediaPlayer(world, entity, state, changes ?? {}, context);
  });
}

/**
 * `play_media` as the media-source players do it (cast, dlna_dmr, esphome, …): resolve a
 * `media-source://` id first (an unknown source fails the call), play the URL it resolves to and
 * report that URL as `media_content_id`; then fetch it, and fall idle if it cannot be played
 * (mediaSource.ts has the sources).
 */
const playMedia: EntityEffect = (world, entity, data, context) => {
  const resolved = resolveMedia(data.media_content_id as string);
  if (!resolved.ok) return resolved.error;
  // media_player `async_process_play_media_url`: a URL relative to Home Assistant is made absolute for the player.
  const url = new URL(resolved.url, world.media.baseUrl).href;
  writeMediaPlayer(world, entity, 'playing', { media_content_id: url, media_content_type: data.media_content_type }, context);
  // A simulator stays on this machine: a player fetches only what is served here (the hub, this simulator).
  if (!onThisMachine(url)) return undefined;
  void fetchMedia(entity.entityId, url).then((fetched) => {
    remember(world.media.fetches, fetched, world.keepRecords);
    const now = world.states.get(entity.entityId);
    if (!playable(fetched) && now?.state === 'playing' && now.attributes['media_content_id'] === url) writeMediaPlayer(world, now, 'idle', stopped, newContext());
  });
  return undefined;
};

export function mediaPlayerServices(): Record<string, ServiceDefinition> {
  return {
    turn_on: playerService('Turn on', 'Turns on the power of the media player.', {}, (entity) => ({ state: entity.state === 'off' ? 'idle' : entity.state })),
    turn_off: playerService('Turn off', 'Turns off the power of the media player.', {}, () => ({ state: 'off', changes: stopped })),
    toggle: playerService('Toggle', 'Toggles a media player on/off.', {}, (entity) => (entity.state === 'off' ? { state: 'idle' } : { state: 'off', changes: stopped })),
    play_media: entityService(
      'media_player',
      { name: 'Play media', description: 'Starts playing specified media.', fields: { media_content_id: { selector: { text: null } }, media_content_type: { selector: { text: null } } } },
      {
        media_content_id: str(),
        media_content_type: str(),
        enqueue: z.union([oneOf(['add', 'next', 'play', 'replace']), bool()]).optional(),
        announce: bool().optional(),
        extra: dict().optional(),
      },
      playMedia,
    ),
    media_play: playerService('Play', 'Starts playing.', {}, () => ({ state: 'playing' })),
    media_pause: playerService('Pause', 'Pauses.', {}, (entity) => ({ state: entity.state === 'off' ? 'off' : 'paused' })),
    media_play_pause: playerService('Play/Pause', 'Toggles play/pause.', {}, (entity) => ({ state: entity.state === 'playing' ? 'paused' : 'playing' })),
    media_stop: playerService('Stop', 'Stops playing.', {}, (entity) => ({ state: entity.state === 'off' ? 'off' : 'idle', changes: stopped })),
    volume_set: playerService('Set volume', 'Sets the volume level.', { volume_level: ranged(float(), 0, 1) }, (entity, data) => ({ state: entity.state, changes: { volume_level: data.volume_level } })),
    volume_mute: playerService('Mute/unmute volume', 'Mutes or unmutes the media player.', { is_volume_muted: bool() }, (entity, data) => ({ state: entity.state, changes: { is_volume_muted: data.is_volume_muted } })),
    select_source: playerService('Select source', 'Sends the media player the command to change input source.', { source: str() }, (entity, data) => ({ state: entity.state, changes: { source: data.source } })),
  };
}
