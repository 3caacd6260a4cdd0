/**
 * Changing one of the practice's own presets: its name and line of description (as the room
 * screens show them), its swatch, how many seconds its lights fade, and what starting a session
 * with it adds. Its lights and sound are the room's to set ("Save as a preset"). Each field says
 * kindly what is wrong with it; the hub reads the file back with the preset schema and its refusal
 * is shown as it is; what was typed is never lost.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AdminPreset, AdminPresets, CallResult } from '../../../main/contract/contract.ts';
import type { Bridge } from '../transport/bridge.ts';
import { useStaffWords, type StaffT } from '../i18n/staff/StaffLanguage.tsx';

type Field = 'name' | 'description' | 'swatch' | 'transitionSeconds';

const fieldWords = (t: StaffT, field: Field) => t(`admin.preset.problem.${field}`);

interface Draft {
  name: string;
  description: string;
  swatch: string;
  transitionSeconds: string;
  doorSign: boolean;
  masking: boolean;
}

function check(t: StaffT, draft: Draft): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  const name = draft.name.trim();
  if (name.length === 0 || name.length > 40 || /[\n\r<>]/.test(name)) problems.name = fieldWords(t, 'name');
  const description = draft.description.trim();
  if (description.length === 0 || description.length > 140) problems.description = fieldWords(t, 'description');
  if (!/^#[0-9a-fA-F]{6}$/.test(draft.swatch.trim())) problems.swatch = fieldWords(t, 'swatch');
  const seconds = draft.transitionSeconds.trim();
  if (!/^\d+(\.\d+)?$/.test(seconds) || Number(seconds) > 600) problems.transitionSeconds = fieldWords(t, 'transitionSeconds');
  return problems;
}

export function PresetForm({ bridge, preset, onSaved, onCancel }: {
  bridge: Bridge;
  preset: AdminPreset;
  onSaved: (presets: AdminPresets, name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useStaffWords();
  const id = useId();
  const [draft, setDraft] = useState<Draft>({ name: preset.name, description: preset.description, swatch: preset.swatch, transitionSeconds: String(preset.transitionSeconds), ...preset.session });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setRefusal(null);
    const found = check(t, draft);
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) return document.getElementById(`${id}-${first}`)?.focus();
    setBusy(true);
    const result: CallResult<AdminPresets> = await bridge.call('savePreset', {
      presetId: preset.id,
      name: draft.name.trim(),
      description: draft.description.trim(),
      swatch: draft.swatch.trim(),
      transitionSeconds: Number(draft.transitionSeconds.trim()),
      session: { doorSign: draft.doorSign, masking: draft.masking },
    });
    setBusy(false);
    if (result.ok) onSaved(result.value, draft.name.trim());
    else setRefusal(result.error.message);
  };

  const text = (field: Field, label: string, hint?: string) => (
    <>
      <label htmlFor={`${id}-${field}`}>{label}</label>
      {hint && <p className="muted" id={`${id}-${field}-hint`}>{hint}</p>}
      <input
        id={`${id}-${field}`}
        {...(field === 'transitionSeconds' ? { inputMode: 'decimal' as const } : {})}
        autoComplete="off"
        value={draft[field]}
        onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
        aria-describedby={[hint ? `${id}-${field}-hint` : '', problems[field] ? `${id}-${field}-problem` : ''].filter(Boolean).join(' ') || undefined}
        aria-invalid={problems[field] ? true : undefined}
      />
      {problems[field] && <p id={`${id}-${field}-problem`} className="admin-field-problem">{problems[field]}</p>}
    </>
  );

  return (
    <form className="admin-form" onSubmit={(event) => void save(event)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={title} tabIndex={-1}>{t('admin.preset.title', { name: preset.name })}</h3>
      <div className="admin-form-fields">
        {text('name', t('admin.preset.name'), t('admin.preset.nameHint'))}
        {text('description', t('admin.preset.description'))}
        <label htmlFor={`${id}-swatch`}>{t('admin.preset.swatch')}</label>
        <div className="admin-preset-swatch">
          <span className="preset-swatch" style={{ background: /^#[0-9a-fA-F]{6}$/.test(draft.swatch.trim()) ? draft.swatch.trim() : 'transparent' }} aria-hidden="true" />
          <input
            id={`${id}-swatch`}
            autoComplete="off"
            value={draft.swatch}
            onChange={(event) => setDraft({ ...draft, swatch: event.target.value })}
            aria-describedby={problems.swatch ? `${id}-swatch-problem` : undefined}
            aria-invalid={problems.swatch ? true : undefined}
          />
          <input type="color" aria-label={t('admin.preset.pickSwatch')} value={/^#[0-9a-fA-F]{6}$/.test(draft.swatch.trim()) ? draft.swatch.trim().toLowerCase() : '#000000'} onChange={(event) => setDraft({ ...draft, swatch: event.target.value })} />
        </div>
        {problems.swatch && <p id={`${id}-swatch-problem`} className="admin-field-problem">{problems.swatch}</p>}
        {text('transitionSeconds', t('admin.preset.fade'), t('admin.preset.fadeHint'))}
        <fieldset className="admin-choices admin-preset-session">
          <legend>{t('admin.preset.session')}</legend>
          <label className="admin-check">
            <input type="checkbox" checked={draft.doorSign} onChange={(event) => setDraft({ ...draft, doorSign: event.target.checked })} />
            {t('admin.preset.doorSign')}
          </label>
          <label className="admin-check">
            <input type="checkbox" checked={draft.masking} onChange={(event) => setDraft({ ...draft, masking: event.target.checked })} />
            {t('admin.preset.masking')}
          </label>
        </fieldset>
      </div>
      {refusal && <p className="admin-refusal" role="alert">{refusal}</p>}
      <div className="admin-form-actions">
        <button type="submit" className="button-primary" aria-busy={busy}>{t('admin.preset.save')}</button>
        <button type="button" className="button-quiet" onClick={onCancel}>{t('admin.cancel')}</button>
      </div>
    </form>
  );
}
