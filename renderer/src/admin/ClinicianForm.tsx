/**
 * Adding or changing a clinician: their kiosk tile (name, colour, symbol, previewed as it is
 * edited), their room and days, and how they hear of an arrival (a push to their phone through a
 * Home Assistant notify service, a soft light cue in their room, the desk alerted after some
 * minutes). Each field says kindly what is wrong with it; what was typed is never lost.
 */
import { useId, useState, type FormEvent } from 'react';
import { AdminClinician, clinicianColours, clinicianSymbols, type AdminOffice } from '../../../main/contract/contract.ts';
import { ClinicianSymbol } from '../common/ClinicianSymbol.tsx';
import type { Bridge } from '../transport/bridge.ts';
import { ClinicianTilePreview } from './ClinicianTilePreview.tsx';
import { dayNames, idFromName, weekOrder } from './adminWords.ts';

type Field = 'displayName' | 'days' | 'push' | 'cueLight' | 'escalateAfterMinutes';

/** What the form holds: text as typed (the minutes too), turned into a clinician only on save. */
interface Draft extends Omit<AdminClinician, 'escalateAfterMinutes' | 'push'> {
  push: string;
  escalateAfterMinutes: string;
}

const fieldWords: Record<Field, string> = {
  displayName: 'Please give the name clients will see on the kiosk, up to 40 letters.',
  days: 'Please tick at least one day: the tile shows on the kiosk only on these days.',
  push: 'A notify service is lowercase letters, digits and underscores, such as mobile_app_sams_phone. Leave it empty for no push.',
  cueLight: 'Please pick one of the room’s lights, or none.',
  escalateAfterMinutes: 'Please give a whole number of minutes from 1 to 120, or leave it empty to never alert the desk.',
};

export function newClinician(office: AdminOffice): AdminClinician {
  const used = new Set(office.clinicians.map((clinician) => clinician.colour));
  return { id: '', displayName: '', colour: clinicianColours.find((colour) => !used.has(colour)) ?? 'sage', symbol: 'leaf', room: office.rooms[0]?.id ?? null, days: ['mon', 'tue', 'wed', 'thu', 'fri'], push: null, cueLight: null, escalateAfterMinutes: null };
}

function toClinician(draft: Draft, isNew: boolean, office: AdminOffice): { ok: true; clinician: AdminClinician } | { ok: false; problems: Partial<Record<Field, string>> } {
  const minutes = draft.escalateAfterMinutes.trim();
  const candidate = {
    ...draft,
    id: isNew ? idFromName(draft.displayName, office.clinicians.map((clinician) => clinician.id)) : draft.id,
    displayName: draft.displayName.trim(),
    push: draft.push.trim() === '' ? null : draft.push.trim(),
    cueLight: draft.room ? draft.cueLight : null,
    escalateAfterMinutes: minutes === '' ? null : /^\d+$/.test(minutes) ? Number(minutes) : Number.NaN,
  };
  const parsed = AdminClinician.safeParse(candidate);
  if (parsed.success) return { ok: true, clinician: parsed.data };
  const problems: Partial<Record<Field, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as Field;
    problems[field in fieldWords ? field : 'displayName'] = fieldWords[field] ?? fieldWords.displayName;
  }
  return { ok: false, problems };
}

export function ClinicianForm({ bridge, office, initial, isNew, onSaved, onCancel }: {
  bridge: Bridge;
  office: AdminOffice;
  initial: AdminClinician;
  isNew: boolean;
  onSaved: (office: AdminOffice, clinician: AdminClinician) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>({ ...initial, push: initial.push ?? '', escalateAfterMinutes: initial.escalateAfterMinutes === null ? '' : String(initial.escalateAfterMinutes) });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const lights = office.rooms.find((room) => room.id === draft.room)?.lights ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const made = toClinician(draft, isNew, office);
    if (!made.ok) {
      setProblems(made.problems);
      document.getElementById(`${id}-${Object.keys(made.problems)[0]}`)?.focus();
      return;
    }
    setProblems({});
    setBusy(true);
    const result = await bridge.call('saveClinician', { clinician: made.clinician, isNew });
    setBusy(false);
    if (result.ok) onSaved(result.value, made.clinician);
    else setRefusal(result.error.message);
  };

  const described = (field: Field) => (problems[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-problem` } : {});
  const problem = (field: Field) => problems[field] && <p id={`${id}-${field}-problem`} className="admin-field-problem">{problems[field]}</p>;

  return (
    <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{isNew ? 'A new clinician' : `Changing ${initial.displayName}`}</h3>
      <div className="admin-form-grid">
        <div className="admin-form-fields">
          <label htmlFor={`${id}-displayName`}>Name on the kiosk</label>
          <input id={`${id}-displayName`} value={draft.displayName} maxLength={60} autoComplete="off" onChange={(event) => set('displayName', event.target.value)} {...described('displayName')} autoFocus />
          {problem('displayName')}

          <fieldset className="admin-choices">
            <legend>Colour</legend>
            {clinicianColours.map((colour) => (
              <label key={colour} className={`admin-swatch tile-${colour}`}>
                <input type="radio" name={`${id}-colour`} value={colour} checked={draft.colour === colour} onChange={() => set('colour', colour)} />
                <span>{colour}</span>
              </label>
            ))}
          </fieldset>

          <fieldset className="admin-choices">
            <legend>Symbol</legend>
            {clinicianSymbols.map((symbol) => (
              <label key={symbol} className="admin-symbol">
                <input type="radio" name={`${id}-symbol`} value={symbol} checked={draft.symbol === symbol} onChange={() => set('symbol', symbol)} />
                <ClinicianSymbol symbol={symbol} size={24} />
                <span>{symbol}</span>
              </label>
            ))}
          </fieldset>

          <label htmlFor={`${id}-room`}>Room</label>
          <select id={`${id}-room`} value={draft.room ?? ''} onChange={(event) => setDraft((current) => ({ ...current, room: event.target.value || null, cueLight: null }))}>
            <option value="">No room</option>
            {office.rooms.map((room) => (
              <option key={room.id} value={room.id}>{room.name}</option>
            ))}
          </select>

          <fieldset className="admin-choices" {...(problems.days ? { 'aria-describedby': `${id}-days-problem` } : {})}>
            <legend>Days they see clients</legend>
            {weekOrder.map((day, index) => (
              <label key={day} className="admin-day">
                <input id={index === 0 ? `${id}-days` : undefined} type="checkbox" checked={draft.days.includes(day)} onChange={(event) => set('days', event.target.checked ? [...draft.days, day] : draft.days.filter((each) => each !== day))} />
                {dayNames[day]}
              </label>
            ))}
            {problem('days')}
          </fieldset>

          <h4>How they hear of an arrival</h4>
          <label htmlFor={`${id}-push`}>Push to their phone (a Home Assistant notify service)</label>
          <input id={`${id}-push`} list={`${id}-services`} value={draft.push} autoComplete="off" placeholder="none" onChange={(event) => set('push', event.target.value)} {...described('push')} />
          <datalist id={`${id}-services`}>
            {office.notifyServices.map((service) => (
              <option key={service} value={service} />
            ))}
          </datalist>
          {office.notifyServices.length === 0 && <p className="muted">Home Assistant is not connected, so its phones cannot be listed; type the service name, or leave it empty.</p>}
          {problem('push')}

          <label htmlFor={`${id}-cueLight`}>A soft light cue in their room</label>
          <select id={`${id}-cueLight`} value={draft.cueLight ?? ''} disabled={lights.length === 0} onChange={(event) => set('cueLight', event.target.value || null)} {...described('cueLight')}>
            <option value="">{lights.length === 0 ? 'Their room has no lights set up' : 'No light cue'}</option>
            {lights.map((light) => (
              <option key={light} value={light}>{light}</option>
            ))}
          </select>
          {problem('cueLight')}

          <label htmlFor={`${id}-escalateAfterMinutes`}>Alert the desk when nobody answers during a session, after (minutes)</label>
          <input id={`${id}-escalateAfterMinutes`} inputMode="numeric" value={draft.escalateAfterMinutes} placeholder="never" onChange={(event) => set('escalateAfterMinutes', event.target.value)} {...described('escalateAfterMinutes')} />
          {problem('escalateAfterMinutes')}
        </div>
        <div className="admin-preview">
          <p className="muted" id={`${id}-preview`}>On the kiosk</p>
          <div role="img" aria-labelledby={`${id}-preview`} aria-describedby={`${id}-preview-words`}>
            <ClinicianTilePreview clinician={draft} />
          </div>
          <p id={`${id}-preview-words`} className="visually-hidden">{`${draft.displayName.trim() || 'Their name'}, ${draft.colour}, ${draft.symbol}`}</p>
        </div>
      </div>
      {refusal && <p className="admin-refusal" role="alert">{refusal}</p>}
      <div className="admin-form-actions">
        <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>{isNew ? 'Add to the kiosk' : 'Save'}</button>
        <button type="button" className="button-quiet" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
