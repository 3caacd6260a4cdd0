/**
 * What the connection forms share: a call that first makes sure nothing is missing, then shows
 * "busy" on its button, and ends in a sentence (found, or the refusal in words) or in `done`.
 */
import { useState } from 'react';
import type { CallResult } from '../../../main/contract/contract.ts';

export type Outcome = { ok: boolean; words: string } | null;

export function useTestThenSave(missing: () => string | null) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const run = async <V,>(kind: 'test' | 'save', call: () => Promise<CallResult<V>>, done: (value: V) => void) => {
    const problem = missing();
    if (problem) return setOutcome({ ok: false, words: problem });
    setBusy(kind);
    const result = await call();
    setBusy(null);
    if (!result.ok) return setOutcome({ ok: false, words: result.error.message });
    done(result.value);
  };
  return { outcome, setOutcome, busy, run };
}

export function OutcomeLine({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <p className={outcome.ok ? 'admin-found' : 'admin-refusal'} role={outcome.ok ? 'status' : 'alert'}>
      {outcome.words}
    </p>
  );
}

/** The outcome, then "Test…" and the form's submit button, each busy while its call runs. */
export function TestAndSave({ outcome, busy, canSave, onTest, testLabel, saveLabel }: { outcome: Outcome; busy: 'test' | 'save' | null; canSave: boolean; onTest: () => void; testLabel: string; saveLabel: string }) {
  return (
    <>
      <OutcomeLine outcome={outcome} />
      <div className="admin-form-actions">
        <button type="button" className="button-secondary" disabled={busy !== null} aria-busy={busy === 'test'} onClick={onTest}>
          {testLabel}
        </button>
        <button type="submit" className="button-primary" disabled={busy !== null || !canSave} aria-busy={busy === 'save'}>
          {saveLabel}
        </button>
      </div>
    </>
  );
}
