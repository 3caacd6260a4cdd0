/** `/room`: the rooms to choose from, for a tablet or phone that is not yet set to one room. */
import type { Bridge } from '../transport/bridge.ts';
import { PinGate } from '../desk/PinGate.tsx';
import { LinkLine, RoomCards } from './RoomCards.tsx';
import { roomPinWords } from './RoomSurface.tsx';
import { useRoomsOverview } from './useRoomsOverview.ts';

export function RoomPicker({ bridge }: { bridge: Bridge }) {
  const { load, reload } = useRoomsOverview(bridge);
  if (load.state === 'loading') return <main className="room"><p role="status">Finding the rooms…</p></main>;
  if (load.state === 'needs-pin') return <PinGate bridge={bridge} practiceName="" words={roomPinWords} onSignedIn={() => void reload()} />;
  if (load.state === 'trouble') return <main className="room"><h1>Rooms</h1><p role="alert">{load.message}</p></main>;
  const { overview } = load;
  return (
    <main className="room room-picker">
      <h1>Which room are you in?</h1>
      <p className="muted">Choose your room to set its light and sound. You can bookmark its page on this device.</p>
      <LinkLine status={overview.homeAssistant} />
      {overview.rooms.length > 0 ? <RoomCards rooms={overview.rooms} label="Rooms" /> : <p>No rooms are set up yet. The practice admin can add them to the office configuration.</p>}
    </main>
  );
}
