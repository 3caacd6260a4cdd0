/**
 * `/admin`: the practice sets itself up here, behind the admin PIN (also reached from the desk's
 * "More"): the clinicians, each with their kiosk tile previewed as it is edited, and the
 * connection to Home Assistant, tested before it is saved. Every
 * change goes into the office file (kept as written, comments and all) and every open kiosk and
 * desk follows at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminClinician, AdminOffice } from '../../../main/contract/contract.ts';
import { PinGate, type PinGateWords } from '../desk/PinGate.tsx';
import type { Bridge } from '../transport/bridge.ts';
import { ClinicianForm, newClinician } from './ClinicianForm.tsx';
import { ClinicianTilePreview } from './ClinicianTilePreview.tsx';
import { AreaRooms } from './AreaRooms.tsx';
import { HomeAssistantForm } from './HomeAssistantForm.tsx';
import { MqttForm } from './MqttForm.tsx';
import { PinsForm, SettingsForm } from './SettingsForm.tsx';
import { dayWords } from './adminWords.ts';
import './admin.css';

type Load = { state: 'loading' } | { state: 'needs-pin'; message: string | null } | { state: 'trouble'; message: string } | { state: 'ready'; office: AdminOffice };
type Editing = { clinician: AdminClinician; isNew: boolean } | null;

const adminPinWords: PinGateWords = { title: 'Office setup', lead: 'Please enter the admin PIN to change the practice’s setup. A new office: type the setup code shown where Stillroom was started.', action: 'Open the setup' };

export function Admin({ bridge }: { bridge: Bridge }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [retiring, setRetiring] = useState<string | null>(null);
  const [restarting, setRestarting] = useState(false);
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
    return <PinGate bridge={bridge} practiceName="" words={load.message ? { ...adminPinWords, lead: `${load.message} Please enter the admin PIN.` } : adminPinWords} onSignedIn={() => void reload()} />;
  }
  if (load.state === 'trouble') return <main className="admin"><h1>Office setup</h1><p role="alert">{load.message}</p></main>;
  const { office } = load;

  const saved = (next: AdminOffice, words: string) => {
    setLoad({ state: 'ready', office: next });
    setEditing(null);
    setNotice(words);
    heading.current?.focus();
  };
  // The hub answers, then closes every connection and starts again on the same address: ask
  // until it answers again (a second or two), then show what it runs now.
  const restart = async () => {
    setRestarting(true);
    const result = await bridge.call('restartHub', {});
    if (!result.ok) {
      setRestarting(false);
      return setNotice(result.error.message);
    }
    setNotice('The hub is restarting with the saved office file…');
    for (let attempt = 0; attempt < 60; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const again = await bridge.call('adminOffice', {});
      if (again.ok && again.value.restartNeededFor.length === 0) {
        setRestarting(false);
        saved(again.value, 'The hub restarted: the saved rooms and connections are in use now.');
        return;
      }
    }
    setRestarting(false);
    setNotice('The hub has not come back yet. Please look at the computer it runs on.');
  };
  const retire = async (clinician: AdminClinician) => {
    const result = await bridge.call('retireClinician', { clinicianId: clinician.id });
    setRetiring(null);
    if (result.ok) saved(result.value, `${clinician.displayName} is retired: their tile is gone from the kiosk. Arrivals already on today's board stay there.`);
    else setNotice(result.error.message);
  };

  return (
    <main className="admin">
      <header className="admin-header">
        <h1 ref={heading} tabIndex={-1}>{office.practiceName}: office setup</h1>
        <a className="button-quiet" href="/desk">Back to the desk</a>
      </header>
      {!office.writable && <p className="admin-banner" role="note">This is the demo office: you can look around, but changes are not saved. Start Stillroom with your own office file to set up your practice.</p>}
      {office.fileProblem && (
        <div className="admin-banner admin-problem" role="alert">
          <p>The office file was edited by hand and has a mistake, so the hub keeps running the version before it. Fix this in the file:</p>
          <pre>{office.fileProblem}</pre>
        </div>
      )}
      {office.restartNeededFor.length > 0 && (
        <div className="admin-banner" role="note">
          <p>Saved, and waiting for a restart of the hub: {office.restartNeededFor.join(', ')}.</p>
          <button type="button" className="button-secondary" disabled={restarting} aria-busy={restarting} onClick={() => void restart()}>
            Restart the hub now
          </button>
        </div>
      )}
      {notice && <p className="admin-notice" role="status">{notice}</p>}

      <section aria-labelledby="clinicians-title" className="admin-section">
        <div className="admin-section-head">
          <h2 id="clinicians-title">Clinicians</h2>
          {!editing && (
            <button type="button" className="button-primary" disabled={!office.writable} onClick={() => { setNotice(null); setEditing({ clinician: newClinician(office), isNew: true }); }}>
              Add a clinician
            </button>
          )}
        </div>
        {editing ? (
          <ClinicianForm
            bridge={bridge}
            office={office}
            initial={editing.clinician}
            isNew={editing.isNew}
            onSaved={(next, clinician) => saved(next, editing.isNew ? `${clinician.displayName} is added: their tile is on the kiosk now.` : `${clinician.displayName} is saved.`)}
            onCancel={() => { setEditing(null); heading.current?.focus(); }}
          />
        ) : (
          <ul className="admin-list">
            {office.clinicians.map((clinician) => (
              <li key={clinician.id} className="admin-item">
                <ClinicianTilePreview clinician={clinician} small />
                <div className="admin-item-words">
                  <p className="admin-item-name">{clinician.displayName}</p>
                  <p className="muted">
                    {office.rooms.find((room) => room.id === clinician.room)?.name ?? 'No room'} · {dayWords(clinician.days)}
                    {clinician.push ? ` · push to ${clinician.push}` : ''}
                  </p>
                </div>
                <div className="admin-item-actions">
                  {retiring === clinician.id ? (
                    <div role="group" aria-label={`Retire ${clinician.displayName}?`} className="admin-confirm">
                      <span>Retire {clinician.displayName}?</span>
                      <button type="button" className="button-secondary" onClick={() => void retire(clinician)}>Yes, retire</button>
                      <button type="button" className="button-quiet" onClick={() => setRetiring(null)}>Keep</button>
                    </div>
                  ) : (
                    <>
                      <button type="button" className="button-secondary" disabled={!office.writable} onClick={() => { setNotice(null); setEditing({ clinician, isNew: false }); }} aria-label={`Edit ${clinician.displayName}`}>Edit</button>
                      <button type="button" className="button-quiet" disabled={!office.writable || office.clinicians.length === 1} onClick={() => setRetiring(clinician.id)} aria-label={`Retire ${clinician.displayName}`}>Retire…</button>
                    </>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="rooms-title" className="admin-section">
        <h2 id="rooms-title">Rooms</h2>
        <AreaRooms bridge={bridge} office={office} onAdded={(next, words) => saved(next, words)} />
      </section>

      <section aria-labelledby="settings-title" className="admin-section">
        <h2 id="settings-title">Settings and PINs</h2>
        <SettingsForm bridge={bridge} office={office} onSaved={(next, words) => saved(next, words)} />
        <PinsForm bridge={bridge} office={office} onSaved={(next, words) => saved(next, words)} />
      </section>

      <section aria-labelledby="connections-title" className="admin-section">
        <h2 id="connections-title">Connections</h2>
        <HomeAssistantForm bridge={bridge} office={office} onSaved={(next, words) => saved(next, words)} onChecked={() => void reload()} />
        <MqttForm bridge={bridge} office={office} onSaved={(next, words) => saved(next, words)} />
      </section>
    </main>
  );
}
