/**
 * "Waiting for you": the clients waiting for this room's clinicians, in the words a locked phone
 * may show (their slot's time, how long they have waited, their comfort wishes), each with an
 * "On my way" that tells the desk. There is no client identity to show, and none is shown.
 */
import { useState } from 'react';
import type { Arrival, ClinicianTile } from '../../../main/contract/contract.ts';
import { waitedMinutes } from '../../../main/contract/boardStats.ts';
import { clientWords, minutesWords } from '../common/clientWords.ts';
import { wishWords } from '../common/words.ts';

type Clinician = ClinicianTile;

export function WaitingForYou({ clinicians, waiting, now, onAcknowledge }: { clinicians: Clinician[]; waiting: Arrival[]; now: number; onAcknowledge: (arrivalId: string) => Promise<string | null> }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // With one clinician in the room it is "your client"; when the room is shared, whose is named.
  const owner = (arrival: Arrival) => (clinicians.length > 1 ? (clinicians.find((c) => c.id === arrival.clinicianId)?.displayName ?? null) : null);

  const acknowledge = async (arrival: Arrival) => {
    if (busy) return;
    setBusy(arrival.id);
    setNotice(await onAcknowledge(arrival.id));
    setBusy(null);
  };

  return (
    <section className="waiting" aria-labelledby="waiting-title">
      <h2 id="waiting-title">Waiting for you</h2>
      {waiting.length === 0 ? (
        <p className="muted waiting-none">Nobody is waiting for you right now.</p>
      ) : (
        <ul className="waiting-list">
          {waiting.map((arrival) => {
            const minutes = Math.floor(waitedMinutes(arrival, now));
            return (
              <li key={arrival.id} className="waiting-item" data-acknowledged={arrival.acknowledgedAt !== null}>
                <div className="waiting-words">
                  <p className="waiting-who">{clientWords(arrival, owner(arrival))} is here</p>
                  <p className="muted">
                    {minutes < 1 ? 'Just arrived' : `Waiting ${minutesWords(minutes)}`}
                    {arrival.wishes.length > 0 && <> · Would like: {arrival.wishes.map((wish) => wishWords[wish].toLowerCase()).join(', ')}</>}
                  </p>
                </div>
                {arrival.acknowledgedAt === null ? (
                  <button type="button" className="button-primary button-on-my-way" aria-busy={busy === arrival.id} onClick={() => void acknowledge(arrival)}>
                    On my way
                  </button>
                ) : (
                  <p className="on-the-way">
                    <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" focusable="false">
                      <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
                    </svg>
                    On the way
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {notice && (
        <p className="room-note" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}
