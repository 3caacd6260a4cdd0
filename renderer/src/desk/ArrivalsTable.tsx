/**
 * Today's arrivals in the order they came, as at a real desk. On a wide screen a table; below about
 * 1000 CSS px (an 800 px screen, or 200 % zoom) each row stacks into a card, so nothing scrolls
 * sideways (WCAG 1.4.10). The cells carry their column's name for that (`data-label`).
 */
import type { Arrival, ArrivalStatus, DeskBoard } from '../../../main/contract/contract.ts';
import { nextStatuses, statusWords } from '../../../main/contract/arrivalRules.ts';
import { isEarly, waitLevel, waitedMinutes } from '../../../main/contract/boardStats.ts';
import { ClinicianSymbol } from '../common/ClinicianSymbol.tsx';
import { clockLabel, slotLabel, wishWords } from '../common/words.ts';

const actionWords: Partial<Record<ArrivalStatus, string>> = {
  'with-clinician': 'With clinician',
  done: 'Done',
  cancelled: 'Cancel',
};

export interface ArrivalsTableProps {
  board: DeskBoard;
  /** The rows to show (all of today, or only those waiting); the board's clinicians name them. */
  arrivals: readonly Arrival[];
  now: number;
  fresh: ReadonlySet<string>;
  /** Arrivals with an open desk alert (clinician in session, nobody acknowledged), marked softly. */
  alerted: ReadonlySet<string>;
  onSetStatus: (arrival: Arrival, status: ArrivalStatus) => void;
}

export function ArrivalsTable({ board, arrivals, now, fresh, alerted, onSetStatus }: ArrivalsTableProps) {
  const clinicians = new Map(board.clinicians.map((c) => [c.id, c]));
  return (
    <table className="arrivals">
      <caption className="visually-hidden">Today's arrivals</caption>
      <thead>
        <tr>
          <th scope="col">Arrived</th>
          <th scope="col">For</th>
          <th scope="col">Appointment</th>
          <th scope="col">Waiting</th>
          <th scope="col">Wishes</th>
          <th scope="col">Status</th>
          <th scope="col"><span className="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {arrivals.map((arrival) => {
          const clinician = arrival.clinicianId ? clinicians.get(arrival.clinicianId) : undefined;
          const level = waitLevel(arrival, now, board);
          return (
            <tr key={arrival.id} data-arrival={arrival.id} data-status={arrival.status} className={`arrival wait-${level}${fresh.has(arrival.id) ? ' arrival-new' : ''}${alerted.has(arrival.id) ? ' arrival-alerted' : ''}`}>
              <td data-label="Arrived" className="cell-time">{clockLabel(arrival.arrivedAt)}</td>
              <td data-label="For">
                {clinician ? (
                  <span className={`who who-${clinician.colour}`}>
                    <ClinicianSymbol symbol={clinician.symbol} size={20} />
                    {clinician.displayName}
                  </span>
                ) : (
                  <span className="who who-desk">Front desk (not sure)</span>
                )}
              </td>
              <td data-label="Appointment" className="cell-time">{slotLabel(arrival.slot)}</td>
              <td data-label="Waiting" className="cell-wait" data-testid="wait">
                {isEarly(arrival, now) ? (
                  <span className="wait-early">Early</span>
                ) : (
                  <>
                    {Math.floor(waitedMinutes(arrival, now))} min
                    {level !== 'usual' && <span className="wait-note">{level === 'long' ? ' · a long wait' : ' · waiting a while'}</span>}
                  </>
                )}
                {alerted.has(arrival.id) && <span className="alert-note">{clinician ? `${clinician.displayName} may not have seen it` : 'Not yet seen'}</span>}
              </td>
              <td data-label="Wishes">{arrival.wishes.length > 0 ? arrival.wishes.map((wish) => wishWords[wish]).join(', ') : <span className="muted">—</span>}</td>
              <td data-label="Status" className="status">
                {statusWords[arrival.status]}
                {arrival.status === 'waiting' && arrival.acknowledgedAt !== null && (
                  <span className="acknowledged" title={`Said “On my way” at ${clockLabel(arrival.acknowledgedAt)}`}>
                    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                      <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
                    </svg>
                    {clinician ? `${clinician.displayName} is on the way` : 'On the way'}
                  </span>
                )}
              </td>
              {/* The buttons sit in a div: a table cell that is itself a flex box draws broken (issue 14). */}
              <td className="row-actions-cell">
                <div className="row-actions">
                  {nextStatuses(arrival.status).map((status) => (
                    <button key={status} type="button" className={status === 'cancelled' ? 'button-quiet' : 'button-secondary'} onClick={() => onSetStatus(arrival, status)}>
                      {actionWords[status]}
                    </button>
                  ))}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
