/**
 * The desk's chime: one for a family checking in together or a flood of made-up check-ins, not a
 * peal (issue 9). Web Audio is stood in for by a recorder of the notes started.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { chimeQuietMs, createChime } from '../../../renderer/src/desk/chime.ts';

let notes = 0;
class RecordingAudioContext {
  currentTime = 0;
  destination = {};
  createOscillator() {
    return { type: '', frequency: { value: 0 }, connect: (next: unknown) => next, start: () => void notes++, stop: () => {} };
  }
  createGain() {
    const node = { gain: { setValueAtTime() {}, linearRampToValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (next: unknown) => next };
    return node;
  }
}
const globals = globalThis as { AudioContext?: unknown };
beforeEach(() => {
  notes = 0;
  globals.AudioContext = RecordingAudioContext;
});
afterEach(() => {
  delete globals.AudioContext;
});

it('chimes once (two notes) for thirty check-ins in a few seconds, and again once it has been quiet', () => {
  let clock = 1_000;
  const chime = createChime(() => clock);
  for (let n = 0; n < 30; n++) {
    chime();
    clock += 100;
  }
  expect(notes).toBe(2);
  clock += chimeQuietMs;
  chime();
  expect(notes).toBe(4);
});
