/**
 * The slow drifting light behind the kiosk, made to cost almost nothing (issue 12).
 *
 * It used to be two 60vmax circles with `filter: blur(60px)`, transformed every frame by a CSS
 * animation: 38.5 % of one core in Chromium with software rendering, because each frame re-blurred
 * and re-composited the whole screen. Now:
 *   - the circles are pre-softened radial gradients (no filter), each on its own layer
 *     (`will-change: transform`), so a move only re-composites, never re-paints;
 *   - they move two times a second, not sixty: the drift is about 3 px a second, so each step is
 *     about a pixel of an edgeless gradient, which the eye cannot tell from smooth motion;
 *   - after a few minutes without a touch they rest where they are (a still screen costs what
 *     about:blank costs), and the next touch lets them drift again;
 *   - under prefers-reduced-motion they never move.
 * `npm run bench` (bench/kioskMotion.ts) measures every kiosk screen against the 3 % target.
 */
import { useEffect, useRef } from 'react';
import { driftAt, restAfterMs, stepMs } from './drift.ts';

export function Ambient() {
  const first = useRef<HTMLSpanElement>(null);
  const second = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)');
    const place = () => {
      // Under reduced motion always the same place: a screen drawn again (a reconnect, a new visit)
      // must not make the glows jump to where the clock has moved them.
      const now = reduce?.matches ? 0 : Date.now();
      const [a, b] = [first.current, second.current];
      if (a) a.style.transform = driftAt(now, 0);
      if (b) b.style.transform = driftAt(now, 1);
    };
    place();
    let timer: ReturnType<typeof setInterval> | undefined;
    let lastTouch = Date.now();
    const stop = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    };
    const tick = () => {
      if (Date.now() - lastTouch > restAfterMs) stop();
      else place();
    };
    const start = () => {
      if (timer === undefined && !reduce?.matches) timer = setInterval(tick, stepMs);
    };
    const touched = () => {
      lastTouch = Date.now();
      start();
    };
    const motionPreference = () => {
      place();
      if (reduce?.matches) stop();
      else start();
    };
    start();
    window.addEventListener('pointerdown', touched, { passive: true });
    window.addEventListener('keydown', touched);
    reduce?.addEventListener?.('change', motionPreference);
    return () => {
      stop();
      window.removeEventListener('pointerdown', touched);
      window.removeEventListener('keydown', touched);
      reduce?.removeEventListener?.('change', motionPreference);
    };
  }, []);

  return (
    <div className="ambient" aria-hidden="true">
      <span ref={first} className="ambient-glow ambient-glow-1" />
      <span ref={second} className="ambient-glow ambient-glow-2" />
    </div>
  );
}
