/**
 * What Stillroom's own sounds sound like, measured: the masking sound's energy sits in the speech
 * band and falls above 1 kHz (it is not white noise), the coloured noises have their slopes, each
 * masking zone has its own generator, and a loop joins its start without a jump.
 */
import { describe, expect, it } from 'vitest';
import { renderLoop, soundNames } from '../../../main/hub/sounds/catalogue.ts';
import { sampleRate, seededRandom, whiteNoise } from '../../../main/hub/sounds/noise.ts';

const block = 4096;

/** In-place radix-2 FFT; returns the power of each bin up to Nyquist. */
function powerSpectrum(samples: ArrayLike<number>): Float64Array {
  const re = Float64Array.from({ length: block }, (_, i) => samples[i]! * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (block - 1))));
  const im = new Float64Array(block);
  for (let i = 1, j = 0; i < block; i++) {
    let bit = block >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) [re[i], re[j]] = [re[j]!, re[i]!];
  }
  for (let size = 2; size <= block; size <<= 1) {
    const angle = (-2 * Math.PI) / size;
    for (let start = 0; start < block; start += size) {
      for (let k = 0; k < size / 2; k++) {
        const wr = Math.cos(angle * k);
        const wi = Math.sin(angle * k);
        const a = start + k;
        const b = a + size / 2;
        const tr = re[b]! * wr - im[b]! * wi;
        const ti = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a]! += tr;
        im[a]! += ti;
      }
    }
  }
  return Float64Array.from({ length: block / 2 }, (_, k) => re[k]! ** 2 + im[k]! ** 2);
}

/** Welch's method: the average power spectrum over half-overlapping blocks. */
function spectrum(samples: ArrayLike<number>): Float64Array {
  const sum = new Float64Array(block / 2);
  let count = 0;
  for (let start = 0; start + block <= samples.length; start += block / 2, count++) {
    const power = powerSpectrum(Array.prototype.slice.call(samples, start, start + block) as number[]);
    for (let k = 0; k < sum.length; k++) sum[k]! += power[k]!;
  }
  return sum.map((value) => value / count);
}

const binHz = sampleRate / block;
const energy = (power: Float64Array, fromHz: number, toHz: number) => power.reduce((total, value, k) => (k * binHz >= fromHz && k * binHz < toHz ? total + value : total), 0);
/** Mean power per bin in a band, in dB: the spectrum's height there. */
const level = (power: Float64Array, fromHz: number, toHz: number) => {
  const bins = power.filter((_, k) => k * binHz >= fromHz && k * binHz < toHz);
  return 10 * Math.log10(bins.reduce((a, b) => a + b, 0) / bins.length);
};

const seconds = 8;
const loopOf = (name: (typeof soundNames)[number], zone = '') => renderLoop(name, zone, Math.round((seconds * sampleRate) / 1152) * 1152);

describe('the speech-privacy masking sound', () => {
  const power = spectrum(loopOf('masking'));
  const total = energy(power, 0, sampleRate / 2);

  it('puts its energy in the speech band, 100 to 5,000 Hz, little below and little above', () => {
    expect(energy(power, 100, 5_000) / total).toBeGreaterThan(0.9);
    expect(energy(power, 0, 100) / total).toBeLessThan(0.03);
    expect(energy(power, 5_000, sampleRate / 2) / total).toBeLessThan(0.05);
  });

  it('is level through the low voice band and falls above 1 kHz', () => {
    const voice = level(power, 250, 1_000);
    expect(Math.abs(level(power, 150, 300) - level(power, 400, 800))).toBeLessThan(3);
    expect(voice - level(power, 2_000, 4_000)).toBeGreaterThan(6);
    expect(level(power, 2_000, 4_000) - level(power, 6_000, 10_000)).toBeGreaterThan(12);
  });

  it('is not white noise, which would fail the same measure', () => {
    const white = spectrum(whiteNoise(seconds * sampleRate, seededRandom(7)));
    expect(energy(white, 100, 5_000) / energy(white, 0, sampleRate / 2)).toBeLessThan(0.3);
  });

  it('has its own generator in each zone: two rooms never play the same noise', () => {
    const cedar = loopOf('masking', 'cedar');
    const willow = loopOf('masking', 'willow');
    let product = 0;
    let cedarPower = 0;
    let willowPower = 0;
    for (let i = 0; i < cedar.length; i++) {
      product += cedar[i]! * willow[i]!;
      cedarPower += cedar[i]! ** 2;
      willowPower += willow[i]! ** 2;
    }
    expect(Math.abs(product / Math.sqrt(cedarPower * willowPower))).toBeLessThan(0.05);
    // …and the same room gets the same sound after a restart.
    expect(loopOf('masking', 'cedar')).toEqual(cedar);
  });
});

describe('the coloured noises', () => {
  /** dB per octave between 200-400 Hz and 1,600-3,200 Hz (three octaves apart). */
  const slope = (name: 'pink-noise' | 'brown-noise') => {
    const power = spectrum(loopOf(name));
    return (level(power, 1_600, 3_200) - level(power, 200, 400)) / 3;
  };

  it('pink noise falls about 3 dB an octave, brown noise about 6', () => {
    expect(slope('pink-noise')).toBeGreaterThan(-4.5);
    expect(slope('pink-noise')).toBeLessThan(-1.5);
    expect(slope('brown-noise')).toBeGreaterThan(-7.5);
    expect(slope('brown-noise')).toBeLessThan(-4.5);
  });
});

describe('every sound', () => {
  it.each(soundNames)('%s is audible, never clips, and its loop joins without a jump', (name) => {
    const loop = Array.from(loopOf(name));
    const rms = Math.sqrt(loop.reduce((sum, sample) => sum + sample * sample, 0) / loop.length) / 32_768;
    expect(20 * Math.log10(rms)).toBeGreaterThan(-35);
    expect(loop.reduce((peak, sample) => Math.max(peak, Math.abs(sample)), 0) / 32_768).toBeLessThan(0.99);
    // The step from the last sample to the first is no bigger than the steps inside the loop.
    const steps = loop.slice(1).map((sample, i) => Math.abs(sample - loop[i]!));
    const typical = steps.sort((a, b) => a - b)[Math.floor(steps.length * 0.999)]!;
    expect(Math.abs(loop[0]! - loop.at(-1)!)).toBeLessThanOrEqual(typical);
  });
});
