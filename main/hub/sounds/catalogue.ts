/**
 * Stillroom's own sounds by the names presets use (`sound: { stillroom: rain, … }`), each a
 * recipe for one loop of 16-bit PCM. A zone (a room's masking player) seeds its own generator, so
 * two neighbouring doors never play the very same noise, which would add up into a hollow,
 * phasey sound in the corridor between them instead of an even one.
 */
import { z } from 'zod';
import { brownNoise, maskingNoise, pinkNoise, sampleRate, seedFrom, seededRandom, toPcm16 } from './noise.ts';
import { rain, roomTone, softRain, stream } from './soundscapes.ts';

interface Recipe {
  title: string;
  /** One loop of samples at `sampleRate`. */
  make(length: number, random: () => number): Float32Array;
  /** Loudness of the file before the speaker's volume, dBFS RMS: soundscapes a little below the noises. */
  rmsDb: number;
}

const recipes = {
  masking: { title: 'Speech-privacy masking', make: maskingNoise, rmsDb: -18 },
  'pink-noise': { title: 'Pink noise', make: pinkNoise, rmsDb: -20 },
  'brown-noise': { title: 'Brown noise', make: brownNoise, rmsDb: -20 },
  rain: { title: 'Rain', make: (length, random) => rain(length, random, sampleRate), rmsDb: -22 },
  'soft-rain': { title: 'Soft rain', make: (length, random) => softRain(length, random, sampleRate), rmsDb: -24 },
  stream: { title: 'Stream', make: stream, rmsDb: -22 },
  'room-tone': { title: 'Soft room tone', make: roomTone, rmsDb: -28 },
} satisfies Record<string, Recipe>;

export const soundNames = Object.keys(recipes) as (keyof typeof recipes)[];

/** A Stillroom sound's name, as presets and the office file give it. */
export const SoundName = z.enum(soundNames as [keyof typeof recipes, ...(keyof typeof recipes)[]], {
  error: `expected one of Stillroom's own sounds: ${soundNames.join(', ')}`,
});
export type SoundName = z.infer<typeof SoundName>;

export const soundTitle = (name: SoundName) => recipes[name].title;

/** One loop of `samples` samples of `name` for `zone` (empty for the shared one), as 16-bit PCM. */
export function renderLoop(name: SoundName, zone: string, samples: number): Int16Array {
  const recipe: Recipe = recipes[name];
  const random = seededRandom(seedFrom(`${name}/${zone}`));
  return toPcm16(recipe.make(samples, random), recipe.rmsDb);
}
