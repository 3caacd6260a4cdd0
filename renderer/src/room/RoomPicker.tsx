/** `/room`: the rooms to choose from, for a tablet or phone that is not yet set to one room. */
import type { Bridge } from '../transport/bridge.ts';
import { PinGate } from '../desk/PinGate.tsx';
import { LinkLine, RoomCards } from './RoomCards.tsx';
import { useRoomPinWords } from './RoomSurface.tsx';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';
import { useRoomsOverview } from './useRoomsOverview.ts';

export function RoomPicker({ bridge }: { bridge: Bridge }) {
  const { load, reload } = useRoomsOverview(bridge);
  const { t } = useStaffWords();
  const pinWords = useRoomPinWords();
  if (load.state === 'loading') return <main className="room"><p role="status">{t('picker.finding')}</p></main>;
  if (load.state === 'needs-pin') return <PinGate bridge={bridge} practiceName="" words={pinWords} onSignedIn={() => void reload()} />;
  if (load.state === 'trouble') return <main className="room"><h1>{t('picker.rooms')}</h1><p role="alert">{load.message}</p></main>;
  const { overview } = load;
  return (
    <main className="room room-picker">
      <h1>{t('picker.which')}</h1>
      <p className="muted">{t('picker.lead')}</p>
      <LinkLine status={overview.homeAssistant} />
      {overview.rooms.length > 0 ? <RoomCards rooms={overview.rooms} label={t('picker.rooms')} /> : <p>{t('picker.none')}</p>}
    </main>
  );
}
