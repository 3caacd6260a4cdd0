/**
 * "Waiting for you": the clients waiting for this room's clinicians, in the words a locked phone
 * may show (their slot's time, how long they have waited, their comfort wishes), each with an
 * "On my way" that tells the desk. There is no client identity to show, and none is shown.
 *
 * In a room two clinicians share (issue 14) the screen says whom it serves, marks each client with
 * their clinician's colour and symbol, and asks who is going: "Sam is going" or "Ana is going",
 * the client's own clinician first, so the desk reads the name of the one actually on the way.
 */
import { useState } from 'react';
import type { Arrival, ClinicianTile } from '../../../main/contract/contract.ts';
import { waitedMinutes } from '../../../main/contract/boardStats.ts';
import { ClinicianSymbol } from '../common/ClinicianSymbol.tsx';
import { clientWords, minutesWords } from '../common/clientWords.ts';
import { wishWords } from '../common/words.ts';

type Clinician = ClinicianTile;

const namesWords = (names: string[]) => (names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

export function WaitingForYou({ clinicians, waiting, now, onAcknowledge }: { clinicians: Clinician[]; waiting: Arrival[]; now: number; onAcknowledge: (arrivalId: string, by?: string) => Promise<string | null> }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const shared = clinicians.length > 1;
  const clinicianOf = (id: string | null) => clinicians.find((c) => c.id === id);
  // With one clinician in the room it is "your client"; when the room is shared, whose is named.
  const owner = (arrival: Arrival) => (shared ? (clinicianOf(arrival.clinicianId)?.displayName ?? null) : null);

  const acknowledge = async (arrival: Arrival, by?: string) => {
    if (busy) return;
    setBusy(arrival.id);
    setNotice(await onAcknowledge(arrival.id, by));
    setBusy(null);
  };

  return (
    <section className="waiting" aria-labelledby="waiting-title">
      <h2 id="waiting-title">Waiting for you</h2>
      {shared && (
        <ul className="waiting-serves" aria-label="This room's clinicians">
          {clinicians.map((clinician) => (
            <li key={clinician.id} className={`who who-${clinician.colour}`}>
              <ClinicianSymbol symbol={clinician.symbol} size={18} />
              {clinician.displayName}
            </li>
          ))}
        </ul>
      )}
      {waiting.length === 0 ? (
        <p className="muted waiting-none">{shared ? `Nobody is waiting for ${namesWords(clinicians.map((c) => c.displayName))} right now.` : 'Nobody is waiting for you right now.'}</p>
      ) : (
        <ul className="waiting-list">
          {waiting.map((arrival) => {
            const minutes = Math.floor(waitedMinutes(arrival, now));
            const own = clinicianOf(arrival.clinicianId);
            // The client's own clinician first: the usual case is one tap.
            const goers = own ? [own, ...clinicians.filter((c) => c.id !== own.id)] : clinicians;
            const goer = clinicianOf(arrival.acknowledgedBy);
            return (
              <li key={arrival.id} className="waiting-item" data-acknowledged={arrival.acknowledgedAt !== null} data-clinician={arrival.clinicianId ?? undefined}>
                <div className="waiting-words">
                  <p className="waiting-who">
                    {shared && own && (
                      <>
                        <span className={`who who-${own.colour}`}>
                          <ClinicianSymbol symbol={own.symbol} size={18} />
                          {own.displayName}
                        </span>{' '}
                      </>
                    )}
                    {clientWords(arrival, owner(arrival))} is here
                  </p>
                  <p className="muted">
                    {minutes < 1 ? 'Just arrived' : `Waiting ${minutesWords(minutes)}`}
                    {arrival.wishes.length > 0 && <> · Would like: {arrival.wishes.map((wish) => wishWords[wish].toLowerCase()).join(', ')}</>}
                  </p>
                </div>
                {arrival.acknowledgedAt === null ? (
                  shared ? (
                    <div className="waiting-goers" role="group" aria-label="Who is going?">
                      {goers.map((clinician, index) => (
                        <button key={clinician.id} type="button" className={`${index === 0 ? 'button-primary' : 'button-secondary'} button-on-my-way`} aria-busy={busy === arrival.id} onClick={() => void acknowledge(arrival, clinician.id)}>
                          {clinician.displayName} is going
                        </button>
                      ))}
                    </div>
                  ) : (
                    <button type="button" className="button-primary button-on-my-way" aria-busy={busy === arrival.id} onClick={() => void acknowledge(arrival)}>
                      On my way
                    </button>
                  )
                ) : (
                  <p className="on-the-way">
                    <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" focusable="false">
                      <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
                    </svg>
                    {shared && goer ? `${goer.displayName} is on the way` : 'On the way'}
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
