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

type Field = 'name' | 'description' | 'swatch' | 'transitionSeconds';

const fieldWords: Record<Field, string> = {
  name: 'Please give a name of up to 40 letters on one line, such as “Soft evening”.',
  description: 'Please describe the preset in one line of up to 140 letters.',
  swatch: 'Please give a colour as # and six digits or letters a to f, such as #d9a46c, or pick one.',
  transitionSeconds: 'Please give a number of seconds from 0 to 600.',
};

interface Draft {
  name: string;
  description: string;
  swatch: string;
  transitionSeconds: string;
  doorSign: boolean;
  masking: boolean;
}

function check(draft: Draft): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  const name = draft.name.trim();
  if (name.length === 0 || name.length > 40 || /[\n\r<>]/.test(name)) problems.name = fieldWords.name;
  const description = draft.description.trim();
  if (description.length === 0 || description.length > 140) problems.description = fieldWords.description;
  if (!/^#[0-9a-fA-F]{6}$/.test(draft.swatch.trim())) problems.swatch = fieldWords.swatch;
  const seconds = draft.transitionSeconds.trim();
  if (!/^\d+(\.\d+)?$/.test(seconds) || Number(seconds) > 600) problems.transitionSeconds = fieldWords.transitionSeconds;
  return problems;
}

export function PresetForm({ bridge, preset, onSaved, onCancel }: {
  bridge: Bridge;
  preset: AdminPreset;
  onSaved: (presets: AdminPresets, name: string) => void;
  onCancel: () => void;
}) {
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
    const found = check(draft);
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
      <h3 id={`${id}-title`} ref={title} tabIndex={-1}>Change “{preset.name}”</h3>
      <div className="admin-form-fields">
        {text('name', 'Name on the room screens', 'Name it by what it does. It shows on every room screen, so never use a client’s name.')}
        {text('description', 'One line about it')}
        <label htmlFor={`${id}-swatch`}>Swatch colour</label>
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
          <input type="color" aria-label="Pick the swatch colour" value={/^#[0-9a-fA-F]{6}$/.test(draft.swatch.trim()) ? draft.swatch.trim().toLowerCase() : '#000000'} onChange={(event) => setDraft({ ...draft, swatch: event.target.value })} />
        </div>
        {problems.swatch && <p id={`${id}-swatch-problem`} className="admin-field-problem">{problems.swatch}</p>}
        {text('transitionSeconds', 'Fade, in seconds', 'How long the lights take to change to this preset.')}
        <fieldset className="admin-choices admin-preset-session">
          <legend>Starting a session with it</legend>
          <label className="admin-check">
            <input type="checkbox" checked={draft.doorSign} onChange={(event) => setDraft({ ...draft, doorSign: event.target.checked })} />
            lights the door sign
          </label>
          <label className="admin-check">
            <input type="checkbox" checked={draft.masking} onChange={(event) => setDraft({ ...draft, masking: event.target.checked })} />
            plays the masking sound outside the door
          </label>
        </fieldset>
      </div>
      {refusal && <p className="admin-refusal" role="alert">{refusal}</p>}
      <div className="admin-form-actions">
        <button type="submit" className="button-primary" aria-busy={busy}>Save the preset</button>
        <button type="button" className="button-quiet" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
