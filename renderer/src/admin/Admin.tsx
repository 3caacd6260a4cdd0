/**
 * `/admin`: the practice sets itself up here, behind the admin PIN (also reached from the desk's
 * "More"). A new office (opened with its one-time setup code, no PIN yet) opens on the guided
 * setup (SetupGuide.tsx), one step at a time; afterwards /admin opens on its sections, and the
 * guide stays reachable as the "Setup checklist". Every change goes into the office file (kept as
 * written, comments and all) and every open kiosk and desk follows at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminOffice } from '../../../main/contract/contract.ts';
import { PinGate } from '../desk/PinGate.tsx';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';
import type { Bridge } from '../transport/bridge.ts';
import { AreaRooms } from './AreaRooms.tsx';
import { ClinicianList } from './ClinicianList.tsx';
import { HomeAssistantForm } from './HomeAssistantForm.tsx';
import { MqttForm } from './MqttForm.tsx';
import { PresetList } from './PresetList.tsx';
import { RestartBanner } from './RestartBanner.tsx';
import { PinsForm, SettingsForm } from './SettingsForm.tsx';
import { guideStepFromHash, SetupGuide } from './SetupGuide.tsx';
import './admin.css';

type Load = { state: 'loading' } | { state: 'needs-pin'; message: string | null } | { state: 'trouble'; message: string } | { state: 'ready'; office: AdminOffice };


/** The guide's step in the address (`#setup-3`), so a sign-in in between (after the PINs) comes back to it. */
function useHashStep(): [number | null, (step: number | null) => void] {
  const [step, setStep] = useState(() => guideStepFromHash(window.location.hash));
  useEffect(() => {
    const follow = () => setStep(guideStepFromHash(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const go = useCallback((next: number | null) => {
    window.history.replaceState(null, '', next === null ? window.location.pathname : `#setup-${next}`);
    setStep(next);
  }, []);
  return [step, go];
}

/**
 * The demo office is never written, so "Set up my own practice" says how: a new office file starts
 * the guided setup (setup/firstRun.ts). Starting a second office beside the demo from this page would
 * need a second data folder and port behind the admin's back; the command keeps it in their hands.
 */
function DemoBanner() {
  const { t, rich } = useStaffWords();
  return (
    <div className="admin-banner" role="note">
      <p>{t('admin.demo.note')}</p>
      <details className="admin-demo-own">
        <summary>{t('admin.demo.own')}</summary>
        <ol>
          <li>{t('admin.demo.stop')}</li>
          <li>
            {t('admin.demo.start')}
            <pre>stillroom serve --config ~/stillroom/office.yaml --data ~/stillroom/data</pre>
            {rich('admin.demo.starter', { command: <code>node bin/stillroom.js</code>, stillroom: <code>stillroom</code> })}
          </li>
          <li>{t('admin.demo.code')}</li>
        </ol>
        <p>{rich('admin.demo.stays', { flag: <code>--config</code> })}</p>
      </details>
    </div>
  );
}

export function Admin({ bridge }: { bridge: Bridge }) {
  const { t } = useStaffWords();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);
  const [hashStep, goToStep] = useHashStep();
  const heading = useRef<HTMLHeadingElement>(null);

  const reload = useCallback(async () => {
    const result = await bridge.call('adminOffice', {});
    if (result.ok) setLoad({ state: 'ready', office: result.value });
    else if (result.error.code === 'needs-pin') setLoad({ state: 'needs-pin', message: null });
    else if (result.error.code === 'not-allowed') setLoad({ state: 'needs-pin', message: result.error.message });
    else setLoad({ state: 'trouble', message: result.error.message });
  }, [bridge]);

  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    document.title = t('admin.docTitle');
    // Once, in the language the page opened in (the language does not change under an open page).
  }, []);
  // A hand edit of the office file (or another admin's change) shows here as well.
  const ready = load.state === 'ready';
  useEffect(() => (ready ? bridge.subscribe('office', () => void reload()) : undefined), [bridge, ready, reload]);

  if (load.state === 'loading') return <main className="admin"><p role="status">{t('admin.opening')}</p></main>;
  if (load.state === 'needs-pin') {
    const words = { title: t('admin.setup'), lead: hashStep !== null ? t('admin.pin.guideLead') : t('admin.pin.lead'), action: t('admin.pin.action') };
    return <PinGate bridge={bridge} practiceName="" words={load.message ? { ...words, lead: t('admin.pin.leadWithReason', { reason: load.message }) } : words} onSignedIn={() => void reload()} />;
  }
  if (load.state === 'trouble') return <main className="admin"><h1>{t('admin.setup')}</h1><p role="alert">{load.message}</p></main>;
  const { office } = load;

  // A new office opens on the guide; after the first PIN, only when asked for (the checklist).
  const step = hashStep ?? (office.firstRun ? 1 : null);
  if (step !== null) {
    return <SetupGuide bridge={bridge} office={office} step={step} goTo={goToStep} onOffice={(next) => setLoad({ state: 'ready', office: next })} reload={() => void reload()} />;
  }

  const saved = (next: AdminOffice, words: string) => {
    setLoad({ state: 'ready', office: next });
    setNotice(words);
    heading.current?.focus();
  };

  return (
    <main className="admin">
      <header className="admin-header">
        <h1 ref={heading} tabIndex={-1}>{t('admin.heading', { practice: office.practiceName })}</h1>
        <nav className="admin-header-links" aria-label={t('admin.setup')}>
          <a className="button-quiet" href="#setup-1">{t('admin.checklist')}</a>
          <a className="button-quiet" href="/desk">{t('admin.backToDesk')}</a>
        </nav>
      </header>
      {!office.writable && <DemoBanner />}
      {office.fileProblem && (
        <div className="admin-banner admin-problem" role="alert">
          <p>{t('admin.fileProblem')}</p>
          <pre>{office.fileProblem}</pre>
        </div>
      )}
      <RestartBanner bridge={bridge} office={office} onRestarted={saved} onNotice={setNotice} />
      {notice && <p className="admin-notice" role="status">{notice}</p>}

      <section aria-labelledby="clinicians-title" className="admin-section">
        <ClinicianList bridge={bridge} office={office} onSaved={saved} onNotice={setNotice} onClosed={() => heading.current?.focus()} />
      </section>

      <section aria-labelledby="rooms-title" className="admin-section">
        <h2 id="rooms-title">{t('admin.rooms')}</h2>
        <AreaRooms bridge={bridge} office={office} onAdded={saved} onNotice={setNotice} />
      </section>

      <section aria-labelledby="presets-title" className="admin-section">
        <PresetList bridge={bridge} />
      </section>

      <section aria-labelledby="settings-title" className="admin-section">
        <h2 id="settings-title">{t('admin.settingsAndPins')}</h2>
        <SettingsForm bridge={bridge} office={office} onSaved={saved} />
        <PinsForm bridge={bridge} office={office} onSaved={saved} />
      </section>

      <section aria-labelledby="connections-title" className="admin-section">
        <h2 id="connections-title">{t('admin.connections')}</h2>
        <HomeAssistantForm bridge={bridge} office={office} onSaved={saved} onChecked={() => void reload()} />
        <MqttForm bridge={bridge} office={office} onSaved={saved} />
      </section>
    </main>
  );
}
