/**
 * The building blocks of Stillroom's own sounds: a seeded random generator, the classic coloured
 * noises and the speech-privacy masking noise, all as periodic loops. Everything is synthesised
 * here, so the hub ships no recordings and owes no licence for them.
 *
 * A loop is made periodic by running each filter twice over the same buffer of random numbers and
 * keeping the second pass: the filter's state when the loop starts again equals its state at the
 * end, so the seam cannot be heard (every filter here settles in well under a second).
 */

/** Mono, CD rate: the MPEG-1 Layer III rate every speaker that plays MP3 plays. */
export const sampleRate = 44_100;

/** A small, fast generator (mulberry32) with a fixed seed, so a zone's sound is the same after a restart. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A 32-bit seed from a name (FNV-1a), e.g. a room id, so each masking zone has its own generator. */
export function seedFrom(name: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index++) hash = Math.imul(hash ^ name.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

/** White noise, -1..1. */
export function whiteNoise(length: number, random: () => number): Float32Array {
  const samples = new Float32Array(length);
  for (let index = 0; index < length; index++) samples[index] = random() * 2 - 1;
  return samples;
}

/** A filter that keeps its state between calls, so it can run twice over a loop. */
type Filter = (sample: number) => number;

/** Runs `filters` in series over `input`, each twice, keeping its second, periodic pass. */
export function filterLoop(input: Float32Array, filters: Filter[]): Float32Array {
  let signal = input;
  for (const filter of filters) {
    const output = new Float32Array(signal.length);
    for (let index = 0; index < signal.length; index++) filter(signal[index]!);
    for (let index = 0; index < signal.length; index++) output[index] = filter(signal[index]!);
    signal = output;
  }
  return signal;
}

/** Second-order sections after the Audio EQ Cookbook (R. Bristow-Johnson): the usual high- and low-pass. */
function biquad(b0: number, b1: number, b2: number, a0: number, a1: number, a2: number): Filter {
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  return (x) => {
    const y = (b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2) / a0;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    return y;
  };
}

export function lowPass(hz: number, q = Math.SQRT1_2): Filter {
  const w = (2 * Math.PI * hz) / sampleRate;
  const alpha = Math.sin(w) / (2 * q);
  const cos = Math.cos(w);
  return biquad((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
}

export function highPass(hz: number, q = Math.SQRT1_2): Filter {
  const w = (2 * Math.PI * hz) / sampleRate;
  const alpha = Math.sin(w) / (2 * q);
  const cos = Math.cos(w);
  return biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
}

export function bandPass(hz: number, q: number): Filter {
  const w = (2 * Math.PI * hz) / sampleRate;
  const alpha = Math.sin(w) / (2 * q);
  const cos = Math.cos(w);
  return biquad(alpha, 0, -alpha, 1 + alpha, -2 * cos, 1 - alpha);
}

/** First-order low-pass: falls 6 dB per octave above `hz`, the gentle slope of a masking spectrum. */
export function gentleLowPass(hz: number): Filter {
  const k = Math.exp((-2 * Math.PI * hz) / sampleRate);
  let y = 0;
  return (x) => (y = (1 - k) * x + k * y);
}

/**
 * Pink noise (equal energy per octave): Paul Kellett's well-known economy filter, three poles that
 * follow 1/f within about half a decibel across the audible band.
 */
function pinking(): Filter {
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  return (white) => {
    b0 = 0.99765 * b0 + white * 0.099046;
    b1 = 0.963 * b1 + white * 0.2965164;
    b2 = 0.57 * b2 + white * 1.0526913;
    return b0 + b1 + b2 + white * 0.1848;
  };
}

/** Brown noise (falls 6 dB per octave throughout): a leaky integrator, so it cannot drift off. */
function browning(): Filter {
  let y = 0;
  return (white) => (y = 0.998 * y + white * 0.05);
}

export const pinkNoise = (length: number, random: () => number) => filterLoop(whiteNoise(length, random), [pinking(), highPass(20)]);

export const brownNoise = (length: number, random: () => number) => filterLoop(whiteNoise(length, random), [browning(), highPass(20)]);

/**
 * The speech-privacy masking sound: noise shaped to the band that carries speech, about 100 to
 * 5,000 Hz, level up to about 1 kHz and falling 6 dB an octave above it, steeply outside the band,
 * the shape of the masking spectra used in offices and consulting rooms. Plain white noise puts
 * most of its energy in a hiss above the voice band: tiring, and a worse mask for the same loudness.
 */
export const maskingNoise = (length: number, random: () => number) =>
  filterLoop(whiteNoise(length, random), [highPass(100), highPass(100), gentleLowPass(1_000), lowPass(5_000), lowPass(5_000)]);

/** Scales `samples` to an RMS of `rmsDb` dBFS, never past `peak`, and converts to 16-bit PCM. */
export function toPcm16(samples: Float32Array, rmsDb = -20, peak = 0.95): Int16Array {
  let sum = 0;
  let max = 0;
  for (const sample of samples) {
    sum += sample * sample;
    max = Math.max(max, Math.abs(sample));
  }
  const rms = Math.sqrt(sum / samples.length) || 1;
  const gain = Math.min(10 ** (rmsDb / 20) / rms, max > 0 ? peak / max : 1);
  const pcm = new Int16Array(samples.length);
  for (let index = 0; index < samples.length; index++) pcm[index] = Math.round(samples[index]! * gain * 32_767);
  return pcm;
}
