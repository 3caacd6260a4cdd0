/**
 * A quiet line about the office's systems: "All systems calm" when they are, and only what is not
 * fine, in plain words, when something is not.
 */
import type { OfficeHealth } from '../../../main/contract/contract.ts';
import { healthNotes } from './healthWords.ts';

export function HealthStrip({ health, now }: { health: OfficeHealth | null; now: number }) {
  if (!health) return null;
  const notes = healthNotes(health, now);
  return (
    <section className="health" aria-label="Office systems" data-calm={notes.length === 0}>
      <div role="status">
        {notes.length === 0 ? (
          <p className="health-calm">All systems calm</p>
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
