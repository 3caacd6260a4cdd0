/**
 * The guided first run: a new office is set up one calm step at a time, with the same parts as
 * /admin's sections (nothing here is a second admin): the practice's name, Home Assistant (tested
 * live), rooms from its areas (and the hub restarted to take them up), the clinicians, the PINs,
 * the kiosk's options with a preview of its tiles, and a last page that says what is set.
 *
 * Each step's heading takes the focus, "Step 2 of 6" says where one is, Back goes back, and every
 * step but the PINs may be skipped (the setup code opens admin until a PIN is set; nothing else
 * is needed to start). Setting the first PIN ends the setup code and its session, so the PINs are
 * set together and the guide asks for the new PIN before going on (the step is in the address).
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AdminOffice } from '../../../main/contract/contract.ts';
import type { Bridge } from '../transport/bridge.ts';
import { AreaRooms } from './AreaRooms.tsx';
import { ClinicianList } from './ClinicianList.tsx';
import { ClinicianTilePreview } from './ClinicianTilePreview.tsx';
import { HomeAssistantForm } from './HomeAssistantForm.tsx';
import { RestartBanner } from './RestartBanner.tsx';
import { PinsForm, SettingsForm } from './SettingsForm.tsx';

const steps = [
  { title: 'Your practice', lead: 'The name clients see on the kiosk’s welcome, and staff on every screen.' },
  { title: 'Connect Home Assistant', lead: 'Home Assistant runs the rooms’ lights and speakers and reaches the clinicians’ phones. Without it, the kiosk and the desk still work.' },
  { title: 'Rooms', lead: 'Each area of Home Assistant can become a room, with its lights and speaker already sorted. Confirm them and add the rooms you use.' },
  { title: 'Clinicians', lead: 'Each clinician gets a tile on the kiosk, a room, and a way to hear that their client is here.' },
  { title: 'PINs', lead: 'The front desk’s PIN opens the desk and, unless you set others, the room screens and this setup. Six digits or more are hard to guess.' },
  { title: 'The kiosk', lead: 'What the kiosk asks a client, and how soon it goes back to its welcome.' },
] as const;
export const guideSteps = steps.length;

/** `#setup-3` → 3; anything else → null (the sections). The last step + 1 is the "All set" page. */
export function guideStepFromHash(hash: string): number | null {
  const match = /^#setup(?:-(\d+))?$/.exec(hash);
  if (!match) return null;
  const step = Number(match[1] ?? 1);
  return step >= 1 && step <= guideSteps + 1 ? step : 1;
}

/** The kiosk's tiles as a client will see them, with the practice's welcome: nothing here checks anyone in. */
function KioskPreview({ office }: { office: AdminOffice }) {
  return (
    <figure className="setup-preview" aria-label="Preview of the kiosk">
      <p className="setup-preview-welcome">Welcome to {office.practiceName}</p>
      <p className="muted">Who are you here to see?</p>
      <ul className="setup-preview-tiles">
        {office.clinicians.map((clinician) => (
          <li key={clinician.id}>
            <ClinicianTilePreview clinician={clinician} preview />
          </li>
        ))}
      </ul>
      <figcaption className="muted">A preview: tiles show on the kiosk on each clinician’s days.</figcaption>
    </figure>
  );
}

function PracticeStep({ bridge, office, onSaved }: { bridge: Bridge; office: AdminOffice; onSaved: (office: AdminOffice | null) => void }) {
  const id = useId();
  const [name, setName] = useState(office.practiceName);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setRefusal('Please give the practice’s name, such as Willow Street Therapy.');
    if (name.trim() === office.practiceName) return onSaved(null);
    setBusy(true);
    const result = await bridge.call('savePractice', { name: name.trim() });
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setRefusal(result.error.message);
  };
  return (
    <form className="admin-form" onSubmit={(event) => void save(event)} noValidate>
      <div className="admin-form-fields">
        <label htmlFor={`${id}-name`}>The practice’s name</label>
        <input id={`${id}-name`} value={name} maxLength={80} autoComplete="organization" onChange={(event) => setName(event.target.value)} {...(refusal ? { 'aria-invalid': true, 'aria-describedby': `${id}-problem` } : {})} />
        {refusal && <p id={`${id}-problem`} className="admin-refusal" role="alert">{refusal}</p>}
      </div>
      <div className="admin-form-actions">
        <button type="submit" className="button-primary" disabled={busy || !office.writable} aria-busy={busy}>Save and go on</button>
      </div>
    </form>
  );
}

/** The first PINs, together: the desk's (needed), the admin's and the room screens' (each optional). */
function FirstPins({ bridge, office, onSet }: { bridge: Bridge; office: AdminOffice; onSet: () => void }) {
  const id = useId();
  const [pins, setPins] = useState({ desk: '', admin: '', room: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = [
    ['desk', 'Front desk PIN'],
    ['admin', 'Admin PIN (optional; without it, the desk PIN opens this setup)'],
    ['room', 'Room screens PIN (optional; without it, the desk PIN opens them)'],
  ] as const;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const wrong = fields.find(([role]) => (role === 'desk' || pins[role] !== '') && !/^\d{4,12}$/.test(pins[role]));
    if (wrong) {
      setProblem(`${wrong[1].replace(/ \(.*/, '')}: a PIN is 4 to 12 digits; 6 or more are recommended.`);
      return document.getElementById(`${id}-${wrong[0]}`)?.focus();
    }
    setBusy(true);
    const result = await bridge.call('setPins', { desk: pins.desk, admin: pins.admin || null, room: pins.room || null });
    setBusy(false);
    if (result.ok) onSet();
    else setProblem(result.error.message);
  };
  return (
    <form className="admin-form" onSubmit={(event) => void save(event)} noValidate>
      <div className="admin-form-fields">
        {fields.map(([role, words]) => (
          <div key={role} className="admin-pin">
            <label htmlFor={`${id}-${role}`}>{words}</label>
            <input id={`${id}-${role}`} type="password" inputMode="numeric" autoComplete="new-password" maxLength={12} value={pins[role]} onChange={(event) => setPins({ ...pins, [role]: event.target.value.replace(/\D/g, '') })} />
          </div>
        ))}
      </div>
      {problem && <p className="admin-refusal" role="alert">{problem}</p>}
      <p className="muted">Once they are set, the setup code stops working and you sign in here with your new PIN.</p>
      <div className="admin-form-actions">
        <button type="submit" className="button-primary" disabled={busy || !office.writable} aria-busy={busy}>Set the PINs</button>
      </div>
    </form>
  );
}

/** After a restart the hub knows Home Assistant's phones only once it has asked: ask with the saved connection. */
function useSavedPhones(bridge: Bridge, office: AdminOffice, reload: () => void) {
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current || !office.homeAssistant.url || !office.homeAssistant.tokenSaved || office.notifyServices.length > 0) return;
    asked.current = true;
    void bridge.call('testHomeAssistant', { url: office.homeAssistant.url, token: null }).then((result) => result.ok && reload());
  }, [bridge, office, reload]);
}

export function SetupGuide({ bridge, office, step, goTo, onOffice, reload }: { bridge: Bridge; office: AdminOffice; step: number; goTo: (step: number | null) => void; onOffice: (office: AdminOffice) => void; reload: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = step > guideSteps;
  useEffect(() => {
    heading.current?.focus();
    setNotice(null);
  }, [step]);
  const isStep = (n: number) => step === n;
  useSavedPhones(bridge, office, reload);

  const saved = (next: AdminOffice, words: string) => {
    onOffice(next);
    setNotice(words);
  };
  const next = () => goTo(step + 1);
  // The PINs are needed before the desk can be used: that step is not skipped on a new office.
  const mayGoOn = !(isStep(5) && office.firstRun);

  const current = done ? { title: 'All set', lead: '' } : steps[step - 1]!;
  return (
    <main className="admin setup">
      <header className="admin-header">
        <h1>{office.practiceName}: {office.firstRun ? 'setting up' : 'setup checklist'}</h1>
        {!office.firstRun && <a className="button-quiet" href="/admin" onClick={(event) => { event.preventDefault(); goTo(null); }}>Leave the checklist</a>}
      </header>
      <nav aria-label="Setup steps">
        <ol className="setup-steps">
          {steps.map((each, index) => (
            <li key={each.title} aria-current={index + 1 === step ? 'step' : undefined} className={index + 1 < step ? 'setup-step-past' : undefined}>
              {each.title}
            </li>
          ))}
        </ol>
      </nav>
      <section className="admin-section setup-step" aria-labelledby="setup-step-title">
        {!done && <p className="setup-count">Step {step} of {guideSteps}</p>}
        <h2 id="setup-step-title" ref={heading} tabIndex={-1}>{current.title}</h2>
        {current.lead && <p className="setup-lead">{current.lead}</p>}
        {notice && <p className="admin-notice" role="status">{notice}</p>}

        {isStep(1) && <PracticeStep bridge={bridge} office={office} onSaved={(changed) => { if (changed) onOffice(changed); next(); }} />}
        {isStep(2) && <HomeAssistantForm bridge={bridge} office={office} onSaved={(changed) => saved(changed, 'Home Assistant is connected and saved. Next, its areas become rooms.')} onChecked={reload} />}
        {isStep(3) && (
          <>
            <AreaRooms bridge={bridge} office={office} onAdded={saved} onNotice={setNotice} />
            <RestartBanner bridge={bridge} office={office} onRestarted={saved} onNotice={setNotice} />
          </>
        )}
        {isStep(4) && <ClinicianList bridge={bridge} office={office} onSaved={saved} onNotice={setNotice} onClosed={() => heading.current?.focus()} headingLevel={3} title="The clinicians" />}
        {isStep(5) && (office.firstRun ? <FirstPins bridge={bridge} office={office} onSet={() => { goTo(6); reload(); }} /> : <PinsForm bridge={bridge} office={office} onSaved={saved} />)}
        {isStep(6) && (
          <div className="admin-form-grid">
            <SettingsForm bridge={bridge} office={office} onSaved={saved} />
            <KioskPreview office={office} />
          </div>
        )}
        {done && (
          <>
            <p className="setup-lead">{office.practiceName} is set up. You can change any of it later in the office setup.</p>
            <ul className="setup-summary">
              <li>{office.rooms.length} {office.rooms.length === 1 ? 'room' : 'rooms'}: {office.rooms.map((room) => room.name).join(', ')}</li>
              <li>{office.clinicians.length} {office.clinicians.length === 1 ? 'clinician' : 'clinicians'}: {office.clinicians.map((clinician) => clinician.displayName).join(', ')}</li>
              <li>Home Assistant: {office.homeAssistant.url ? `connected at ${office.homeAssistant.url}` : 'not connected'}</li>
              <li>PINs: {(['desk', 'admin', 'room'] as const).filter((role) => office.pins[role]).map((role) => ({ desk: 'front desk', admin: 'admin', room: 'room screens' })[role]).join(', ') || 'none yet'}</li>
            </ul>
            <RestartBanner bridge={bridge} office={office} onRestarted={saved} onNotice={setNotice} />
            <KioskPreview office={office} />
            <div className="admin-form-actions">
              <a className="button-primary" href="/kiosk">Open the kiosk</a>
              <a className="button-secondary" href="/admin" onClick={(event) => { event.preventDefault(); goTo(null); }}>Open the office setup</a>
            </div>
          </>
        )}
      </section>
      {!done && (
        <div className="setup-nav">
          <button type="button" className="button-quiet" disabled={step === 1} onClick={() => goTo(step - 1)}>Back</button>
          {mayGoOn && (
            <button type="button" className="button-secondary" onClick={next}>
              {step === guideSteps ? 'Finish' : 'Next'}
            </button>
          )}
        </div>
      )}
    </main>
  );
}
