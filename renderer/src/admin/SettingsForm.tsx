/**
 * The kiosk's and desk's everyday settings, and the PINs. Settings are saved together and open
 * kiosks and desks follow at once; each PIN is set on its own and only its hash is kept.
 */
import { useId, useState, type FormEvent } from 'react';
import type { AdminOffice, OfficeSettings } from '../../../main/contract/contract.ts';
import type { Bridge } from '../transport/bridge.ts';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

type Numbers = 'idleSeconds' | 'gentleWaitMinutes' | 'longWaitMinutes';
const numberKeys: readonly Numbers[] = ['idleSeconds', 'gentleWaitMinutes', 'longWaitMinutes'];

export function SettingsForm({ bridge, office, onSaved }: { bridge: Bridge; office: AdminOffice; onSaved: (office: AdminOffice, words: string) => void }) {
  const { t } = useStaffWords();
  const numberWords = (key: Numbers) => ({ label: t(`admin.settings.${key}`), problem: t(`admin.settings.${key}.problem`) });
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
      if (!/^\d+$/.test(value)) found[key] = numberWords(key).problem;
      return [key, Number(value)];
    })) as Record<Numbers, number>;
    if (!found.longWaitMinutes && !found.gentleWaitMinutes && parsed.longWaitMinutes <= parsed.gentleWaitMinutes) found.longWaitMinutes = numberWords('longWaitMinutes').problem;
    setProblems(found);
    if (Object.keys(found).length > 0) return document.getElementById(`${id}-${Object.keys(found)[0]}`)?.focus();
    setBusy(true);
    const result = await bridge.call('saveSettings', { ...flags, ...parsed } satisfies OfficeSettings);
    setBusy(false);
    if (result.ok) onSaved(result.value, t('admin.settings.saved'));
    else setRefusal(result.error.message);
  };

  return (
    <form className="admin-form" onSubmit={(event) => void save(event)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('admin.settings.title')}</h3>
      <div className="admin-form-fields">
        {(['askAppointmentTime', 'offerComfortWishes', 'chime'] as const).map((key) => (
          <label key={key} className="admin-check">
            <input type="checkbox" checked={flags[key]} onChange={(event) => setFlags({ ...flags, [key]: event.target.checked })} />
            {t(`admin.settings.${key}`)}
          </label>
        ))}
        {numberKeys.map((key) => (
          <div key={key} className="admin-number">
            <label htmlFor={`${id}-${key}`}>{numberWords(key).label}</label>
            <input id={`${id}-${key}`} inputMode="numeric" value={numbers[key]} onChange={(event) => setNumbers({ ...numbers, [key]: event.target.value })} {...(problems[key] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${key}-problem` } : {})} />
            {problems[key] && <p id={`${id}-${key}-problem`} className="admin-field-problem">{problems[key]}</p>}
          </div>
        ))}
      </div>
      {refusal && <p className="admin-refusal" role="alert">{refusal}</p>}
      <div className="admin-form-actions">
        <button type="submit" className="button-primary" disabled={busy || !office.writable} aria-busy={busy}>{t('admin.settings.save')}</button>
      </div>
    </form>
  );
}

const roles = ['room', 'desk', 'admin'] as const;
type Role = (typeof roles)[number];

export function PinsForm({ bridge, office, onSaved }: { bridge: Bridge; office: AdminOffice; onSaved: (office: AdminOffice, words: string) => void }) {
  const { t } = useStaffWords();
  const id = useId();
  const [pins, setPins] = useState({ room: '', desk: '', admin: '' });
  const [messages, setMessages] = useState<Partial<Record<Role, string>>>({});
  const set = async (role: Role) => {
    const pin = pins[role];
    if (!/^\d{4,12}$/.test(pin)) return setMessages({ ...messages, [role]: t('admin.pins.tooShort') });
    const result = await bridge.call('setPin', { role, pin });
    setPins({ ...pins, [role]: '' });
    if (result.ok) {
      setMessages({ ...messages, [role]: undefined });
      onSaved(result.value, pin.length < 6 ? `${t(`admin.pins.${role}.done`)} ${t('admin.pins.longer')}` : t(`admin.pins.${role}.done`));
    } else setMessages({ ...messages, [role]: result.error.message });
  };
  return (
    <div className="admin-form" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('admin.pins.title')}</h3>
      <p className="muted">{t('admin.pins.lead')}</p>
      {roles.map((role) => (
        <div key={role} className="admin-pin">
          <label htmlFor={`${id}-${role}`}>{t(`admin.pins.${role}.label`)} {office.pins[role] ? t('admin.pins.isSet') : t('admin.pins.notSet')}</label>
          <input id={`${id}-${role}`} type="password" inputMode="numeric" autoComplete="new-password" maxLength={12} value={pins[role]} onChange={(event) => setPins({ ...pins, [role]: event.target.value.replace(/\D/g, '') })} />
          <button type="button" className="button-secondary" disabled={!office.writable} onClick={() => void set(role)}>{t(`admin.pins.${role}.set`)}</button>
          {messages[role] && <p className="admin-refusal" role="alert">{messages[role]}</p>}
        </div>
      ))}
    </div>
  );
}
