/** A card per room, linking to its screen: its name, preset, and whether a session is on. */
import type { DeviceLinkStatus, RoomSummary } from '../../../main/contract/contract.ts';
import { linkTrouble } from './roomWords.ts';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

export function RoomCards({ rooms, label }: { rooms: RoomSummary[]; label: string }) {
  const { t } = useStaffWords();
  return (
    <ul className="room-cards" aria-label={label}>
      {rooms.map((room) => (
        <li key={room.id}>
          <a className="room-card" href={`/room/${room.id}`} data-in-session={room.inSession}>
            <span className="room-card-name">{room.name}</span>
            <span className="room-card-preset">
              <span className="visually-hidden">{t('rooms.preset')} </span>
              {room.presetName ?? (
                <>
                  <span aria-hidden="true">—</span>
                  <span className="visually-hidden">{t('rooms.noneYet')}</span>
                </>
              )}
            </span>
            {room.inSession && <span className="session-badge">{t('common.inSession')}</span>}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Home Assistant's link in a line, only when it is not connected. */
export function LinkLine({ status }: { status: DeviceLinkStatus }) {
  const { t } = useStaffWords();
  const trouble = linkTrouble(status, t);
  if (!trouble) return null;
  return (
    <p className="link-line" role="status">
      {trouble.title} <span className="muted">{trouble.detail}</span>
    </p>
  );
}
