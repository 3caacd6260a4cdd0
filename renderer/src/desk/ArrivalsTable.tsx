/** Today's arrivals, newest waiting first in spirit: the order is arrival time, as at a real desk. */
import type { Arrival, ArrivalStatus, DeskBoard } from '../../../main/contract/contract.ts';
import { nextStatuses, statusWords } from '../../../main/contract/arrivalRules.ts';
import { waitLevel, waitedMinutes } from '../../../main/contract/boardStats.ts';
import { ClinicianSymbol } from '../common/ClinicianSymbol.tsx';
import { clockLabel, slotLabel, wishWords } from '../common/words.ts';

const actionWords: Partial<Record<ArrivalStatus, string>> = {
  'with-clinician': 'With clinician',
  done: 'Done',
  cancelled: 'Cancel',
};

/** `alerted`: arrivals with an open desk alert (clinician in session, nobody acknowledged), marked softly. */
export function ArrivalsTable({ board, now, fresh, alerted, onSetStatus }: { board: DeskBoard; now: number; fresh: ReadonlySet<string>; alerted: ReadonlySet<string>; onSetStatus: (arrival: Arrival, status: ArrivalStatus) => void }) {
  const clinicians = new Map(board.clinicians.map((c) => [c.id, c]));
  if (board.arrivals.length === 0) return <p className="desk-empty">No arrivals yet today. New check-ins appear here by themselves.</p>;
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
        {board.arrivals.map((arrival) => {
          const clinician = arrival.clinicianId ? clinicians.get(arrival.clinicianId) : undefined;
          const level = waitLevel(arrival, now, board);
          return (
            <tr key={arrival.id} data-arrival={arrival.id} data-status={arrival.status} className={`arrival wait-${level}${fresh.has(arrival.id) ? ' arrival-new' : ''}${alerted.has(arrival.id) ? ' arrival-alerted' : ''}`}>
              <td>{clockLabel(arrival.arrivedAt)}</td>
              <td>
                {clinician ? (
                  <span className={`who who-${clinician.colour}`}>
                    <ClinicianSymbol symbol={clinician.symbol} size={20} />
                    {clinician.displayName}
                  </span>
                ) : (
                  <span className="who who-desk">Front desk (not sure)</span>
                )}
              </td>
              <td>{slotLabel(arrival.slot)}</td>
              <td>
                {Math.floor(waitedMinutes(arrival, now))} min
                {level !== 'usual' && <span className="wait-note">{level === 'long' ? ' · a long wait' : ' · waiting a while'}</span>}
                {alerted.has(arrival.id) && <span className="alert-note">{clinician ? `${clinician.displayName} may not have seen it` : 'Not yet seen'}</span>}
              </td>
              <td>{arrival.wishes.length > 0 ? arrival.wishes.map((wish) => wishWords[wish]).join(', ') : <span className="muted">—</span>}</td>
              <td className="status">
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
              <td className="row-actions">
                {nextStatuses(arrival.status).map((status) => (
                  <button key={status} type="button" className={status === 'cancelled' ? 'button-quiet' : 'button-secondary'} onClick={() => onSetStatus(arrival, status)}>
                    {actionWords[status]}
                  </button>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
