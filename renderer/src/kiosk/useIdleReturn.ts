/**
 * The gentle reset of an unfinished visit: after `quietSeconds` without a touch, "Still there?"
 * comes up for `warnSeconds` (at least 20 s, no countdown digits) and then `onIdle` clears the
 * visit. Any pointer or key activity restarts the quiet wait; on the warning it is the warning's
 * own tap (`keepGoing`) that ends it, so that tap cannot land on a choice underneath. As often as
 * anyone likes. The timer is off while `active` is false (the welcome screen, the thank-you).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export function useIdleReturn(active: boolean, quietSeconds: number, warnSeconds: number, onIdle: () => void): { stillThere: boolean; keepGoing: () => void } {
  const [stillThere, setStillThere] = useState(false);
  const restart = useRef<() => void>(() => {});
  useEffect(() => {
    setStillThere(false);
    if (!active) return;
    let timer: ReturnType<typeof setTimeout>;
    let warning = false;
    const quiet = () => {
      clearTimeout(timer);
      warning = false;
      setStillThere(false);
      timer = setTimeout(warn, quietSeconds * 1000);
    };
    const warn = () => {
      warning = true;
      setStillThere(true);
      timer = setTimeout(onIdle, warnSeconds * 1000);
    };
    const activity = () => {
      if (!warning) quiet();
    };
    restart.current = quiet;
    quiet();
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    events.forEach((name) => window.addEventListener(name, activity, { passive: true }));
    return () => {
      clearTimeout(timer);
      restart.current = () => {};
      events.forEach((name) => window.removeEventListener(name, activity));
    };
  }, [active, quietSeconds, warnSeconds, onIdle]);
  const keepGoing = useCallback(() => restart.current(), []);
  return { stillThere, keepGoing };
}
