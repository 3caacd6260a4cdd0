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
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

/** The steps, in order; each has a title and a lead in the staff catalogues (admin.guide.<step>.title / .lead). */
const steps = ['practice', 'homeAssistant', 'rooms', 'clinicians', 'pins', 'kiosk'] as const;
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
  const { t } = useStaffWords();
  // The kiosk's own words stay as its English welcome says them (the kiosk has its own languages), marked so.
  return (
    <figure className="setup-preview" aria-label={t('admin.guide.preview')}>
      <p className="setup-preview-welcome" lang="en">Welcome to {office.practiceName}</p>
      <p className="muted" lang="en">Who are you here to see?</p>
      <ul className="setup-preview-tiles">
        {office.clinicians.map((clinician) => (
          <li key={clinician.id}>
            <ClinicianTilePreview clinician={clinician} preview />
          </li>
        ))}
      </ul>
      <figcaption className="muted">{t('admin.guide.previewCaption')}</figcaption>
    </figure>
  );
}

function PracticeStep({ bridge, office, onSaved }: { bridge: Bridge; office: AdminOffice; onSaved: (office: AdminOffice | null) => void }) {
  const { t } = useStaffWords();
  const id = useId();
  const [name, setName] = useState(office.practiceName);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setRefusal(t('admin.guide.noName'));
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
        <label htmlFor={`${id}-name`}>{t('admin.guide.name')}</label>
        <input id={`${id}-name`} value={name} maxLength={80} autoComplete="organization" onChange={(event) => setName(event.target.value)} {...(refusal ? { 'aria-invalid': true, 'aria-describedby': `${id}-problem` } : {})} />
        {refusal && <p id={`${id}-problem`} className="admin-refusal" role="alert">{refusal}</p>}
      </div>
      <div className="admin-form-actions">
        <button type="submit" className="button-primary" disabled={busy || !office.writable} aria-busy={busy}>{t('admin.guide.saveAndGoOn')}</button>
      </div>
    </form>
  );
}

/** The first PINs, together: the desk's (needed), the admin's and the room screens' (each optional). */
function FirstPins({ bridge, office, onSet }: { bridge: Bridge; office: AdminOffice; onSet: () => void }) {
  const { t } = useStaffWords();
  const id = useId();
  const [pins, setPins] = useState({ desk: '', admin: '', room: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = [
    ['desk', t('admin.guide.pin.desk')],
    ['admin', t('admin.guide.pin.admin')],
    ['room', t('admin.guide.pin.room')],
  ] as const;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const wrong = fields.find(([role]) => (role === 'desk' || pins[role] !== '') && !/^\d{4,12}$/.test(pins[role]));
    if (wrong) {
      setProblem(t('admin.guide.pin.wrong', { pin: t(`admin.pins.${wrong[0]}.label`) }));
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
      <p className="muted">{t('admin.guide.pin.then')}</p>
      <div className="admin-form-actions">
        <button type="submit" className="button-primary" disabled={busy || !office.writable} aria-busy={busy}>{t('admin.guide.pin.set')}</button>
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
  const { t } = useStaffWords();
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
  const pinsSet = (['desk', 'admin', 'room'] as const).filter((role) => office.pins[role]).map((role) => t(`admin.guide.role.${role}`));

  const current = done ? { title: t('admin.guide.allSet'), lead: '' } : { title: t(`admin.guide.${steps[step - 1]!}.title`), lead: t(`admin.guide.${steps[step - 1]!}.lead`) };
  return (
    <main className="admin setup">
      <header className="admin-header">
        <h1>{t(office.firstRun ? 'admin.guide.settingUp' : 'admin.guide.checklist', { practice: office.practiceName })}</h1>
        {!office.firstRun && <a className="button-quiet" href="/admin" onClick={(event) => { event.preventDefault(); goTo(null); }}>{t('admin.guide.leave')}</a>}
      </header>
      <nav aria-label={t('admin.guide.steps')}>
        <ol className="setup-steps">
          {steps.map((each, index) => (
            <li key={each} aria-current={index + 1 === step ? 'step' : undefined} className={index + 1 < step ? 'setup-step-past' : undefined}>
              {t(`admin.guide.${each}.title`)}
            </li>
          ))}
        </ol>
      </nav>
      <section className="admin-section setup-step" aria-labelledby="setup-step-title">
        {!done && <p className="setup-count">{t('admin.guide.stepOf', { step, steps: guideSteps })}</p>}
        <h2 id="setup-step-title" ref={heading} tabIndex={-1}>{current.title}</h2>
        {current.lead && <p className="setup-lead">{current.lead}</p>}
        {notice && <p className="admin-notice" role="status">{notice}</p>}

        {isStep(1) && <PracticeStep bridge={bridge} office={office} onSaved={(changed) => { if (changed) onOffice(changed); next(); }} />}
        {isStep(2) && <HomeAssistantForm bridge={bridge} office={office} onSaved={(changed) => saved(changed, t('admin.guide.haSaved'))} onChecked={reload} />}
        {isStep(3) && (
          <>
            <AreaRooms bridge={bridge} office={office} onAdded={saved} onNotice={setNotice} />
            <RestartBanner bridge={bridge} office={office} onRestarted={saved} onNotice={setNotice} />
          </>
        )}
        {isStep(4) && <ClinicianList bridge={bridge} office={office} onSaved={saved} onNotice={setNotice} onClosed={() => heading.current?.focus()} headingLevel={3} title={t('admin.guide.theClinicians')} />}
        {isStep(5) && (office.firstRun ? <FirstPins bridge={bridge} office={office} onSet={() => { goTo(6); reload(); }} /> : <PinsForm bridge={bridge} office={office} onSaved={saved} />)}
        {isStep(6) && (
          <div className="admin-form-grid">
            <SettingsForm bridge={bridge} office={office} onSaved={saved} />
            <KioskPreview office={office} />
          </div>
        )}
        {done && (
          <>
            <p className="setup-lead">{t('admin.guide.isSetUp', { practice: office.practiceName })}</p>
            <ul className="setup-summary">
              <li>{t('admin.guide.rooms', { count: office.rooms.length, names: office.rooms.map((room) => room.name).join(', ') })}</li>
              <li>{t('admin.guide.clinicians', { count: office.clinicians.length, names: office.clinicians.map((clinician) => clinician.displayName).join(', ') })}</li>
              <li>{office.homeAssistant.url ? t('admin.guide.haConnected', { url: office.homeAssistant.url }) : t('admin.guide.haNotConnected')}</li>
              <li>{pinsSet.length > 0 ? t('admin.guide.pinsSet', { roles: pinsSet.join(', ') }) : t('admin.guide.pinsNone')}</li>
            </ul>
            <RestartBanner bridge={bridge} office={office} onRestarted={saved} onNotice={setNotice} />
            <KioskPreview office={office} />
            <div className="admin-form-actions">
              <a className="button-primary" href="/kiosk">{t('admin.guide.openKiosk')}</a>
              <a className="button-secondary" href="/admin" onClick={(event) => { event.preventDefault(); goTo(null); }}>{t('admin.guide.openSetup')}</a>
            </div>
          </>
        )}
      </section>
      {!done && (
        <div className="setup-nav">
          <button type="button" className="button-quiet" disabled={step === 1} onClick={() => goTo(step - 1)}>{t('admin.guide.back')}</button>
          {mayGoOn && (
            <button type="button" className="button-secondary" onClick={next}>
              {step === guideSteps ? t('admin.guide.finish') : t('admin.guide.next')}
            </button>
          )}
        </div>
      )}
    </main>
  );
}
