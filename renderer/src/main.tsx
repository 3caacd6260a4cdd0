/**
 * One React app, several surfaces, chosen by path: /kiosk (clients), /desk (front desk),
 * /room (choose a room), /room/<id> (a treatment room, for its therapist) and /admin (the office's setup).
 * The transport is chosen once here and handed down.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Admin } from './admin/Admin.tsx';
import { Desk } from './desk/Desk.tsx';
import { Kiosk } from './kiosk/Kiosk.tsx';
import { RoomPicker } from './room/RoomPicker.tsx';
import { RoomSurface } from './room/RoomSurface.tsx';
import { chooseBridge } from './transport/bridge.ts';
import { StaffLanguage } from './i18n/staff/StaffLanguage.tsx';
import './styles.css';

const bridge = chooseBridge();

function Surface() {
  const path = location.pathname.replace(/\/+$/, '');
  if (path === '/kiosk') return <Kiosk bridge={bridge} />;
  // The desk, room and admin screens speak the practice's language (practice.language).
  if (path === '/desk') return <StaffLanguage bridge={bridge}><Desk bridge={bridge} /></StaffLanguage>;
  if (path === '/room') return <StaffLanguage bridge={bridge}><RoomPicker bridge={bridge} /></StaffLanguage>;
  if (path === '/admin') return <StaffLanguage bridge={bridge}><Admin bridge={bridge} /></StaffLanguage>;
  const room = /^\/room\/([a-z][a-z0-9-]{0,39})$/.exec(path);
  if (room) return <StaffLanguage bridge={bridge}><RoomSurface bridge={bridge} roomId={room[1]!} /></StaffLanguage>;
  return <Start />;
}

/** What a person sees at the hub's address: where each screen lives. */
function Start() {
  return (
    <main className="start">
      <h1>Stillroom</h1>
      <p>Open each screen on the device where it belongs.</p>
      <ul>
        <li>
          <a href="/kiosk">Waiting-room kiosk</a>: where clients check in.
        </li>
        <li>
          <a href="/desk">Front-desk board</a>: today's arrivals (staff PIN).
        </li>
        <li>
          <a href="/room">Treatment rooms</a>: each room's light, sound and sessions, for its therapist (staff PIN).
        </li>
        <li>
          <a href="/admin">Office setup</a>: clinicians and the kiosk's tiles (admin PIN).
        </li>
      </ul>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Surface />
  </StrictMode>,
);
