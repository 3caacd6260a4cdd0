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
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

type Clinician = ClinicianTile;


export function WaitingForYou({ clinicians, waiting, now, onAcknowledge }: { clinicians: Clinician[]; waiting: Arrival[]; now: number; onAcknowledge: (arrivalId: string, by?: string) => Promise<string | null> }) {
  const { t, client: clientWords, minutes: minutesWords, wish: wishLabel, list } = useStaffWords();
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
      <h2 id="waiting-title">{t('waiting.title')}</h2>
      {shared && (
        <ul className="waiting-serves" aria-label={t('waiting.clinicians')}>
          {clinicians.map((clinician) => (
            <li key={clinician.id} className={`who who-${clinician.colour}`}>
              <ClinicianSymbol symbol={clinician.symbol} size={18} />
              {clinician.displayName}
            </li>
          ))}
        </ul>
      )}
      {waiting.length === 0 ? (
        <p className="muted waiting-none">{shared ? t('waiting.nobodyFor', { names: list(clinicians.map((c) => c.displayName)) }) : t('waiting.nobody')}</p>
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
                    {t('waiting.isHere', { client: clientWords(arrival, owner(arrival)) })}
                  </p>
                  <p className="muted">
                    {minutes < 1 ? t('waiting.justArrived') : t('waiting.waited', { minutes: minutesWords(minutes) })}
                    {arrival.wishes.length > 0 && <> · {t('waiting.wouldLike', { wishes: arrival.wishes.map((wish) => wishLabel(wish).toLocaleLowerCase()).join(', ') })}</>}
                  </p>
                </div>
                {arrival.acknowledgedAt === null ? (
                  shared ? (
                    <div className="waiting-goers" role="group" aria-label={t('waiting.whoIsGoing')}>
                      {goers.map((clinician, index) => (
                        <button key={clinician.id} type="button" className={`${index === 0 ? 'button-primary' : 'button-secondary'} button-on-my-way`} aria-busy={busy === arrival.id} onClick={() => void acknowledge(arrival, clinician.id)}>
                          {t('waiting.isGoing', { name: clinician.displayName })}
                        </button>
                      ))}
                    </div>
                  ) : (
                    <button type="button" className="button-primary button-on-my-way" aria-busy={busy === arrival.id} onClick={() => void acknowledge(arrival)}>
                      {t('waiting.onMyWay')}
                    </button>
                  )
                ) : (
                  <p className="on-the-way">
                    <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" focusable="false">
                      <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
                    </svg>
                    {shared && goer ? t('common.onTheWayBy', { name: goer.displayName }) : t('common.onTheWay')}
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
