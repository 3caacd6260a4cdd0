/**
 * One React app, several surfaces, chosen by path: /kiosk (clients), /desk (front desk).
 * The transport is chosen once here and handed down.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Desk } from './desk/Desk.tsx';
import { Kiosk } from './kiosk/Kiosk.tsx';
import { chooseBridge } from './transport/bridge.ts';
import './styles.css';

const bridge = chooseBridge();

function Surface() {
  const path = location.pathname.replace(/\/+$/, '');
  if (path === '/kiosk') return <Kiosk bridge={bridge} />;
  if (path === '/desk') return <Desk bridge={bridge} />;
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
      </ul>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Surface />
  </StrictMode>,
);
