/**
 * The presets as admin lists them: the practice's own (files in its preset folder, made with a
 * room's "Save as a preset") to change or delete, with a question first; Stillroom's own to hide
 * from the room screens or show again. Every change is in force on open room screens at once, and
 * the list follows a preset saved from a room or a file changed by hand.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminPreset, AdminPresets } from '../../../main/contract/contract.ts';
import type { Bridge } from '../transport/bridge.ts';
import { PresetForm } from './PresetForm.tsx';

const fade = (seconds: number) => `lights change over ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
const sessionWords = ({ doorSign, masking }: AdminPreset['session']) =>
  doorSign && masking ? 'a session lights the door sign and masks outside' : doorSign ? 'a session lights the door sign' : masking ? 'a session masks outside the door' : 'a session adds nothing';

export function PresetList({ bridge }: { bridge: Bridge }) {
  const [list, setList] = useState<AdminPresets | null>(null);
  const [trouble, setTrouble] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const keep = useRef<HTMLButtonElement>(null);

  const reload = useCallback(async () => {
    const result = await bridge.call('adminPresets', {});
    if (result.ok) setList(result.value);
    else setTrouble(result.error.message);
  }, [bridge]);
  useEffect(() => {
    void reload();
    return bridge.subscribe('office', () => void reload());
  }, [bridge, reload]);
  useEffect(() => keep.current?.focus(), [deleting]);

  const done = (next: AdminPresets, words: string) => {
    setList(next);
    setEditing(null);
    setDeleting(null);
    setTrouble(null);
    setNotice(words);
    heading.current?.focus();
  };
  const refused = (words: string) => {
    setDeleting(null);
    setNotice(null);
    setTrouble(words);
  };

  const remove = async (preset: AdminPreset) => {
    const result = await bridge.call('deletePreset', { presetId: preset.id });
    if (result.ok) done(result.value, `“${preset.name}” is deleted: the room screens no longer offer it.`);
    else refused(result.error.message);
  };
  const hide = async (preset: AdminPreset, hidden: boolean) => {
    const result = await bridge.call('hidePreset', { presetId: preset.id, hidden });
    if (result.ok) done(result.value, hidden ? `“${preset.name}” is hidden: the room screens no longer offer it.` : `“${preset.name}” is offered on the room screens again.`);
    else refused(result.error.message);
  };

  const own = list?.presets.filter((preset) => preset.own) ?? [];
  const builtIn = list?.presets.filter((preset) => !preset.own) ?? [];
  const beingEdited = list?.presets.find((preset) => preset.id === editing);

  return (
    <>
      <h2 id="presets-title" ref={heading} tabIndex={-1}>Presets</h2>
      <p className="muted">A room’s “Save as a preset” makes the practice’s own. Their light and sound are set from the room; here they are named, described and deleted. Stillroom’s own presets can be hidden from the room screens.</p>
      {notice && <p className="admin-notice" role="status">{notice}</p>}
      {trouble && <p className="admin-refusal" role="alert">{trouble}</p>}
      {list && list.problems.length > 0 && (
        <div className="admin-banner" role="note">
          <p>These preset files were skipped; fix them in the preset folder:</p>
          <ul>{list.problems.map((problem) => <li key={problem}>{problem}</li>)}</ul>
        </div>
      )}
      {!list && !trouble && <p className="muted">Reading the presets…</p>}
      {list && beingEdited ? (
        <PresetForm bridge={bridge} preset={beingEdited} onSaved={(next, name) => done(next, `“${name}” is saved: the room screens show it now.`)} onCancel={() => { setEditing(null); heading.current?.focus(); }} />
      ) : (
        list && (
          <>
            <h3>The practice’s own</h3>
            {own.length === 0 ? (
              <p className="muted">None yet. On a room screen, set the room as you like it and choose “Save as a preset…”.</p>
            ) : (
              <ul className="admin-list" aria-label="The practice’s own presets">
                {own.map((preset) => (
                  <li key={preset.id} className="admin-item">
                    <span className="preset-swatch" style={{ background: preset.swatch }} aria-hidden="true" />
                    <div className="admin-item-words">
                      <p className="admin-item-name">{preset.name}</p>
                      <p className="muted">{preset.description}</p>
                      <p className="muted">{fade(preset.transitionSeconds)} · {sessionWords(preset.session)}</p>
                    </div>
                    <div className="admin-item-actions">
                      {deleting === preset.id ? (
                        <div role="group" aria-label={`Delete ${preset.name}?`} className="admin-confirm">
                          <span>Delete “{preset.name}”? Rooms set to it now stay as they are.</span>
                          <button type="button" className="button-secondary" onClick={() => void remove(preset)}>Yes, delete</button>
                          <button type="button" className="button-quiet" ref={keep} onClick={() => setDeleting(null)}>Keep it</button>
                        </div>
                      ) : (
                        <>
                          <button type="button" className="button-secondary" disabled={!list.writable} aria-label={`Change ${preset.name}`} onClick={() => { setNotice(null); setTrouble(null); setEditing(preset.id); }}>Change</button>
                          <button type="button" className="button-quiet" disabled={!list.writable} aria-label={`Delete ${preset.name}`} onClick={() => { setNotice(null); setTrouble(null); setDeleting(preset.id); }}>Delete…</button>
                        </>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            )}
            <h3>Stillroom’s own</h3>
            <ul className="admin-list" aria-label="Stillroom’s own presets">
              {builtIn.map((preset) => (
                <li key={preset.id} className="admin-item">
                  <span className="preset-swatch" style={{ background: preset.swatch }} aria-hidden="true" />
                  <div className="admin-item-words">
                    <p className="admin-item-name">{preset.name}</p>
                    <p className="muted">{preset.hidden ? 'Hidden from the room screens' : preset.description}</p>
                  </div>
                  <div className="admin-item-actions">
                    <button type="button" className={preset.hidden ? 'button-secondary' : 'button-quiet'} disabled={!list.writable} aria-label={`${preset.hidden ? 'Show' : 'Hide'} ${preset.name} ${preset.hidden ? 'on' : 'from'} the room screens`} onClick={() => void hide(preset, !preset.hidden)}>
                      {preset.hidden ? 'Show' : 'Hide'}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          </>
        )
      )}
    </>
  );
}
