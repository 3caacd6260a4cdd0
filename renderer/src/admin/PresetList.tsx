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
import { useStaffWords, type StaffT } from '../i18n/staff/StaffLanguage.tsx';

const sessionWords = (t: StaffT, { doorSign, masking }: AdminPreset['session']) =>
  t(doorSign && masking ? 'admin.presets.session.both' : doorSign ? 'admin.presets.session.doorSign' : masking ? 'admin.presets.session.masking' : 'admin.presets.session.nothing');

export function PresetList({ bridge }: { bridge: Bridge }) {
  const { t } = useStaffWords();
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
    if (result.ok) done(result.value, t('admin.presets.deleted', { name: preset.name }));
    else refused(result.error.message);
  };
  const hide = async (preset: AdminPreset, hidden: boolean) => {
    const result = await bridge.call('hidePreset', { presetId: preset.id, hidden });
    if (result.ok) done(result.value, t(hidden ? 'admin.presets.hidden' : 'admin.presets.shown', { name: preset.name }));
    else refused(result.error.message);
  };

  const own = list?.presets.filter((preset) => preset.own) ?? [];
  const builtIn = list?.presets.filter((preset) => !preset.own) ?? [];
  const beingEdited = list?.presets.find((preset) => preset.id === editing);

  return (
    <>
      <h2 id="presets-title" ref={heading} tabIndex={-1}>{t('admin.presets.title')}</h2>
      <p className="muted">{t('admin.presets.lead')}</p>
      {notice && <p className="admin-notice" role="status">{notice}</p>}
      {trouble && <p className="admin-refusal" role="alert">{trouble}</p>}
      {list && list.problems.length > 0 && (
        <div className="admin-banner" role="note">
          <p>{t('admin.presets.skipped')}</p>
          <ul>{list.problems.map((problem) => <li key={problem}>{problem}</li>)}</ul>
        </div>
      )}
      {!list && !trouble && <p className="muted">{t('admin.presets.reading')}</p>}
      {list && beingEdited ? (
        <PresetForm bridge={bridge} preset={beingEdited} onSaved={(next, name) => done(next, t('admin.presets.saved', { name }))} onCancel={() => { setEditing(null); heading.current?.focus(); }} />
      ) : (
        list && (
          <>
            <h3>{t('admin.presets.own')}</h3>
            {own.length === 0 ? (
              <p className="muted">{t('admin.presets.noneYet')}</p>
            ) : (
              <ul className="admin-list" aria-label={t('admin.presets.ownList')}>
                {own.map((preset) => (
                  <li key={preset.id} className="admin-item">
                    <span className="preset-swatch" style={{ background: preset.swatch }} aria-hidden="true" />
                    <div className="admin-item-words">
                      <p className="admin-item-name">{preset.name}</p>
                      <p className="muted">{preset.description}</p>
                      <p className="muted">{t('admin.presets.fade', { count: preset.transitionSeconds })} · {sessionWords(t, preset.session)}</p>
                    </div>
                    <div className="admin-item-actions">
                      {deleting === preset.id ? (
                        <div role="group" aria-label={t('admin.presets.deleteQuestionName', { name: preset.name })} className="admin-confirm">
                          <span>{t('admin.presets.deleteQuestion', { name: preset.name })}</span>
                          <button type="button" className="button-secondary" onClick={() => void remove(preset)}>{t('admin.presets.yesDelete')}</button>
                          <button type="button" className="button-quiet" ref={keep} onClick={() => setDeleting(null)}>{t('admin.presets.keep')}</button>
                        </div>
                      ) : (
                        <>
                          <button type="button" className="button-secondary" disabled={!list.writable} aria-label={t('admin.presets.changeName', { name: preset.name })} onClick={() => { setNotice(null); setTrouble(null); setEditing(preset.id); }}>{t('admin.presets.change')}</button>
                          <button type="button" className="button-quiet" disabled={!list.writable} aria-label={t('admin.presets.deleteName', { name: preset.name })} onClick={() => { setNotice(null); setTrouble(null); setDeleting(preset.id); }}>{t('admin.presets.delete')}</button>
                        </>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            )}
            <h3>{t('admin.presets.builtIn')}</h3>
            <ul className="admin-list" aria-label={t('admin.presets.builtInList')}>
              {builtIn.map((preset) => (
                <li key={preset.id} className="admin-item">
                  <span className="preset-swatch" style={{ background: preset.swatch }} aria-hidden="true" />
                  <div className="admin-item-words">
                    <p className="admin-item-name">{preset.name}</p>
                    <p className="muted">{preset.hidden ? t('admin.presets.hiddenLine') : preset.description}</p>
                  </div>
                  <div className="admin-item-actions">
                    <button type="button" className={preset.hidden ? 'button-secondary' : 'button-quiet'} disabled={!list.writable} aria-label={t(preset.hidden ? 'admin.presets.showName' : 'admin.presets.hideName', { name: preset.name })} onClick={() => void hide(preset, !preset.hidden)}>
                      {preset.hidden ? t('admin.presets.show') : t('admin.presets.hide')}
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
