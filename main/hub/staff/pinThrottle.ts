/**
 * Slows down guessing: after a few wrong PINs from one place, every further try waits longer
 * (doubling, up to a limit), and a try made while waiting is refused without checking the PIN.
 * Bookkeeping over a clock and a store, so the rules can be tested without waiting; the hub keeps
 * the records in SQLite (staffAccess.ts) so a restart does not hand out fresh tries.
 */
export interface PinThrottleRules {
  /** Wrong PINs allowed before slowing down. */
  freeTries: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

export const defaultPinThrottleRules: PinThrottleRules = { freeTries: 3, firstDelaySeconds: 2, maxDelaySeconds: 300 };

export interface ThrottleRecord {
  failures: number;
  blockedUntil: number;
}

/** Where the records live: a Map by default, a table in the hub. */
export interface ThrottleStore {
  get(caller: string): ThrottleRecord | undefined;
  set(caller: string, record: ThrottleRecord): void;
  delete(caller: string): void;
  size(): number;
  /** Drops records whose wait ended before `cutoff`. */
  forgetBefore(cutoff: number): void;
}

export function memoryThrottleStore(): ThrottleStore {
  const records = new Map<string, ThrottleRecord>();
  return {
    get: (caller) => records.get(caller),
    set: (caller, record) => void records.set(caller, record),
    delete: (caller) => void records.delete(caller),
    size: () => records.size,
    forgetBefore(cutoff) {
      for (const [caller, record] of records) if (record.blockedUntil < cutoff) records.delete(caller);
    },
  };
}

export class PinThrottle {
  readonly #records: ThrottleStore;

  constructor(
    private readonly now: () => number,
    private readonly rules: PinThrottleRules = defaultPinThrottleRules,
    store: ThrottleStore = memoryThrottleStore(),
  ) {
    this.#records = store;
  }

  /** Seconds the caller must still wait before a try is looked at; 0 when they may try now. */
  waitSeconds(caller: string): number {
    const record = this.#records.get(caller);
    if (!record) return 0;
    return Math.max(0, Math.ceil((record.blockedUntil - this.now()) / 1000));
  }

  recordFailure(caller: string): void {
    const record = { ...(this.#records.get(caller) ?? { failures: 0, blockedUntil: 0 }) };
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
    if (this.#records.size() < 1000) return;
    this.#records.forgetBefore(this.now() - this.rules.maxDelaySeconds * 1000);
  }
}
