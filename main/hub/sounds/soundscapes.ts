/**
 * Calm soundscapes made from noise: rain, a stream and a soft room tone. Each is a periodic loop
 * (see noise.ts): every drop is placed modulo the loop's length and every slow swell completes a
 * whole number of cycles in it, so the loop joins without a seam.
 */
import { bandPass, filterLoop, highPass, lowPass, pinkNoise, whiteNoise } from './noise.ts';

/** A slow swell that completes `cycles` whole cycles in the loop: 1 + depth·sin(…). */
function swell(length: number, cycles: number, depth: number, phase: number): (index: number) => number {
  const step = (2 * Math.PI * cycles) / length;
  return (index) => 1 + depth * Math.sin(step * index + phase);
}

/** Short decaying bursts added to `excitation` at random places (wrapping round the loop). */
function addDrops(excitation: Float32Array, random: () => number, dropsPerSecond: number, sampleRate: number): void {
  const count = Math.round((excitation.length / sampleRate) * dropsPerSecond);
  for (let drop = 0; drop < count; drop++) {
    const start = Math.floor(random() * excitation.length);
    // Many small drops, a few large ones; each a few milliseconds long.
    const size = random() ** 3 * 6;
    const decay = Math.exp(-1 / (sampleRate * (0.001 + random() * 0.004)));
    let level = size;
    for (let offset = 0; level > 0.01; offset++) {
      excitation[(start + offset) % excitation.length]! += (random() * 2 - 1) * level;
      level *= decay;
    }
  }
}

/** Rain on a window: a soft bed of high noise with drops in it, swelling gently now and then. */
export function rain(length: number, random: () => number, sampleRate: number, { dropsPerSecond = 220, brightness = 7_000 } = {}): Float32Array {
  const excitation = whiteNoise(length, random);
  for (let index = 0; index < length; index++) excitation[index]! *= 0.5;
  addDrops(excitation, random, dropsPerSecond, sampleRate);
  const shaped = filterLoop(excitation, [highPass(350), lowPass(brightness), lowPass(brightness)]);
  const gusts = swell(length, 2, 0.15, random() * 2 * Math.PI);
  for (let index = 0; index < length; index++) shaped[index]! *= gusts(index);
  return shaped;
}

/** Softer, sparser rain: fewer drops and less hiss, for a welcome rather than a storm. */
export const softRain = (length: number, random: () => number, sampleRate: number) => rain(length, random, sampleRate, { dropsPerSecond: 90, brightness: 4_500 });

/** A brook: a few narrow bands of noise in the low-middle range, each rising and falling on its own, over a low bed. */
export function stream(length: number, random: () => number): Float32Array {
  const mix = pinkNoise(length, random);
  for (let index = 0; index < length; index++) mix[index]! *= 0.15;
  for (let band = 0; band < 6; band++) {
    const hz = 300 + random() * 1_900;
    const voice = filterLoop(whiteNoise(length, random), [bandPass(hz, 3 + random() * 5)]);
    const ripple = swell(length, 4 + Math.floor(random() * 40), 0.7, random() * 2 * Math.PI);
    for (let index = 0; index < length; index++) mix[index]! += voice[index]! * ripple(index);
  }
  return filterLoop(mix, [highPass(120), lowPass(6_000)]);
}

/** The hush of a quiet room: warm low noise that breathes very slowly. */
export function roomTone(length: number, random: () => number): Float32Array {
  const tone = filterLoop(pinkNoise(length, random), [highPass(40), lowPass(450), lowPass(450)]);
  const breath = swell(length, 1, 0.1, random() * 2 * Math.PI);
  for (let index = 0; index < length; index++) tone[index]! *= breath(index);
  return tone;
}
