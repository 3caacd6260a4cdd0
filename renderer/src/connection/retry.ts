/**
 * Gentle retrying for a screen that could not reach its hub (a power cut, the hub restarting, a
 * screen that starts before the hub): try again after 1 s, 2 s, 4 s, 8 s, then every 10 s, each
 * a little earlier or later at random, so that a whole office of screens coming back after a power
 * cut does not knock on the hub's door at the same instant. A hub that is back is found within
 * about ten seconds; a screen left waiting all night asks six times a minute, which costs nothing.
 */
import { useEffect, useState } from 'react';

export const firstRetryMs = 1_000;
export const longestRetryMs = 10_000;

/** The wait before retry number `attempt` (0 for the first), with ±20 % jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(firstRetryMs * 2 ** Math.max(0, attempt), longestRetryMs);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * While `failing` is true, calls `retry` after each backoff delay in turn; resets once it is false.
 * Returns how many retries have been made in the current run of failures (0 at first), so a screen
 * can say more once waiting has lasted a while.
 */
export function useRetryWhile(failing: boolean, retry: () => unknown): number {
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!failing) {
      setAttempt(0);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(async () => {
      await retry();
      if (!cancelled) setAttempt((n) => n + 1);
    }, retryDelayMs(attempt));
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [failing, attempt, retry]);
  return attempt;
}
