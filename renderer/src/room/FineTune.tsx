/**
 * Fine-tuning the current preset: brightness and volume, within the room's limits. A slider sends
 * its value when the therapist lets go (pointer up, key up, or the input's `change`), not at every
 * pixel of the drag, so the lights fade once to where they were asked to be.
 */
import { useEffect, useRef, useState } from 'react';
import type { RoomView } from '../../../main/contract/contract.ts';
import { percent } from './roomWords.ts';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

export type Tune = { brightness?: number; volume?: number };

export function FineTune({ room, onTune }: { room: RoomView; onTune: (tune: Tune) => Promise<unknown> }) {
  const { t } = useStaffWords();
  const { limits } = room;
  const noPreset = !room.preset;
  return (
    <section className="room-tune" aria-labelledby="room-tune-title">
      <h2 id="room-tune-title">{t('room.tune.title')}</h2>
      {noPreset && <p className="muted">{t('room.tune.choosePreset')}</p>}
      <TuneSlider
        id="tune-brightness"
        label={t('room.tune.brightness')}
        value={room.brightness}
        min={limits.minBrightness}
        max={limits.maxBrightness}
        step={1}
        words={(value) => `${Math.round(value)} %`}
        unsetWords={noPreset ? null : t('room.tune.noLights')}
        onCommit={(brightness) => onTune({ brightness })}
      />
      <TuneSlider
        id="tune-volume"
        label={t('room.tune.volume')}
        value={room.volume}
        min={0}
        max={limits.maxVolume}
        step={0.01}
        words={percent}
        unsetWords={noPreset ? null : t('room.tune.noSound')}
        onCommit={(volume) => onTune({ volume })}
      />
      <p className="tune-limits muted">
        {t('room.tune.limits', { min: `${limits.minBrightness} %`, max: `${limits.maxBrightness} %`, volume: percent(limits.maxVolume) })}
      </p>
    </section>
  );
}

function TuneSlider(props: {
  id: string;
  label: string;
  value: number | null;
  min: number;
  max: number;
  step: number;
  words: (value: number) => string;
  /** Why the slider is off when there is no value, or null to say nothing. */
  unsetWords: string | null;
  onCommit: (value: number) => Promise<unknown>;
}) {
  const { id, label, value, min, max, step, words, unsetWords, onCommit } = props;
  const input = useRef<HTMLInputElement>(null);
  // While the therapist drags, their value wins over pushed updates, until the hub has answered.
  const [draft, setDraft] = useState<number | null>(null);
  const pending = useRef<number | null>(null);
  const keyHeld = useRef(false);
  const shown = draft ?? value ?? min;

  const move = (next: number) => {
    pending.current = next;
    setDraft(next);
  };
  const commit = () => {
    const next = pending.current;
    if (next === null) return;
    pending.current = null;
    void onCommit(next).finally(() => setDraft((current) => (current === next && pending.current === null ? null : current)));
  };

  // The native `change` fires on release for a drag, and on every step for keys: keys wait for key up.
  useEffect(() => {
    const element = input.current;
    if (!element) return;
    const onChange = () => {
      if (!keyHeld.current) commit();
    };
    element.addEventListener('change', onChange);
    return () => element.removeEventListener('change', onChange);
  });

  const disabled = value === null;
  return (
    <div className="tune-row">
      <div className="tune-label">
        <label htmlFor={id}>{label}</label>
        <output htmlFor={id}>{disabled ? '—' : words(shown)}</output>
      </div>
      <input
        ref={input}
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={clamp(shown, min, max)}
        disabled={disabled}
        aria-valuetext={disabled ? undefined : words(shown)}
        aria-describedby={disabled && unsetWords ? `${id}-note` : undefined}
        onChange={(event) => move(Number(event.target.value))}
        onKeyDown={() => (keyHeld.current = true)}
        onKeyUp={() => {
          keyHeld.current = false;
          commit();
        }}
        onPointerUp={commit}
      />
      {disabled && unsetWords && (
        <p className="tune-note muted" id={`${id}-note`}>
          {unsetWords}
        </p>
      )}
    </div>
  );
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
