/**
 * "Save as a preset": the room's light and sound as they are now (the preset and its fine-tuning)
 * kept as a new preset of the practice's own, which then sits with the others on every room screen.
 * The name is kept when the hub refuses it, with the reason beside the field.
 */
import { useId, useState, type FormEvent } from 'react';
import type { CallResult, RoomView } from '../../../main/contract/contract.ts';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

export function SaveAsPreset({ room, onSave }: { room: RoomView; onSave: (name: string) => Promise<CallResult<RoomView>> }) {
  const { t } = useStaffWords();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const field = useId();
  if (!room.preset) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (name.trim() === '') return setProblem(t('room.save.noName'));
    setSaving(true);
    const result = await onSave(name);
    setSaving(false);
    if (result.ok) {
      setOpen(false);
      setName('');
      setProblem(null);
    } else setProblem(result.error.message);
  };

  return (
    <section className="room-save" aria-labelledby="room-save-title">
      <h2 id="room-save-title">{t('room.save.title')}</h2>
      {!open ? (
        <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
          {t('room.save.open')}
        </button>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <label htmlFor={field}>{t('room.save.label')}</label>
          <p className="muted" id={`${field}-hint`}>
            {t('room.save.hint')}
          </p>
          <input
            id={field}
            type="text"
            value={name}
            maxLength={40}
            autoComplete="off"
            aria-describedby={`${field}-hint${problem ? ` ${field}-problem` : ''}`}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => setName(event.target.value)}
          />
          {problem && (
            <p className="form-problem" id={`${field}-problem`} role="alert">
              {problem}
            </p>
          )}
          <div className="choice-row">
            <button type="submit" className="button-primary" aria-busy={saving}>
              {t('room.save.save')}
            </button>
            <button type="button" className="button-quiet" onClick={() => { setOpen(false); setProblem(null); }}>
              {t('room.save.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
