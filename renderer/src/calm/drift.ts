/**
 * Where the kiosk's two glows are at a moment: a slow back-and-forth (the old CSS keyframes,
 * `translate(8vmax, 5vmax) scale(1.12)` over 38 s and 46 s, eased) computed from the clock, so a
 * remount never makes them jump.
 */

/** How often the glows move: two steps a second (each about a pixel; see Ambient.tsx). */
export const stepMs = 500;
/** After this long without a touch the glows rest still until the next touch. */
export const restAfterMs = 3 * 60_000;

const periodsMs = [38_000, 46_000] as const;

/** 0 → 1 → 0, eased at both ends, over twice the glow's period. */
export function driftPhase(now: number, glow: 0 | 1): number {
  const period = periodsMs[glow];
  const phase = 0.5 - 0.5 * Math.cos((Math.PI * now) / period);
  return glow === 0 ? phase : 1 - phase;
}

export function driftAt(now: number, glow: 0 | 1): string {
  const p = driftPhase(now, glow);
  return `translate(${(8 * p).toFixed(3)}vmax, ${(5 * p).toFixed(3)}vmax) scale(${(1 + 0.12 * p).toFixed(4)})`;
}
