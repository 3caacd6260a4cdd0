/** Escalation: an in-session arrival nobody acknowledged alerts the desk once, after the configured minutes. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEscalationScheduler, decideEscalation, type EscalationFacts } from '../../../main/hub/notify/escalation.ts';

const minute = 60_000;
const facts = (overrides: Partial<EscalationFacts> = {}): EscalationFacts => ({
  status: 'waiting', waitingSince: 0, silent: true, escalateAfterMinutes: 10, acknowledged: false, alreadyAlerted: false, now: 0, ...overrides,
});

describe('the decision', () => {
  it('waits, then alerts', () => {
    expect(decideEscalation(facts({ now: 3 * minute }))).toEqual({ kind: 'wait', until: 10 * minute });
    expect(decideEscalation(facts({ now: 10 * minute }))).toEqual({ kind: 'alert', waitedMinutes: 10 });
  });

  it('never alerts when the clinician heard it, saw the client, acknowledged, or the desk already knows', () => {
    const late = 30 * minute;
    expect(decideEscalation(facts({ now: late, silent: false }))).toEqual({ kind: 'none', why: 'not-silent' });
    expect(decideEscalation(facts({ now: late, status: 'with-clinician' }))).toEqual({ kind: 'none', why: 'no-longer-waiting' });
    expect(decideEscalation(facts({ now: late, acknowledged: true }))).toEqual({ kind: 'none', why: 'acknowledged' });
    expect(decideEscalation(facts({ now: late, alreadyAlerted: true }))).toEqual({ kind: 'none', why: 'already-alerted' });
    expect(decideEscalation(facts({ now: late, escalateAfterMinutes: null }))).toEqual({ kind: 'none', why: 'not-configured' });
  });
});

describe('the scheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('asks again when the time comes, and alerts only if still unacknowledged', () => {
    vi.useFakeTimers({ now: 0 });
    const acknowledged = new Set<string>();
    const alerts: [string, number][] = [];
    const scheduler = createEscalationScheduler({
      facts: (id, now) => facts({ now, acknowledged: acknowledged.has(id) }),
      alert: (id, minutes) => alerts.push([id, minutes]),
    });
    scheduler.watch('quiet-one');
    scheduler.watch('seen-one');
    expect(scheduler.watching()).toBe(2);
    vi.advanceTimersByTime(5 * minute);
    acknowledged.add('seen-one');
    scheduler.watch('seen-one');
    vi.advanceTimersByTime(5 * minute);
    expect(alerts).toEqual([['quiet-one', 10]]);
    expect(scheduler.watching()).toBe(0);
    scheduler.stop();
  });
});
