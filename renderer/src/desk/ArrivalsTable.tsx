/**
 * Today's arrivals in the order they came, as at a real desk. On a wide screen a table; below about
 * 1000 CSS px (an 800 px screen, or 200 % zoom) each row stacks into a card, so nothing scrolls
 * sideways (WCAG 1.4.10). The cells carry their column's name for that (`data-label`).
 */
import { useEffect, useRef, useState } from 'react';
import type { Arrival, ArrivalStatus, DeskBoard } from '../../../main/contract/contract.ts';
import { nextStatuses } from '../../../main/contract/arrivalRules.ts';
import { isEarly, waitLevel, waitedMinutes } from '../../../main/contract/boardStats.ts';
import { ClinicianSymbol } from '../common/ClinicianSymbol.tsx';
import { clockLabel } from '../common/words.ts';
import { useStaffWords, type StaffT } from '../i18n/staff/StaffLanguage.tsx';

const actionWords = (status: Exclude<ArrivalStatus, 'waiting'>, t: StaffT) => t(`table.action.${status}`);

export interface ArrivalsTableProps {
  board: DeskBoard;
  /** The rows to show (all of today, or only those waiting); the board's clinicians name them. */
  arrivals: readonly Arrival[];
  now: number;
  fresh: ReadonlySet<string>;
  /** Arrivals with an open desk alert (clinician in session, nobody acknowledged), marked softly. */
  alerted: ReadonlySet<string>;
  onSetStatus: (arrival: Arrival, status: ArrivalStatus) => void;
  /** "Assign to…": give a waiting client to a clinician, who is told as at a check-in. */
  onAssign: (arrival: Arrival, clinicianId: string) => void;
  /** "Remove…": take a mistaken or made-up check-in off the board for good, after a second tap. */
  onRemove: (arrival: Arrival) => void;
}

export function ArrivalsTable({ board, arrivals, now, fresh, alerted, onSetStatus, onAssign, onRemove }: ArrivalsTableProps) {
  const { t, slot: slotLabel, wish: wishLabel, status: statusLabel } = useStaffWords();
  const clinicians = new Map(board.clinicians.map((c) => [c.id, c]));
  /** The one row whose "Assign to…" choices are open. */
  const [assigning, setAssigning] = useState<string | null>(null);
  /** The one row whose "Remove…" is asking to be sure. */
  const [removing, setRemoving] = useState<string | null>(null);
  return (
    <table className="arrivals">
      <caption className="visually-hidden">{t('desk.todaysArrivals')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('table.arrived')}</th>
          <th scope="col">{t('table.for')}</th>
          <th scope="col">{t('table.appointment')}</th>
          <th scope="col">{t('table.waiting')}</th>
          <th scope="col">{t('table.wishes')}</th>
          <th scope="col">{t('table.status')}</th>
          <th scope="col"><span className="visually-hidden">{t('table.actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        {arrivals.map((arrival) => {
          const clinician = arrival.clinicianId ? clinicians.get(arrival.clinicianId) : undefined;
          const level = waitLevel(arrival, now, board);
          return (
            <tr key={arrival.id} data-arrival={arrival.id} data-status={arrival.status} className={`arrival wait-${level}${fresh.has(arrival.id) ? ' arrival-new' : ''}${alerted.has(arrival.id) ? ' arrival-alerted' : ''}`}>
              <td data-label={t('table.arrived')} className="cell-time">{clockLabel(arrival.arrivedAt)}</td>
              <td data-label={t('table.for')}>
                {clinician ? (
                  <span className={`who who-${clinician.colour}`}>
                    <ClinicianSymbol symbol={clinician.symbol} size={20} />
                    {clinician.displayName}
                  </span>
                ) : (
                  <span className="who who-desk">{t('table.frontDesk')}</span>
                )}
              </td>
              <td data-label={t('table.appointment')} className="cell-time">{slotLabel(arrival.slot)}</td>
              <td data-label={t('table.waiting')} className="cell-wait" data-testid="wait">
                {isEarly(arrival, now) ? (
                  <span className="wait-early">{t('table.early')}</span>
                ) : (
                  <>
                    {t('desk.minutesShort', { count: Math.floor(waitedMinutes(arrival, now)) })}
                    {level !== 'usual' && <span className="wait-note"> {level === 'long' ? t('table.longWait') : t('table.waitingAWhile')}</span>}
                  </>
                )}
                {alerted.has(arrival.id) && <span className="alert-note">{clinician ? t('table.mayNotHaveSeen', { name: clinician.displayName }) : t('table.notYetSeen')}</span>}
              </td>
              <td data-label={t('table.wishes')}>{arrival.wishes.length > 0 ? arrival.wishes.map(wishLabel).join(', ') : <span className="muted">—</span>}</td>
              <td data-label={t('table.status')} className="status">
                {statusLabel(arrival.status)}
                {arrival.status === 'waiting' && arrival.acknowledgedAt !== null && (
                  <span className="acknowledged" title={t('table.saidOnMyWay', { time: clockLabel(arrival.acknowledgedAt) })}>
                    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                      <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
                    </svg>
                    {onTheWayWords(arrival.acknowledgedBy ? clinicians.get(arrival.acknowledgedBy) : clinician, t)}
                  </span>
                )}
              </td>
              {/* The buttons sit in a div: a table cell that is itself a flex box draws broken (issue 14). */}
              <td className="row-actions-cell">
                <div className="row-actions">
                  {nextStatuses(arrival.status).map((status) => (
                    <button key={status} type="button" className={status === 'cancelled' ? 'button-quiet' : 'button-secondary'} onClick={() => onSetStatus(arrival, status)}>
                      {status !== 'waiting' && actionWords(status, t)}
                    </button>
                  ))}
                  {arrival.status === 'waiting' && (
                    <button type="button" className="button-secondary" aria-expanded={assigning === arrival.id} aria-controls={`assign-${arrival.id}`} onClick={() => setAssigning(assigning === arrival.id ? null : arrival.id)}>
                      {t('table.assignTo')}
                    </button>
                  )}
                  <button type="button" className="button-quiet" aria-expanded={removing === arrival.id} aria-controls={`remove-${arrival.id}`} onClick={() => setRemoving(removing === arrival.id ? null : arrival.id)}>
                    {t('table.remove')}
                  </button>
                </div>
                {removing === arrival.id && (
                  <RemoveConfirm
                    id={`remove-${arrival.id}`}
                    arrivedAt={arrival.arrivedAt}
                    onRemove={() => {
                      setRemoving(null);
                      onRemove(arrival);
                    }}
                    onKeep={() => setRemoving(null)}
                  />
                )}
                {assigning === arrival.id && arrival.status === 'waiting' && (
                  <AssignChoices
                    id={`assign-${arrival.id}`}
                    clinicians={board.clinicians.filter((c) => c.id !== arrival.clinicianId)}
                    onChoose={(clinicianId) => {
                      setAssigning(null);
                      onAssign(arrival, clinicianId);
                    }}
                    onClose={() => setAssigning(null)}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const onTheWayWords = (goer: { displayName: string } | undefined, t: StaffT) => (goer ? t('common.onTheWayBy', { name: goer.displayName }) : t('common.onTheWay'));

/**
 * Removing cannot be undone (deleted means gone), so it asks once, in words, with "Keep it" taking
 * the focus: a slip of the finger on a busy morning keeps the arrival.
 */
function RemoveConfirm({ id, arrivedAt, onRemove, onKeep }: { id: string; arrivedAt: number; onRemove: () => void; onKeep: () => void }) {
  const { t } = useStaffWords();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div id={id} className="remove-confirm" role="group" aria-labelledby={`${id}-words`} onKeyDown={(event) => event.key === 'Escape' && onKeep()}>
      <p id={`${id}-words`}>{t('table.removeConfirm', { time: clockLabel(arrivedAt) })}</p>
      <button type="button" className="button-secondary" onClick={onRemove}>
        {t('table.removeForGood')}
      </button>
      <button ref={keep} type="button" className="button-quiet" onClick={onKeep}>
        {t('table.keepIt')}
      </button>
    </div>
  );
}

/** The clinicians a client can be given to, as buttons; the first takes the focus, Escape closes. */
function AssignChoices({ id, clinicians, onChoose, onClose }: { id: string; clinicians: DeskBoard['clinicians']; onChoose: (clinicianId: string) => void; onClose: () => void }) {
  const { t } = useStaffWords();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div id={id} className="assign-choices" role="group" aria-label={t('table.giveTo')} onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      {clinicians.map((clinician, index) => (
        <button key={clinician.id} ref={index === 0 ? first : undefined} type="button" className={`button-secondary who-choice who-${clinician.colour}`} onClick={() => onChoose(clinician.id)}>
          <ClinicianSymbol symbol={clinician.symbol} size={18} />
          {clinician.displayName}
        </button>
      ))}
      <button type="button" className="button-quiet" onClick={onClose}>
        {t('common.close')}
      </button>
    </div>
  );
}
