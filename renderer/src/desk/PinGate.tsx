/** Staff sign-in for a desk reached over the network. The hub slows repeated wrong PINs. */
import { useState, type FormEvent } from 'react';
import type { Bridge } from '../transport/bridge.ts';

/** The words default to the desk's; the room surface passes its own. */
export interface PinGateWords {
  title: string;
  lead: string;
  action: string;
}
const deskWords: PinGateWords = { title: 'Front desk', lead: "Please enter the staff PIN to see today's arrivals.", action: 'Open the board' };

export function PinGate({ bridge, practiceName, onSignedIn, words = deskWords }: { bridge: Bridge; practiceName: string; onSignedIn: () => void; words?: PinGateWords }) {
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!bridge.signIn) return;
    setBusy(true);
    const result = await bridge.signIn(pin);
    setBusy(false);
    setPin('');
    if (result.ok) onSignedIn();
    else setMessage(result.error.message);
  };

  return (
    <main className="desk desk-signin">
      <form className="signin-card" onSubmit={(event) => void submit(event)}>
        <h1>{practiceName || words.title}</h1>
        <p>{words.lead}</p>
        <label htmlFor="staff-pin">Staff PIN</label>
        <input id="staff-pin" type="password" inputMode="numeric" autoComplete="off" pattern="[0-9]*" maxLength={12} value={pin} onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))} autoFocus />
        {message && (
          <p className="signin-message" role="alert">
            {message}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={busy || pin.length < 4}>
          {words.action}
        </button>
      </form>
    </main>
  );
}
