/**
 * `/admin`: the practice sets itself up here, behind the admin PIN (also reached from the desk's
 * "More"). A new office (opened with its one-time setup code, no PIN yet) opens on the guided
 * setup (SetupGuide.tsx), one step at a time; afterwards /admin opens on its sections, and the
 * guide stays reachable as the "Setup checklist". Every change goes into the office file (kept as
 * written, comments and all) and every open kiosk and desk follows at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminOffice } from '../../../main/contract/contract.ts';
import { PinGate, type PinGateWords } from '../desk/PinGate.tsx';
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

const adminPinWords: PinGateWords = { title: 'Office setup', lead: 'Please enter the admin PIN to change the practice’s setup. A new office: type the setup code shown where Stillroom was started.', action: 'Open the setup' };
const guidePinWords: PinGateWords = { title: 'Office setup', lead: 'Please sign in with the admin PIN (or the front desk PIN, if you set no admin PIN) to go on with the setup.', action: 'Open the setup' };

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
  return (
    <div className="admin-banner" role="note">
      <p>This is the demo office: you can look around, but changes are not saved.</p>
      <details className="admin-demo-own">
        <summary>Set up my own practice</summary>
        <ol>
          <li>Stop the demo: press Ctrl+C where Stillroom is running.</li>
          <li>
            Start Stillroom with an office file of your own that does not exist yet, and a data folder for it:
            <pre>stillroom serve --config ~/stillroom/office.yaml --data ~/stillroom/data</pre>
            It writes a starter office there. (From a checkout, type <code>node bin/stillroom.js</code> for <code>stillroom</code>.)
          </li>
          <li>It prints a one-time setup code. Open this page again and type the code: a guided setup takes you through your practice’s name, Home Assistant, the rooms, the clinicians and the PINs.</li>
        </ol>
        <p>The demo office stays as it is; start it again any time without <code>--config</code>.</p>
      </details>
    </div>
  );
}

export function Admin({ bridge }: { bridge: Bridge }) {
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
    document.title = 'Office setup · Stillroom';
  }, []);
  // A hand edit of the office file (or another admin's change) shows here as well.
  const ready = load.state === 'ready';
  useEffect(() => (ready ? bridge.subscribe('office', () => void reload()) : undefined), [bridge, ready, reload]);

  if (load.state === 'loading') return <main className="admin"><p role="status">Opening the office setup…</p></main>;
  if (load.state === 'needs-pin') {
    const words = hashStep !== null ? guidePinWords : adminPinWords;
    return <PinGate bridge={bridge} practiceName="" words={load.message ? { ...words, lead: `${load.message} Please enter the admin PIN.` } : words} onSignedIn={() => void reload()} />;
  }
  if (load.state === 'trouble') return <main className="admin"><h1>Office setup</h1><p role="alert">{load.message}</p></main>;
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
        <h1 ref={heading} tabIndex={-1}>{office.practiceName}: office setup</h1>
        <nav className="admin-header-links" aria-label="Office setup">
          <a className="button-quiet" href="#setup-1">Setup checklist</a>
          <a className="button-quiet" href="/desk">Back to the desk</a>
        </nav>
      </header>
      {!office.writable && <DemoBanner />}
      {office.fileProblem && (
        <div className="admin-banner admin-problem" role="alert">
          <p>The office file was edited by hand and has a mistake, so the hub keeps running the version before it. Fix this in the file:</p>
          <pre>{office.fileProblem}</pre>
        </div>
      )}
      <RestartBanner bridge={bridge} office={office} onRestarted={saved} onNotice={setNotice} />
      {notice && <p className="admin-notice" role="status">{notice}</p>}

      <section aria-labelledby="clinicians-title" className="admin-section">
        <ClinicianList bridge={bridge} office={office} onSaved={saved} onNotice={setNotice} onClosed={() => heading.current?.focus()} />
      </section>

      <section aria-labelledby="rooms-title" className="admin-section">
        <h2 id="rooms-title">Rooms</h2>
        <AreaRooms bridge={bridge} office={office} onAdded={saved} onNotice={setNotice} />
      </section>

      <section aria-labelledby="presets-title" className="admin-section">
        <PresetList bridge={bridge} />
      </section>

      <section aria-labelledby="settings-title" className="admin-section">
        <h2 id="settings-title">Settings and PINs</h2>
        <SettingsForm bridge={bridge} office={office} onSaved={saved} />
        <PinsForm bridge={bridge} office={office} onSaved={saved} />
      </section>

      <section aria-labelledby="connections-title" className="admin-section">
        <h2 id="connections-title">Connections</h2>
        <HomeAssistantForm bridge={bridge} office={office} onSaved={saved} onChecked={() => void reload()} />
        <MqttForm bridge={bridge} office={office} onSaved={saved} />
      </section>
    </main>
  );
}
