/**
 * The desk's gentle alerts: an arrival whose clinician is in session, and nobody said "On my way".
 * Each banner stays until the desk taps "Noted", or goes by itself once the client is seen or
 * their clinician acknowledges.
 */
import type { Arrival, DeskAlert, DeskBoard } from '../../../main/contract/contract.ts';
import { waitedMinutes } from '../../../main/contract/boardStats.ts';
import { useStaffWords, type StaffWords } from '../i18n/staff/StaffLanguage.tsx';

export type { DeskAlert };

/** An alert still matters while its arrival waits and nobody acknowledged it. */
export function alertStillMatters(arrival: Arrival | undefined): arrival is Arrival {
  return arrival !== undefined && arrival.status === 'waiting' && arrival.acknowledgedAt === null;
}

export function alertWords(alert: DeskAlert, board: DeskBoard, now: number, { t, minutes: minutesWords, client }: StaffWords): string {
  const arrival = board.arrivals.find((a) => a.id === alert.arrivalId);
  const clinician = board.clinicians.find((c) => c.id === (arrival?.clinicianId ?? alert.clinicianId));
  const minutes = Math.max(alert.waitedMinutes, arrival ? Math.floor(waitedMinutes(arrival, now)) : 0);
  if (!clinician) return t('alerts.frontDesk', { minutes: minutesWords(minutes) });
  const whose = arrival ? client(arrival, clinician.displayName) : t('client.theirs', { owner: clinician.displayName });
  return t('alerts.inSession', { client: whose, minutes: minutesWords(minutes), name: clinician.displayName });
}

export function DeskAlerts({ alerts, board, now, onNoted }: { alerts: DeskAlert[]; board: DeskBoard; now: number; onNoted: (arrivalId: string) => void }) {
  const words = useStaffWords();
  if (alerts.length === 0) return null;
  return (
    <section className="desk-alerts" aria-label={words.t('alerts.label')}>
      {alerts.map((alert) => (
        <div key={alert.arrivalId} className="desk-alert" data-arrival={alert.arrivalId}>
          <p>{alertWords(alert, board, now, words)}</p>
          <button type="button" className="button-secondary" onClick={() => onNoted(alert.arrivalId)}>
            {words.t('alerts.noted')}
          </button>
        </div>
      ))}
    </section>
  );
}
