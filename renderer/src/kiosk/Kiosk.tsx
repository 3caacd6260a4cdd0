/**
 * The waiting-room kiosk: welcome → whom are you here to see → (when is your appointment) →
 * (comfort wishes) → a kind confirmation → back to welcome. No typing anywhere, no names but the
 * clinicians' own, and nothing of one client's visit survives the return to welcome: the whole
 * flow is remounted with a fresh key.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, CheckInRequest, ClinicianTile, ComfortWish, KioskSetup, Slot } from '../../../main/contract/contract.ts';
import { slotChoices } from '../../../main/contract/slots.ts';
import type { Bridge } from '../transport/bridge.ts';
import { ClinicianSymbol } from '../common/ClinicianSymbol.tsx';
import { slotLabel, wishWords } from '../common/words.ts';
import { stayOnKiosk } from './stayOnKiosk.ts';
import { useIdleReturn } from './useIdleReturn.ts';
import { Ambient } from '../calm/Ambient.tsx';
import { useRetryWhile } from '../connection/retry.ts';

type Step =
  | { name: 'welcome' }
  | { name: 'clinician' }
  | { name: 'slot'; clinician: ClinicianTile | null }
  | { name: 'comfort'; clinician: ClinicianTile | null; slot: Slot }
  | { name: 'sending' }
  | { name: 'confirmed'; toldName: string | null }
  | { name: 'trouble'; error: ApiError; retry: CheckInRequest };

export function Kiosk({ bridge }: { bridge: Bridge }) {
  const [setup, setSetup] = useState<KioskSetup | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [visit, setVisit] = useState(0);

  const loadSetup = useCallback(async () => {
    const result = await bridge.call('kioskSetup', {});
    if (result.ok) {
      setSetup(result.value);
      setProblem(null);
    } else setProblem(result.error);
  }, [bridge]);

  useEffect(() => {
    void loadSetup();
  }, [loadSetup]);
  // A kiosk that starts before its hub (or loses it) keeps asking, gently, and recovers by itself;
  // with a set-up already in hand a failed refresh keeps the old one and retries quietly.
  const retries = useRetryWhile(problem !== null, loadSetup);

  useEffect(() => stayOnKiosk(), []);

  useEffect(() => {
    document.title = setup ? `${setup.practiceName} · Check in` : 'Check in';
  }, [setup]);

  // Back to welcome with a new key: every trace of the previous visit is unmounted.
  const startOver = useCallback(() => {
    setVisit((n) => n + 1);
    void loadSetup();
  }, [loadSetup]);

  if (!setup) {
    return (
      <main className="kiosk kiosk-resting">
        <Ambient />
        <div className="kiosk-panel" role="status">
          <h1>Welcome</h1>
          <p className="kiosk-lead">{problem ? 'One moment, please. The check-in screen is getting ready.' : 'One moment, please.'}</p>
          {problem && retries >= 2 && <p className="kiosk-lead">If you're here for an appointment, please let the front desk know you've arrived.</p>}
        </div>
      </main>
    );
  }
  return <Visit key={visit} bridge={bridge} setup={setup} onFinished={startOver} />;
}

function Visit({ bridge, setup, onFinished }: { bridge: Bridge; setup: KioskSetup; onFinished: () => void }) {
  const [step, setStep] = useState<Step>({ name: 'welcome' });

  useIdleReturn(step.name !== 'welcome' && step.name !== 'confirmed' && step.name !== 'sending', setup.idleSeconds, onFinished);

  useEffect(() => {
    if (step.name !== 'confirmed') return;
    const timer = setTimeout(onFinished, setup.confirmationSeconds * 1000);
    return () => clearTimeout(timer);
  }, [step.name, setup.confirmationSeconds, onFinished]);

  const send = async (request: CheckInRequest) => {
    setStep({ name: 'sending' });
    const result = await bridge.call('checkIn', request);
    setStep(result.ok ? { name: 'confirmed', toldName: result.value.toldName } : { name: 'trouble', error: result.error, retry: request });
  };

  const afterClinician = (clinician: ClinicianTile | null) => {
    if (setup.askAppointmentTime) setStep({ name: 'slot', clinician });
    else afterSlot(clinician, { kind: 'unsure' });
  };
  const afterSlot = (clinician: ClinicianTile | null, slot: Slot) => {
    if (setup.offerComfortWishes) setStep({ name: 'comfort', clinician, slot });
    else void send({ clinicianId: clinician?.id ?? null, slot, wishes: [] });
  };

  return (
    <main className={`kiosk kiosk-${step.name}`}>
      <Ambient />
      {step.name === 'welcome' && (
        <section className="kiosk-panel kiosk-welcome" aria-labelledby="welcome-title">
          <p className="kiosk-practice">{setup.practiceName}</p>
          <h1 id="welcome-title">Welcome</h1>
          <p className="kiosk-lead">Let us know you're here. It only takes a moment.</p>
          <button type="button" className="button-primary button-huge" onClick={() => setStep({ name: 'clinician' })}>
            Check in
          </button>
        </section>
      )}
      {step.name === 'clinician' && (
        <section className="kiosk-panel" aria-labelledby="who-title">
          <h1 id="who-title">Who are you here to see?</h1>
          <div className="tile-grid">
            {setup.clinicians.map((clinician) => (
              <button key={clinician.id} type="button" className={`tile tile-${clinician.colour}`} onClick={() => afterClinician(clinician)}>
                <ClinicianSymbol symbol={clinician.symbol} size={44} />
                <span className="tile-name">{clinician.displayName}</span>
              </button>
            ))}
            <button type="button" className="tile tile-unsure" onClick={() => afterClinician(null)}>
              <span className="tile-name">I'm not sure</span>
              <span className="tile-note">or it's my first visit</span>
            </button>
          </div>
          <StartOver onClick={onFinished} />
        </section>
      )}
      {step.name === 'slot' && (
        <section className="kiosk-panel" aria-labelledby="when-title">
          <h1 id="when-title">When is your appointment?</h1>
          <div className="choice-row">
            {[...slotChoices(new Date()), { kind: 'unsure' } as const].map((slot) => (
              <button key={slot.kind === 'at' ? slot.time : slot.kind} type="button" className="choice" onClick={() => afterSlot(step.clinician, slot)}>
                {slotLabel(slot)}
              </button>
            ))}
          </div>
          <StartOver onClick={onFinished} />
        </section>
      )}
      {step.name === 'comfort' && <Comfort onDone={(wishes) => void send({ clinicianId: step.clinician?.id ?? null, slot: step.slot, wishes })} onStartOver={onFinished} />}
      {step.name === 'sending' && (
        <section className="kiosk-panel" role="status">
          <p className="kiosk-lead">Checking you in…</p>
        </section>
      )}
      {step.name === 'confirmed' && (
        <section className="kiosk-panel kiosk-confirmed" role="status" aria-labelledby="thanks-title">
          <h1 id="thanks-title">Thank you, you're checked in.</h1>
          <p className="kiosk-lead">{step.toldName ? `${step.toldName} knows you're here.` : "The front desk knows you're here."}</p>
          <p className="kiosk-lead">Please make yourself comfortable.</p>
        </section>
      )}
      {step.name === 'trouble' && (
        <section className="kiosk-panel" role="alert" aria-labelledby="trouble-title">
          <h1 id="trouble-title">Let's try that again</h1>
          <p className="kiosk-lead">
            {step.error.code === 'unavailable' ? "Something isn't working just now. If it keeps happening, please let the front desk know you've arrived." : step.error.message}
          </p>
          <div className="choice-row">
            <button type="button" className="button-primary" onClick={() => void send(step.retry)}>
              Try again
            </button>
          </div>
          <StartOver onClick={onFinished} />
        </section>
      )}
    </main>
  );
}

function Comfort({ onDone, onStartOver }: { onDone: (wishes: ComfortWish[]) => void; onStartOver: () => void }) {
  const [wishes, setWishes] = useState<ComfortWish[]>([]);
  const toggle = (wish: ComfortWish) => setWishes((current) => (current.includes(wish) ? current.filter((w) => w !== wish) : [...current, wish]));
  return (
    <section className="kiosk-panel" aria-labelledby="comfort-title">
      <h1 id="comfort-title">Anything that would help you feel comfortable?</h1>
      <p className="kiosk-lead">Choose any, or none. We'll pass it on.</p>
      <div className="choice-row">
        {(Object.keys(wishWords) as ComfortWish[]).map((wish) => (
          <button key={wish} type="button" className="choice choice-toggle" aria-pressed={wishes.includes(wish)} onClick={() => toggle(wish)}>
            {wishWords[wish]}
          </button>
        ))}
      </div>
      <div className="choice-row">
        <button type="button" className="button-primary button-huge" onClick={() => onDone(wishes)}>
          {wishes.length > 0 ? 'Check in' : 'No preference, check in'}
        </button>
      </div>
      <StartOver onClick={onStartOver} />
    </section>
  );
}

function StartOver({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="button-quiet start-over" onClick={onClick}>
      Start over
    </button>
  );
}
