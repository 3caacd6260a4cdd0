/**
 * What the therapist may need to know about the room, kindly and only when it matters: the link
 * to Home Assistant when it is not connected, a room that changed while the hub was away, devices
 * that did not take the last change, and (folded away, for the admin) problems with the room's setup.
 */
import type { RoomView } from '../../../main/contract/contract.ts';
import { changedWhileAwayWords, linkTrouble, missedWords } from './roomWords.ts';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

export function RoomNotes({ room }: { room: RoomView }) {
  const { t, list } = useStaffWords();
  const link = room.hasAmbience ? linkTrouble(room.homeAssistant, t) : null;
  const missed = room.lastChange.filter((outcome) => outcome.outcome !== 'done');
  const changed = room.hasAmbience ? changedWhileAwayWords(room, t, list) : null;
  return (
    <>
      {changed && (
        <div className="room-note" role="status">
          <p className="room-note-title">{changed.title}</p>
          <p>{changed.detail}</p>
        </div>
      )}
      {link && (
        <div className="room-note" role="status">
          <p className="room-note-title">{link.title}</p>
          <p>{link.detail}</p>
        </div>
      )}
      {missed.length > 0 && (
        <div className="room-note" role="status">
          <p className="room-note-title">{missed.length === room.lastChange.length ? t('room.missed.none') : t('room.missed.some')}</p>
          <ul>
            {missedWords(missed, t, list).map((words) => (
              <li key={words}>{words}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** Setup problems an admin should fix, kept out of the therapist's way. */
export function AdminProblems({ problems }: { problems: string[] }) {
  const { t } = useStaffWords();
  if (problems.length === 0) return null;
  return (
    <details className="room-admin">
      <summary>{t('room.admin', { count: problems.length })}</summary>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </details>
  );
}
