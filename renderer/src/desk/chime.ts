/**
 * A soft two-note chime made with Web Audio: no sound file, quiet, and over in under a second.
 * At most one every few seconds: a family checking in together, or a flood of made-up check-ins
 * (issue 9), is one chime at the desk, not a peal of them; the board and its announcements still
 * show every arrival.
 */
let context: AudioContext | undefined;

/** The quiet after a chime, in which another is not played. */
export const chimeQuietMs = 8_000;

/** A chime player; `now` is a monotonic clock in milliseconds (tests pass their own). */
export function createChime(now: () => number = () => performance.now()): () => void {
  let lastAt = Number.NEGATIVE_INFINITY;
  return () => {
    const at = now();
    if (at - lastAt < chimeQuietMs) return;
    lastAt = at;
    try {
      context ??= new AudioContext();
      const start = context.currentTime;
      [659.25, 880].forEach((frequency, index) => {
        const oscillator = context!.createOscillator();
        const gain = context!.createGain();
        oscillator.type = 'sine';
        oscillator.frequency.value = frequency;
        const begin = start + index * 0.18;
        gain.gain.setValueAtTime(0, begin);
        gain.gain.linearRampToValueAtTime(0.08, begin + 0.03);
        gain.gain.exponentialRampToValueAtTime(0.0001, begin + 0.7);
        oscillator.connect(gain).connect(context!.destination);
        oscillator.start(begin);
        oscillator.stop(begin + 0.75);
      });
    } catch {
      // No audio device (or autoplay not yet allowed): the visual cue still shows.
    }
  };
}

export const playChime = createChime();
