/**
 * The kiosk's and desk's everyday settings, and the PINs. Settings are saved together and open
 * kiosks and desks follow at once; each PIN is set on its own and only its hash is kept.
 */
import { useId, useState, type FormEvent } from 'react';
import type { AdminOffice, OfficeSettings } from '../../../main/contract/contract.ts';
import type { Bridge } from '../transport/bridge.ts';

type Numbers = 'idleSeconds' | 'gentleWaitMinutes' | 'longWaitMinutes';
const numberWords: Record<Numbers, { label: string; problem: string }> = {
  idleSeconds: { label: 'The kiosk returns to welcome after (seconds without a touch)', problem: 'Please give a whole number of seconds from 5 to 600.' },
  gentleWaitMinutes: { label: 'The desk marks a wait gently after (minutes)', problem: 'Please give a whole number of minutes from 1 to 240.' },
  longWaitMinutes: { label: 'The desk marks a long wait after (minutes)', problem: 'Please give a whole number of minutes from 1 to 480, longer than the gentle one.' },
};

export function SettingsForm({ bridge, office, onSaved }: { bridge: Bridge; office: AdminOffice; onSaved: (office: AdminOffice, words: string) => void }) {
  const id = useId();
  const [flags, setFlags] = useState({ askAppointmentTime: office.settings.askAppointmentTime, offerComfortWishes: office.settings.offerComfortWishes, chime: office.settings.chime });
  const [numbers, setNumbers] = useState<Record<Numbers, string>>({ idleSeconds: String(office.settings.idleSeconds), gentleWaitMinutes: String(office.settings.gentleWaitMinutes), longWaitMinutes: String(office.settings.longWaitMinutes) });
  const [problems, setProblems] = useState<Partial<Record<Numbers, string>>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const found: Partial<Record<Numbers, string>> = {};
    const parsed = Object.fromEntries((Object.keys(numbers) as Numbers[]).map((key) => {
      const value = numbers[key].trim();
      if (!/^\d+$/.test(value)) found[key] = numberWords[key].problem;
      return [key, Number(value)];
    })) as Record<Numbers, number>;
    if (!found.longWaitMinutes && !found.gentleWaitMinutes && parsed.longWaitMinutes <= parsed.gentleWaitMinutes) found.longWaitMinutes = numberWords.longWaitMinutes.problem;
    setProblems(found);
    if (Object.keys(found).length > 0) return document.getElementById(`${id}-${Object.keys(found)[0]}`)?.focus();
    setBusy(true);
    const result = await bridge.call('saveSettings', { ...flags, ...parsed } satisfies OfficeSettings);
    setBusy(false);
    if (result.ok) onSaved(result.value, 'The kiosk and desk settings are saved; open screens have them now.');
    else setRefusal(result.error.message);
  };

  return (
    <form className="admin-form" onSubmit={(event) => void save(event)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Kiosk and desk</h3>
      <div className="admin-form-fields">
        {([['askAppointmentTime', 'The kiosk asks for the appointment time'], ['offerComfortWishes', 'The kiosk offers comfort wishes (softer light, a quieter room, background sound)'], ['chime', 'The desk chimes for a new arrival']] as const).map(([key, words]) => (
          <label key={key} className="admin-check">
            <input type="checkbox" checked={flags[key]} onChange={(event) => setFlags({ ...flags, [key]: event.target.checked })} />
            {words}
          </label>
        ))}
        {(Object.keys(numberWords) as Numbers[]).map((key) => (
          <div key={key} className="admin-number">
            <label htmlFor={`${id}-${key}`}>{numberWords[key].label}</label>
            <input id={`${id}-${key}`} inputMode="numeric" value={numbers[key]} onChange={(event) => setNumbers({ ...numbers, [key]: event.target.value })} {...(problems[key] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${key}-problem` } : {})} />
            {problems[key] && <p id={`${id}-${key}-problem`} className="admin-field-problem">{problems[key]}</p>}
          </div>
        ))}
      </div>
      {refusal && <p className="admin-refusal" role="alert">{refusal}</p>}
      <div className="admin-form-actions">
        <button type="submit" className="button-primary" disabled={busy || !office.writable} aria-busy={busy}>Save the settings</button>
      </div>
    </form>
  );
}

const roleWords = { room: 'Room screens', desk: 'Front desk', admin: 'Admin' } as const;

export function PinsForm({ bridge, office, onSaved }: { bridge: Bridge; office: AdminOffice; onSaved: (office: AdminOffice, words: string) => void }) {
  const id = useId();
  const [pins, setPins] = useState({ room: '', desk: '', admin: '' });
  const [messages, setMessages] = useState<Partial<Record<keyof typeof roleWords, string>>>({});
  const set = async (role: keyof typeof roleWords) => {
    const pin = pins[role];
    if (!/^\d{4,12}$/.test(pin)) return setMessages({ ...messages, [role]: 'A PIN is 4 to 12 digits; 6 or more are recommended.' });
    const result = await bridge.call('setPin', { role, pin });
    setPins({ ...pins, [role]: '' });
    if (result.ok) {
      setMessages({ ...messages, [role]: undefined });
      onSaved(result.value, `The ${roleWords[role].toLowerCase()} PIN is set.${pin.length < 6 ? ' A longer PIN (6 digits or more) is harder to guess.' : ''}`);
    } else setMessages({ ...messages, [role]: result.error.message });
  };
  return (
    <div className="admin-form" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>PINs</h3>
      <p className="muted">A role without a PIN of its own uses the front desk’s. Only a hash of each PIN is kept.</p>
      {(Object.keys(roleWords) as (keyof typeof roleWords)[]).map((role) => (
        <div key={role} className="admin-pin">
          <label htmlFor={`${id}-${role}`}>{roleWords[role]} PIN {office.pins[role] ? '(set)' : '(not set)'}</label>
          <input id={`${id}-${role}`} type="password" inputMode="numeric" autoComplete="new-password" maxLength={12} value={pins[role]} onChange={(event) => setPins({ ...pins, [role]: event.target.value.replace(/\D/g, '') })} />
          <button type="button" className="button-secondary" disabled={!office.writable} onClick={() => void set(role)}>Set the {roleWords[role].toLowerCase()} PIN</button>
          {messages[role] && <p className="admin-refusal" role="alert">{messages[role]}</p>}
        </div>
      ))}
    </div>
  );
}
