/**
 * How fast a kiosk may check clients in (issue 9, item 5: a flood is a nuisance, not an incident).
 * A waiting room never needs more than a few check-ins a minute, but a family arriving together
 * taps through several in one minute: each source (a kiosk's address) gets a bucket of
 * `perMinute` check-ins that refills evenly over a minute, so a family of up to `perMinute`
 * checks in at once, and a script gets `perMinute` ghosts and then one every few seconds.
 * The whole hub has a ceiling too (many addresses on one LAN), and a surge — far more attempts
 * than any office has in a few minutes — tells the desk in words (hubFaults 'check-in-surge').
 *
 * Kept in memory, not SQLite: a restart gives a flooder one more bucket (a few more ghosts, which
 * staff remove one by one), while writing every refused attempt to disk would turn the flood into
 * disk work. The PIN throttle is in SQLite because a restart there would give away guesses at a
 * secret; here nothing is secret. Memory is bounded: at most `maxSources` buckets, the full
 * (idle) ones dropped first, then the oldest.
 */

export interface CheckInPaceLimits {
  /** Check-ins one source may make at once, and per minute after that. */
  perMinute: number;
  /** Check-ins the whole hub takes per minute, from all sources together. */
  hubPerMinute: number;
  /** This many attempts (taken or refused) within `surgeMinutes` tell the desk. */
  surgeAttempts: number;
  surgeMinutes: number;
  /** Buckets kept at most (one per source address). */
  maxSources: number;
}

export const defaultCheckInPace: CheckInPaceLimits = { perMinute: 10, hubPerMinute: 40, surgeAttempts: 40, surgeMinutes: 5, maxSources: 1024 };

export type PaceAnswer = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface CheckInPace {
  /** One check-in attempt from `source`: taken, or refused with how long until the next is. */
  take(source: string): PaceAnswer;
  /** Buckets held now (for tests: bounded under a flood from many addresses). */
  sources(): number;
  /** True while the desk is being told of a surge. */
  surging(): boolean;
  stop(): void;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createCheckInPace({
  limits = defaultCheckInPace,
  now = () => performance.now(),
  onSurge = () => {},
}: { limits?: CheckInPaceLimits | (() => CheckInPaceLimits); now?: () => number; onSurge?: (surging: boolean) => void } = {}): CheckInPace {
  const current = typeof limits === 'function' ? limits : () => limits;
  const buckets = new Map<string, Bucket>();
  const hub: Bucket = { tokens: current().hubPerMinute, at: now() };
  // Attempts counted per minute for the last `surgeMinutes` minutes: fixed memory under any flood.
  const minutes: { minute: number; count: number }[] = [];
  let surge = false;
  let calmCheck: ReturnType<typeof setInterval> | undefined;

  const refill = (bucket: Bucket, capacity: number, at: number) => {
    bucket.tokens = Math.min(capacity, bucket.tokens + ((at - bucket.at) / 60_000) * capacity);
    bucket.at = at;
  };
  const waitFor = (bucket: Bucket, capacity: number) => Math.max(1, Math.ceil(((1 - bucket.tokens) * 60_000) / capacity / 1000));

  function attemptsInWindow(at: number): number {
    const { surgeMinutes } = current();
    const minute = Math.floor(at / 60_000);
    while (minutes.length > 0 && minutes[0]!.minute <= minute - surgeMinutes) minutes.shift();
    return minutes.reduce((sum, entry) => sum + entry.count, 0);
  }

  function setSurge(next: boolean) {
    if (next === surge) return;
    surge = next;
    if (surge && !calmCheck) {
      // Once the flood stops nothing calls take(): look again each half minute until it is calm.
      calmCheck = setInterval(() => {
        if (attemptsInWindow(now()) < current().surgeAttempts) setSurge(false);
      }, 30_000);
      calmCheck.unref?.();
    }
    if (!surge && calmCheck) {
      clearInterval(calmCheck);
      calmCheck = undefined;
    }
    try {
      onSurge(surge);
    } catch {
      // Telling the desk must never stop a check-in.
    }
  }

  function keepBounded(at: number) {
    const { maxSources, perMinute } = current();
    if (buckets.size <= maxSources) return;
    for (const [source, bucket] of buckets) {
      refill(bucket, perMinute, at);
      if (bucket.tokens >= perMinute) buckets.delete(source);
    }
    // Still too many (a flood from many addresses): the oldest go; a dropped source starts afresh.
    for (const source of buckets.keys()) {
      if (buckets.size <= maxSources) break;
      buckets.delete(source);
    }
  }

  return {
    take(source) {
      const at = now();
      const limitsNow = current();
      const minute = Math.floor(at / 60_000);
      const last = minutes.at(-1);
      if (last?.minute === minute) last.count += 1;
      else minutes.push({ minute, count: 1 });
      setSurge(attemptsInWindow(at) >= limitsNow.surgeAttempts);

      let bucket = buckets.get(source);
      if (!bucket) {
        bucket = { tokens: limitsNow.perMinute, at };
        buckets.set(source, bucket);
        keepBounded(at);
      }
      refill(bucket, limitsNow.perMinute, at);
      refill(hub, limitsNow.hubPerMinute, at);
      if (bucket.tokens < 1) return { ok: false, retryAfterSeconds: waitFor(bucket, limitsNow.perMinute) };
      if (hub.tokens < 1) return { ok: false, retryAfterSeconds: waitFor(hub, limitsNow.hubPerMinute) };
      bucket.tokens -= 1;
      hub.tokens -= 1;
      return { ok: true };
    },
    sources: () => buckets.size,
    surging: () => surge,
    stop() {
      if (calmCheck) clearInterval(calmCheck);
      calmCheck = undefined;
    },
  };
}

/** What the client at the kiosk reads past the pace: no blame, and a way on (the desk). */
export const paceMessage = "Lots of check-ins have come from this screen in the last minute. Please wait a moment and try again, or let the front desk know you're here.";
