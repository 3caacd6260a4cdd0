/**
 * The office bus: the MQTT broker's address, the site's id on it, and a user name and password,
 * tested live against the broker before anything is saved (setup/mqttCheck.ts on the hub). Saved
 * credentials are never shown again (the hub never sends them back): the form says "saved" and
 * offers to replace them.
 */
import { useId, useState, type FormEvent } from 'react';
import { TestAndSave, useTestThenSave } from './testThenSave.tsx';
import type { AdminOffice } from '../../../main/contract/contract.ts';
import type { Bridge } from '../transport/bridge.ts';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

const sitePattern = /^[a-z][a-z0-9-]{0,39}$/;

export function MqttForm({ bridge, office, onSaved }: { bridge: Bridge; office: AdminOffice; onSaved: (office: AdminOffice, words: string) => void }) {
  const { t } = useStaffWords();
  const saved = office.mqtt;
  const [url, setUrl] = useState(saved.url ?? '');
  const [site, setSite] = useState(saved.site ?? '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const credentialsSaved = saved.usernameSaved || saved.passwordSaved;
  const [replacing, setReplacing] = useState(!credentialsSaved);
  const id = useId();

  // Kept credentials are sent as null: the hub uses the saved ones and nothing secret comes back.
  const request = () => ({
    url: url.trim(),
    site: site.trim(),
    username: replacing ? (username === '' ? null : username) : null,
    password: replacing ? (password === '' ? null : password) : null,
  });
  const missing = () => {
    if (url.trim() === '') return t('admin.mqtt.missingUrl');
    if (!sitePattern.test(site.trim())) return t('admin.mqtt.missingSite');
    if (replacing && password !== '' && username === '') return t('admin.mqtt.missingUser');
    return null;
  };

  const { outcome, setOutcome, busy, run } = useTestThenSave(missing);
  const test = () => run('test', () => bridge.call('testMqtt', request()), (found) => setOutcome({ ok: true, words: found.message }));
  const save = (event: FormEvent) => {
    event.preventDefault();
    return run('save', () => bridge.call('saveMqtt', request()), (next) => {
      setUsername('');
      setPassword('');
      setReplacing(!(next.mqtt.usernameSaved || next.mqtt.passwordSaved));
      setOutcome(null);
      onSaved(next, t('admin.mqtt.saved'));
    });
  };

  return (
    <form className="admin-form" onSubmit={(event) => void save(event)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('admin.mqtt.title')}</h3>
      <div className="admin-form-fields">
        <label htmlFor={`${id}-url`}>{t('admin.mqtt.url')}</label>
        <input id={`${id}-url`} value={url} placeholder="mqtt://broker.local:1883" autoComplete="off" inputMode="url" onChange={(event) => setUrl(event.target.value)} />
        <label htmlFor={`${id}-site`}>{t('admin.mqtt.site')}</label>
        <input id={`${id}-site`} value={site} placeholder="willow-street" autoComplete="off" onChange={(event) => setSite(event.target.value)} />
        {replacing ? (
          <>
            <label htmlFor={`${id}-user`}>{t('admin.mqtt.user')}</label>
            <input id={`${id}-user`} value={username} autoComplete="off" onChange={(event) => setUsername(event.target.value)} />
            <label htmlFor={`${id}-password`}>{t('admin.mqtt.password')}</label>
            <input id={`${id}-password`} type="password" value={password} autoComplete="new-password" onChange={(event) => setPassword(event.target.value)} />
          </>
        ) : (
          <>
            <span>{t('admin.mqtt.credentials')}</span>
            <p className="admin-saved">
              {t('admin.savedShort')}{' '}
              <button type="button" className="button-quiet" onClick={() => setReplacing(true)}>
                {t('admin.mqtt.replace')}
              </button>
            </p>
          </>
        )}
      </div>
      <TestAndSave outcome={outcome} busy={busy} canSave={office.writable} onTest={() => void test()} testLabel={t('admin.mqtt.test')} saveLabel={t('admin.mqtt.save')} />
    </form>
  );
}
