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
import { dayName, idFromName, weekOrder } from './adminWords.ts';
import { useStaffWords, type StaffT } from '../i18n/staff/StaffLanguage.tsx';

type Field = 'displayName' | 'days' | 'push' | 'cueLight' | 'escalateAfterMinutes';

/** What the form holds: text as typed (the minutes too), turned into a clinician only on save. */
interface Draft extends Omit<AdminClinician, 'escalateAfterMinutes' | 'push'> {
  push: string;
  escalateAfterMinutes: string;
}

const fields: readonly Field[] = ['displayName', 'days', 'push', 'cueLight', 'escalateAfterMinutes'];

export function newClinician(office: AdminOffice): AdminClinician {
  const used = new Set(office.clinicians.map((clinician) => clinician.colour));
  return { id: '', displayName: '', colour: clinicianColours.find((colour) => !used.has(colour)) ?? 'sage', symbol: 'leaf', room: office.rooms[0]?.id ?? null, days: ['mon', 'tue', 'wed', 'thu', 'fri'], push: null, cueLight: null, escalateAfterMinutes: null };
}

function toClinician(t: StaffT, draft: Draft, isNew: boolean, office: AdminOffice): { ok: true; clinician: AdminClinician } | { ok: false; problems: Partial<Record<Field, string>> } {
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
    const path = issue.path[0] as Field;
    const field = fields.includes(path) ? path : 'displayName';
    problems[field] = t(`admin.clinician.problem.${field}`);
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
  const { t } = useStaffWords();
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
    const made = toClinician(t, draft, isNew, office);
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
      <h3 id={`${id}-title`}>{isNew ? t('admin.clinician.new') : t('admin.clinician.changing', { name: initial.displayName })}</h3>
      <div className="admin-form-grid">
        <div className="admin-form-fields">
          <label htmlFor={`${id}-displayName`}>{t('admin.clinician.name')}</label>
          <input id={`${id}-displayName`} value={draft.displayName} maxLength={60} autoComplete="off" onChange={(event) => set('displayName', event.target.value)} {...described('displayName')} autoFocus />
          {problem('displayName')}

          <fieldset className="admin-choices">
            <legend>{t('admin.clinician.colour')}</legend>
            {clinicianColours.map((colour) => (
              <label key={colour} className={`admin-swatch tile-${colour}`}>
                <input type="radio" name={`${id}-colour`} value={colour} checked={draft.colour === colour} onChange={() => set('colour', colour)} />
                <span>{colour}</span>
              </label>
            ))}
          </fieldset>

          <fieldset className="admin-choices">
            <legend>{t('admin.clinician.symbol')}</legend>
            {clinicianSymbols.map((symbol) => (
              <label key={symbol} className="admin-symbol">
                <input type="radio" name={`${id}-symbol`} value={symbol} checked={draft.symbol === symbol} onChange={() => set('symbol', symbol)} />
                <ClinicianSymbol symbol={symbol} size={24} />
                <span>{symbol}</span>
              </label>
            ))}
          </fieldset>

          <label htmlFor={`${id}-room`}>{t('admin.clinician.room')}</label>
          <select id={`${id}-room`} value={draft.room ?? ''} onChange={(event) => setDraft((current) => ({ ...current, room: event.target.value || null, cueLight: null }))}>
            <option value="">{t('admin.clinicians.noRoom')}</option>
            {office.rooms.map((room) => (
              <option key={room.id} value={room.id}>{room.name}</option>
            ))}
          </select>

          <fieldset className="admin-choices" {...(problems.days ? { 'aria-describedby': `${id}-days-problem` } : {})}>
            <legend>{t('admin.clinician.days')}</legend>
            {weekOrder.map((day, index) => (
              <label key={day} className="admin-day">
                <input id={index === 0 ? `${id}-days` : undefined} type="checkbox" checked={draft.days.includes(day)} onChange={(event) => set('days', event.target.checked ? [...draft.days, day] : draft.days.filter((each) => each !== day))} />
                {dayName(t, day)}
              </label>
            ))}
            {problem('days')}
          </fieldset>

          <h4>{t('admin.clinician.hear')}</h4>
          <label htmlFor={`${id}-push`}>{t('admin.clinician.push')}</label>
          <input id={`${id}-push`} list={`${id}-services`} value={draft.push} autoComplete="off" placeholder={t('admin.clinician.pushNone')} onChange={(event) => set('push', event.target.value)} {...described('push')} />
          <datalist id={`${id}-services`}>
            {office.notifyServices.map((service) => (
              <option key={service} value={service} />
            ))}
          </datalist>
          {office.notifyServices.length === 0 && <p className="muted">{t('admin.clinician.noPhones')}</p>}
          {problem('push')}

          <label htmlFor={`${id}-cueLight`}>{t('admin.clinician.cueLight')}</label>
          <select id={`${id}-cueLight`} value={draft.cueLight ?? ''} disabled={lights.length === 0} onChange={(event) => set('cueLight', event.target.value || null)} {...described('cueLight')}>
            <option value="">{lights.length === 0 ? t('admin.clinician.noLights') : t('admin.clinician.noCue')}</option>
            {lights.map((light) => (
              <option key={light} value={light}>{light}</option>
            ))}
          </select>
          {problem('cueLight')}

          <label htmlFor={`${id}-escalateAfterMinutes`}>{t('admin.clinician.escalate')}</label>
          <input id={`${id}-escalateAfterMinutes`} inputMode="numeric" value={draft.escalateAfterMinutes} placeholder={t('admin.clinician.never')} onChange={(event) => set('escalateAfterMinutes', event.target.value)} {...described('escalateAfterMinutes')} />
          {problem('escalateAfterMinutes')}
        </div>
        <div className="admin-preview">
          <p className="muted" id={`${id}-preview`}>{t('admin.clinician.onKiosk')}</p>
          <div role="img" aria-labelledby={`${id}-preview`} aria-describedby={`${id}-preview-words`}>
            <ClinicianTilePreview clinician={draft} />
          </div>
          <p id={`${id}-preview-words`} className="visually-hidden">{`${draft.displayName.trim() || t('admin.clinician.theirName')}, ${draft.colour}, ${draft.symbol}`}</p>
        </div>
      </div>
      {refusal && <p className="admin-refusal" role="alert">{refusal}</p>}
      <div className="admin-form-actions">
        <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>{isNew ? t('admin.clinician.addToKiosk') : t('admin.clinician.save')}</button>
        <button type="button" className="button-quiet" onClick={onCancel}>{t('admin.cancel')}</button>
      </div>
    </form>
  );
}
