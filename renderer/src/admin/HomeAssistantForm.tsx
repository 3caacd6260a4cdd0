/**
 * Connecting Home Assistant: its address and a long-lived access token, tested live before
 * anything is saved. A saved token is never shown again (the hub never sends it back): the form
 * says "saved" and offers to replace it.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { AdminOffice } from '../../../main/contract/contract.ts';
import type { Bridge } from '../transport/bridge.ts';
import { TestAndSave, useTestThenSave } from './testThenSave.tsx';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

/**
 * `onChecked` runs after a saved connection answered when the page opened: the hub then knows
 * Home Assistant's phones (notify services) for the clinician form.
 */
export function HomeAssistantForm({ bridge, office, onSaved, onChecked }: { bridge: Bridge; office: AdminOffice; onSaved: (office: AdminOffice, words: string) => void; onChecked: () => void }) {
  const { t } = useStaffWords();
  const saved = office.homeAssistant;
  const [url, setUrl] = useState(saved.url ?? '');
  const [token, setToken] = useState('');
  const [replacing, setReplacing] = useState(!saved.tokenSaved);
  const id = useId();
  // `missing` is read when a button is pressed, after it is defined below.
  const { outcome, setOutcome, busy, run } = useTestThenSave(() => missing());

  // A saved connection is tried once when the page opens, so the admin sees at once whether it works.
  useEffect(() => {
    if (!saved.url || !saved.tokenSaved) return;
    let current = true;
    void bridge.call('testHomeAssistant', { url: saved.url, token: null }).then((result) => {
      if (!current) return;
      setOutcome(result.ok ? { ok: true, words: result.value.message } : { ok: false, words: result.error.message });
      if (result.ok) onChecked();
    });
    return () => {
      current = false;
    };
    // Once per page (no dependencies on purpose): a later test or save reports for itself.
  }, []);

  const request = () => ({ url: url.trim(), token: replacing ? token.trim() : null });
  const missing = () => {
    if (url.trim() === '') return t('admin.ha.missingUrl');
    if (replacing && token.trim() === '') return t('admin.ha.missingToken');
    return null;
  };

  const test = () => run('test', () => bridge.call('testHomeAssistant', request()), (found) => setOutcome({ ok: true, words: found.message }));
  const save = (event: FormEvent) => {
    event.preventDefault();
    return run('save', () => bridge.call('saveHomeAssistant', request()), (next) => {
      setToken('');
      setReplacing(false);
      setOutcome(null);
      onSaved(next, t('admin.ha.saved'));
    });
  };

  return (
    <form className="admin-form" onSubmit={(event) => void save(event)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Home Assistant</h3>
      {saved.simulated && <p className="muted">{t('admin.ha.simulated')}</p>}
      <div className="admin-form-fields">
        <label htmlFor={`${id}-url`}>{t('admin.ha.address')}</label>
        <input id={`${id}-url`} value={url} placeholder="http://homeassistant.local:8123" autoComplete="off" inputMode="url" onChange={(event) => setUrl(event.target.value)} />
        <label htmlFor={`${id}-token`}>{t('admin.ha.token')}</label>
        {replacing ? (
          <input id={`${id}-token`} type="password" value={token} autoComplete="off" onChange={(event) => setToken(event.target.value)} />
        ) : (
          <p id={`${id}-token`} className="admin-saved">
            {t('admin.savedShort')}{' '}
            <button type="button" className="button-quiet" onClick={() => setReplacing(true)}>
              {t('admin.ha.replaceToken')}
            </button>
          </p>
        )}
      </div>
      <TestAndSave outcome={outcome} busy={busy} canSave={office.writable} onTest={() => void test()} testLabel={t('admin.ha.test')} saveLabel={t('admin.clinician.save')} />
    </form>
  );
}
