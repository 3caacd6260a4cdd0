/**
 * Sound for one media player. Home Assistant has no volume fade, so fades are planned as a series of
 * `volume_set` calls, each with the time it should be sent.
 */
import { serviceCall, type EntityState, type TimedCall } from './homeAssistantCalls.ts';

/** A source to play at a volume, with its fade-in. */
export interface SoundTarget {
  mediaContentId: string;
  mediaContentType: string;
  volume: number;
  fadeInSeconds: number;
  /** How long a change of volume takes while the same source keeps playing (a fine-tune's few seconds); the fade-in when absent. */
  adjustSeconds?: number;
}

/** One step per half second is smooth to the ear; twenty keeps a long fade from flooding the player. */
const stepSeconds = 0.5;
const maxSteps = 20;

const roundVolume = (volume: number) => Math.round(volume * 1000) / 1000;
const volumeSet = (entityId: string, volume: number) => serviceCall(entityId, 'volume_set', { volume_level: roundVolume(volume) });

/** `volume_set` steps from `from` to `to`, evenly spread over `seconds`, the last one exactly `to`. */
export function volumeRamp(entityId: string, from: number, to: number, seconds: number, startMs = 0): TimedCall[] {
  if (seconds <= 0) return [{ atMs: startMs, call: volumeSet(entityId, to) }];
  const count = Math.min(maxSteps, Math.max(1, Math.round(seconds / stepSeconds)));
  return Array.from({ length: count }, (_, index) => {
    const share = (index + 1) / count;
    return { atMs: startMs + Math.round(seconds * 1000 * share), call: volumeSet(entityId, from + (to - from) * share) };
  });
}

export const audible = (state: EntityState | undefined) => state?.state === 'playing' || state?.state === 'buffering';

/**
 * Brings a player from what it is doing now (`live`) to `target` (or to silence for `null`). What is
 * playing fades out over `fadeOutSeconds` first; the same source keeps playing and only changes
 * volume; a new source starts at volume 0 and fades in, so it never starts loud.
 */
export function planSpeaker(entityId: string, target: SoundTarget | null, live: EntityState | undefined, fadeOutSeconds: number): TimedCall[] {
  const current = live?.attributes['volume_level'];
  const currentVolume = typeof current === 'number' ? current : 0;
  if (target === null) {
    if (live?.state === 'paused') return [{ atMs: 0, call: serviceCall(entityId, 'media_stop') }];
    if (!audible(live)) return [];
    const fade = volumeRamp(entityId, currentVolume, 0, fadeOutSeconds);
    return [...fade, { atMs: fade.at(-1)!.atMs, call: serviceCall(entityId, 'media_stop') }];
  }
  if (audible(live) && live?.attributes['media_content_id'] === target.mediaContentId) {
    return currentVolume === target.volume ? [] : volumeRamp(entityId, currentVolume, target.volume, target.adjustSeconds ?? target.fadeInSeconds);
  }
  const fadeOut = audible(live) ? volumeRamp(entityId, currentVolume, 0, fadeOutSeconds) : [{ atMs: 0, call: volumeSet(entityId, 0) }];
  const startMs = fadeOut.at(-1)!.atMs;
  const play = serviceCall(entityId, 'play_media', { media_content_id: target.mediaContentId, media_content_type: target.mediaContentType });
  return [...fadeOut, { atMs: startMs, call: play }, ...volumeRamp(entityId, 0, target.volume, target.fadeInSeconds, startMs)];
}
