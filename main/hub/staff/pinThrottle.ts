/**
 * Slows down guessing: after a few wrong PINs from one place, every further try waits longer
 * (doubling, up to a limit), and a try made while waiting is refused without checking the PIN.
 * Pure bookkeeping over a clock, so the rules can be tested without waiting.
 */
export interface PinThrottleRules {
  /** Wrong PINs allowed before slowing down. */
  freeTries: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

export const defaultPinThrottleRules: PinThrottleRules = { freeTries: 3, firstDelaySeconds: 2, maxDelaySeconds: 300 };

interface Record {
  failures: number;
  blockedUntil: number;
}

export class PinThrottle {
  readonly #records = new Map<string, Record>();

  constructor(
    private readonly now: () => number,
    private readonly rules: PinThrottleRules = defaultPinThrottleRules,
  ) {}

  /** Seconds the caller must still wait before a try is looked at; 0 when they may try now. */
  waitSeconds(caller: string): number {
    const record = this.#records.get(caller);
    if (!record) return 0;
    return Math.max(0, Math.ceil((record.blockedUntil - this.now()) / 1000));
  }

  recordFailure(caller: string): void {
    const record = this.#records.get(caller) ?? { failures: 0, blockedUntil: 0 };
    record.failures += 1;
    const over = record.failures - this.rules.freeTries;
    if (over >= 0) {
      const delay = Math.min(this.rules.maxDelaySeconds, this.rules.firstDelaySeconds * 2 ** over);
      record.blockedUntil = this.now() + delay * 1000;
    }
    this.#records.set(caller, record);
    this.#forgetStale();
  }

  recordSuccess(caller: string): void {
    this.#records.delete(caller);
  }

  /** Keeps memory bounded when many addresses try: drop records whose wait ran out long ago. */
  #forgetStale(): void {
    if (this.#records.size < 1000) return;
    const cutoff = this.now() - this.rules.maxDelaySeconds * 1000;
    for (const [caller, record] of this.#records) if (record.blockedUntil < cutoff) this.#records.delete(caller);
  }
}
