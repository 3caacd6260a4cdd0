/**
 * A quiet line about the office's systems: "All systems calm" when they are, and only what is not
 * fine, in plain words, when something is not.
 */
import type { OfficeHealth } from '../../../main/contract/contract.ts';
import { healthNotes } from './healthWords.ts';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

export function HealthStrip({ health, now }: { health: OfficeHealth | null; now: number }) {
  const words = useStaffWords();
  if (!health) return null;
  const notes = healthNotes(health, now, words);
  return (
    <section className="health" aria-label={words.t('health.label')} data-calm={notes.length === 0}>
      <div role="status">
        {notes.length === 0 ? (
          <p className="health-calm">{words.t('health.calm')}</p>
        ) : (
          <ul className="health-notes">
            {notes.map((note) => (
              <li key={note.part} data-part={note.part}>
                <span className="health-title">{note.title}</span>
                {note.detail && <span className="health-detail"> {note.detail}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
