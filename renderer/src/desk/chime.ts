/** A soft two-note chime made with Web Audio: no sound file, quiet, and over in under a second. */
let context: AudioContext | undefined;

export function playChime(): void {
  try {
    context ??= new AudioContext();
    const start = context.currentTime;
    [659.25, 880].forEach((frequency, index) => {
      const oscillator = context!.createOscillator();
      const gain = context!.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      const at = start + index * 0.18;
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.08, at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.7);
      oscillator.connect(gain).connect(context!.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.75);
    });
  } catch {
    // No audio device (or autoplay not yet allowed): the visual cue still shows.
  }
}
