/** Staff sign-in for a desk reached over the network. The hub slows repeated wrong PINs. */
import { useState, type FormEvent } from 'react';
import type { Bridge } from '../transport/bridge.ts';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

/** The words default to the desk's; the room surface passes its own. */
export interface PinGateWords {
  title: string;
  lead: string;
  action: string;
}

export function PinGate({ bridge, practiceName, onSignedIn, words }: { bridge: Bridge; practiceName: string; onSignedIn: () => void; words?: PinGateWords }) {
  const { t } = useStaffWords();
  const gate = words ?? { title: t('pin.desk.title'), lead: t('pin.desk.lead'), action: t('pin.desk.action') };
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
        <h1>{practiceName || gate.title}</h1>
        <p>{gate.lead}</p>
        <label htmlFor="staff-pin">{t('pin.label')}</label>
        <input id="staff-pin" type="password" inputMode="numeric" autoComplete="off" pattern="[0-9]*" maxLength={12} value={pin} onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))} autoFocus />
        {message && (
          <p className="signin-message" role="alert">
            {message}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={busy || pin.length < 4}>
          {gate.action}
        </button>
      </form>
    </main>
  );
}
