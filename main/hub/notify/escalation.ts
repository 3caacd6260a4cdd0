/**
 * Session-aware escalation: a clinician in session is only told quietly (a light cue, a silent
 * push), which they may not notice. If nobody acknowledges such an arrival within the configured
 * minutes, the front desk is alerted, once. The decision is pure; the scheduler only keeps one
 * timer per watched arrival and asks the decision again when it fires.
 */
import type { ArrivalStatus } from '../../contract/contract.ts';

export interface EscalationFacts {
  status: ArrivalStatus;
  /**
   * When the client started waiting on the clinician: the later of arrival and appointment
   * (contract/boardStats.ts waitStart), so a client who comes early is not "unseen" before their
   * time has even come, as the desk's own wait counts it.
   */
  waitingSince: number;
  /** The check-in's notifications were silent (the room was in session). */
  silent: boolean;
  escalateAfterMinutes: number | null;
  acknowledged: boolean;
  alreadyAlerted: boolean;
  now: number;
}

export type EscalationDecision =
  | { kind: 'none'; why: 'not-configured' | 'not-silent' | 'no-longer-waiting' | 'acknowledged' | 'already-alerted' }
  | { kind: 'wait'; until: number }
  | { kind: 'alert'; waitedMinutes: number };

export function decideEscalation(facts: EscalationFacts): EscalationDecision {
  if (facts.escalateAfterMinutes === null) return { kind: 'none', why: 'not-configured' };
  if (!facts.silent) return { kind: 'none', why: 'not-silent' };
  if (facts.status !== 'waiting') return { kind: 'none', why: 'no-longer-waiting' };
  if (facts.acknowledged) return { kind: 'none', why: 'acknowledged' };
  if (facts.alreadyAlerted) return { kind: 'none', why: 'already-alerted' };
  const until = facts.waitingSince + facts.escalateAfterMinutes * 60_000;
  if (facts.now < until) return { kind: 'wait', until };
  return { kind: 'alert', waitedMinutes: Math.floor((facts.now - facts.waitingSince) / 60_000) };
}

export interface EscalationSchedulerOptions {
  /** The facts as they are now (from the store); null when the arrival is gone. */
  facts: (arrivalId: string, now: number) => EscalationFacts | null;
  /** Enqueue the desk alert (inside a transaction) and nudge the dispatcher. */
  alert: (arrivalId: string, waitedMinutes: number) => void;
  now?: () => number;
  /** Where the waits are scheduled; tests pass their own so they need not wait minutes. */
  timers?: EscalationTimers;
}

export interface EscalationTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

export interface EscalationScheduler {
  /** Call after a check-in, after an acknowledgement or status change, and for each waiting arrival at start-up. */
  watch(arrivalId: string): void;
  stop(): void;
  watching(): number;
}

export function createEscalationScheduler(options: EscalationSchedulerOptions): EscalationScheduler {
  const now = options.now ?? Date.now;
  const clock: EscalationTimers = options.timers ?? { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout) };
  const timers = new Map<string, unknown>();
  let stopped = false;

  function watch(arrivalId: string): void {
    clock.clearTimeout(timers.get(arrivalId));
    timers.delete(arrivalId);
    if (stopped) return;
    const time = now();
    const facts = options.facts(arrivalId, time);
    if (!facts) return;
    const decision = decideEscalation(facts);
    if (decision.kind === 'wait') timers.set(arrivalId, clock.setTimeout(() => watch(arrivalId), decision.until - time));
    else if (decision.kind === 'alert') options.alert(arrivalId, decision.waitedMinutes);
  }

  return {
    watch,
    stop: () => {
      stopped = true;
      for (const timer of timers.values()) clock.clearTimeout(timer);
      timers.clear();
    },
    watching: () => timers.size,
  };
}
