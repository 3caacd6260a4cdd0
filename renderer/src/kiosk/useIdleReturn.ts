/**
 * Calls `onIdle` when nobody has touched the screen for `seconds`. Any pointer or key activity
 * restarts the wait; the timer is off while `active` is false (the welcome screen).
 */
import { useEffect } from 'react';

export function useIdleReturn(active: boolean, seconds: number, onIdle: () => void): void {
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(onIdle, seconds * 1000);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, seconds * 1000);
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    events.forEach((name) => window.addEventListener(name, restart, { passive: true }));
    return () => {
      clearTimeout(timer);
      events.forEach((name) => window.removeEventListener(name, restart));
    };
  }, [active, seconds, onIdle]);
}
