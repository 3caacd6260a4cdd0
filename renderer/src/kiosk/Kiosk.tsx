/**
 * The waiting-room kiosk: welcome → whom are you here to see → (when is your appointment) →
 * (comfort wishes) → a kind confirmation → back to welcome. No typing anywhere, no names but the
 * clinicians' own, and nothing of one client's visit survives the return to welcome: the whole
 * flow is remounted with a fresh key.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ApiError, CheckInRequest, ClinicianTile, ComfortWish, KioskSetup, Slot, WaitingActivity } from '../../../main/contract/contract.ts';
import { slotChoices } from '../../../main/contract/slots.ts';
import type { Bridge } from '../transport/bridge.ts';
import { ClinicianSymbol } from '../common/ClinicianSymbol.tsx';
import { wishWords } from '../common/words.ts';
import { languages as languageInfo, type LanguageCode } from '../../../main/contract/languages.ts';
import { Language, useWords } from '../i18n/I18n.tsx';
import type { MessageId } from '../i18n/catalogues.ts';
import { stayOnKiosk } from './stayOnKiosk.ts';
import { useIdleReturn } from './useIdleReturn.ts';
import { Ambient } from '../calm/Ambient.tsx';
import { withDeadline } from '../transport/deadline.ts';
import { PracticeInfoNote, WaitingScreen, WaitOffer } from './Waiting.tsx';
import { plainReading, ReadingChoice, useReadingOnPage, type Reading } from './Reading.tsx';
import './typeface.css';
import './kiosk.css';

type Step =
  | { name: 'welcome' }
  | { name: 'clinician' }
  | { name: 'slot'; clinician: ClinicianTile | null }
  | { name: 'comfort'; clinician: ClinicianTile | null; slot: Slot }
  | { name: 'sending' }
  | { name: 'confirmed'; toldName: string | null }
  | { name: 'waiting'; activity: WaitingActivity; prompt: number }
  | { name: 'trouble'; error: ApiError; retry: CheckInRequest; back: Step };

/** Before set-up has ever loaded: the kiosk asks again on this rhythm, however long the hub is away. */
const setupRetrySeconds = [2, 4, 8, 15];
/** The link to the hub must be down this long before the welcome screen says so (a blink is not an outage). */
const downNoticeMs = 3_000;

/** A random key for one visit: nothing about the client goes into it (works without a secure context). */
function newVisitKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function Kiosk({ bridge: anyBridge }: { bridge: Bridge }) {
  const [setup, setSetup] = useState<KioskSetup | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [visit, setVisit] = useState(0);
  const [hubAway, setHubAway] = useState(false);
  // Every kiosk request ends within the practice's deadline (issue 13); until set-up says, 6 s.
  const deadline = setup?.requestDeadlineSeconds ?? 6;
  const bridge = useMemo(() => withDeadline(anyBridge, deadline), [anyBridge, deadline]);

  const loadSetup = useCallback(async () => {
    const result = await bridge.call('kioskSetup', {});
    if (result.ok) {
      setSetup(result.value);
      setProblem(null);
    } else setProblem(result.error);
    return result.ok;
  }, [bridge]);

  // Set-up is asked for until it comes, not once (a hub that starts after the kiosk is normal).
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = async (n: number) => {
      if (await loadSetup()) return;
      if (!stopped) timer = setTimeout(() => void attempt(n + 1), setupRetrySeconds[Math.min(n, setupRetrySeconds.length - 1)]! * 1000);
    };
    void attempt(0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [loadSetup]);

  // The admin changed the office (a clinician added or retired): the tiles follow without a reload.
  // The same link tells the welcome screen, early, when the hub cannot be reached.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = bridge.subscribe(
      'office',
      () => void loadSetup(),
      (status) => {
        clearTimeout(timer);
        if (status.state === 'live') {
          setHubAway(false);
          void loadSetup();
        } else if (status.state === 'reconnecting') timer = setTimeout(() => setHubAway(true), downNoticeMs);
      },
    );
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [bridge, loadSetup]);

  useEffect(() => stayOnKiosk(), []);

  // Back to welcome with a new key: every trace of the previous visit is unmounted.
  const startOver = useCallback(() => {
    setVisit((n) => n + 1);
    void loadSetup();
  }, [loadSetup]);

  if (!setup) {
    return (
      <Language language="en">
        <Resting problem={problem !== null} />
      </Language>
    );
  }
  // The visit's language lives inside the visit: a new key on the return to welcome, the default again.
  // A return to welcome (visit > 0) puts focus on its heading; the kiosk's first screen leaves focus alone.
  return <Visit key={visit} bridge={bridge} setup={setup} hubAway={hubAway} returning={visit > 0} onFinished={startOver} />;
}

/** Before set-up has come: the practice's languages are not known yet, so English. */
function Resting({ problem }: { problem: boolean }) {
  const { t } = useWords();
  useEffect(() => {
    document.title = t('kiosk.titleResting');
  });
  return (
    <main className="kiosk kiosk-resting">
      <Ambient />
      <div className="kiosk-panel" role="status">
        <h1>{t('kiosk.welcome')}</h1>
        {problem ? <FrontDeskNote /> : <p className="kiosk-lead">{t('kiosk.oneMoment')}</p>}
      </div>
    </main>
  );
}

/** Said early and kindly whenever the kiosk cannot check anyone in (issue 14). */
function FrontDeskNote() {
  const { t } = useWords();
  return (
    <p className="kiosk-lead kiosk-away" data-testid="kiosk-hub-away">
      {t('kiosk.hubAway')}
    </p>
  );
}

/**
 * One visit in the language the client chose on its welcome screen (the practice's default until
 * then), with the larger text and higher contrast they asked for: all three are gone with the visit.
 */
function Visit(props: { bridge: Bridge; setup: KioskSetup; hubAway: boolean; returning: boolean; onFinished: () => void }) {
  const offered = props.setup.languages;
  const [language, setLanguage] = useState<LanguageCode>(offered.includes(props.setup.defaultLanguage) ? props.setup.defaultLanguage : offered[0]!);
  const [reading, setReading] = useState<Reading>(plainReading);
  useReadingOnPage(reading);
  return (
    <Language language={language}>
      <VisitSteps {...props} language={language} onLanguage={setLanguage} reading={reading} onReading={setReading} />
    </Language>
  );
}

interface VisitStepsProps {
  bridge: Bridge;
  setup: KioskSetup;
  hubAway: boolean;
  returning: boolean;
  onFinished: () => void;
  language: LanguageCode;
  onLanguage: (language: LanguageCode) => void;
  reading: Reading;
  onReading: (reading: Reading) => void;
}

function VisitSteps({ bridge, setup, hubAway, returning, onFinished, language, onLanguage, reading, onReading }: VisitStepsProps) {
  const { t, slot: slotLabel } = useWords();
  const [step, setStep] = useState<Step>({ name: 'welcome' });
  useEffect(() => {
    document.title = t('kiosk.title', { practice: setup.practiceName });
  });
  // One key for the whole visit: "Try again" after a deadline cannot make a second arrival.
  const [visitKey] = useState(newVisitKey);

  // A waiting screen is meant to be looked at without a touch: its quiet time is the practice's
  // waitingIdleSeconds (5 minutes by default), then the same gentle "Still there?".
  const waiting = step.name === 'waiting';
  const { stillThere, keepGoing } = useIdleReturn(step.name !== 'welcome' && step.name !== 'confirmed' && step.name !== 'sending', waiting ? setup.waitingIdleSeconds : setup.stillThereAfterSeconds, setup.stillThereSeconds, onFinished);

  // The thank-you goes by itself after confirmationSeconds, so the next in line does not read it.
  // When it offers something for the wait, a touch or key on it starts that time again: a client
  // still reading the choices is not hurried away from them.
  const offersWaiting = setup.waitingActivities.length > 0;
  useEffect(() => {
    if (step.name !== 'confirmed') return;
    let timer = setTimeout(onFinished, setup.confirmationSeconds * 1000);
    const again = () => {
      clearTimeout(timer);
      timer = setTimeout(onFinished, setup.confirmationSeconds * 1000);
    };
    const events = offersWaiting ? (['pointerdown', 'keydown'] as const) : [];
    events.forEach((name) => window.addEventListener(name, again, { passive: true }));
    return () => {
      clearTimeout(timer);
      events.forEach((name) => window.removeEventListener(name, again));
    };
  }, [step.name, setup.confirmationSeconds, offersWaiting, onFinished]);

  // Focus follows the step, so a screen reader and a keyboard start at the new question: each
  // step's heading (tabIndex -1) takes focus and a screen reader reads it out. The button that was
  // pressed is gone with its step, so without this focus would fall to the page body. The same after
  // "Still there?" (its dialog replaced the step) and on a return to welcome after a visit; only the
  // kiosk's very first screen leaves focus where the browser put it.
  const heading = useRef<HTMLHeadingElement>(null);
  // The grounding exercise's "Next" keeps focus where it is (its prompt is a live region), so the
  // step is told apart by its name and activity, not by its object.
  const stepKey = step.name === 'waiting' ? `waiting-${step.activity}` : step;
  useEffect(() => {
    if (stillThere) return;
    if (step.name !== 'welcome' || returning) heading.current?.focus();
  }, [stepKey, stillThere, returning]);

  const send = async (request: CheckInRequest, back: Step) => {
    setStep({ name: 'sending' });
    const result = await bridge.call('checkIn', { ...request, visitKey });
    setStep(result.ok ? { name: 'confirmed', toldName: result.value.toldName } : { name: 'trouble', error: result.error, retry: request, back });
  };

  const toClinician: Step = { name: 'clinician' };
  const afterClinician = (clinician: ClinicianTile | null) => {
    if (setup.askAppointmentTime) setStep({ name: 'slot', clinician });
    else afterSlot(clinician, { kind: 'unsure' }, toClinician);
  };
  const afterSlot = (clinician: ClinicianTile | null, slot: Slot, from: Step) => {
    if (setup.offerComfortWishes) setStep({ name: 'comfort', clinician, slot });
    else void send({ clinicianId: clinician?.id ?? null, slot, wishes: [] }, from);
  };
  const backFromComfort = (clinician: ClinicianTile | null): Step => (setup.askAppointmentTime ? { name: 'slot', clinician } : toClinician);

  if (stillThere) {
    // Covers the visit's choices, so the next person in line reads nothing of them.
    return (
      // A tap anywhere keeps going; the button inside takes the keys.
      <main className="kiosk kiosk-still-there" onClick={keepGoing}>
        <Ambient />
        <section className="kiosk-panel" role="alertdialog" aria-labelledby="still-title" aria-describedby="still-note">
          <h1 id="still-title">{t('kiosk.stillThere')}</h1>
          <p id="still-note" className="kiosk-lead">
            {t('kiosk.tapToKeepGoing')}
          </p>
          <button type="button" className="button-primary button-huge" autoFocus>
            {t('kiosk.keepGoing')}
          </button>
        </section>
      </main>
    );
  }

  return (
    <main className={`kiosk kiosk-${step.name}`}>
      {/* The quiet screen is quiet, and the breathing shape is the one thing moving on its screen: no drifting light behind either. */}
      {!(step.name === 'waiting' && step.activity !== 'grounding') && <Ambient />}
      {step.name === 'welcome' && (
        <section className="kiosk-panel kiosk-welcome" aria-labelledby="welcome-title">
          <p className="kiosk-practice">{setup.practiceName}</p>
          <h1 id="welcome-title" tabIndex={-1} ref={heading}>
            {t('kiosk.welcome')}
          </h1>
          {hubAway ? <FrontDeskNote /> : <p className="kiosk-lead">{t('kiosk.welcomeLead')}</p>}
          <button type="button" className="button-primary button-huge" onClick={() => setStep(toClinician)}>
            {t('kiosk.checkIn')}
          </button>
          {setup.languages.length > 1 && <LanguageChoice offered={setup.languages} current={language} onChoose={onLanguage} />}
          <ReadingChoice reading={reading} onChange={onReading} />
        </section>
      )}
      {step.name === 'clinician' && (
        <section className="kiosk-panel" aria-labelledby="who-title">
          <h1 id="who-title" tabIndex={-1} ref={heading}>
            {t('kiosk.who')}
          </h1>
          <div className="tile-grid">
            {setup.clinicians.map((clinician) => (
              <button key={clinician.id} type="button" className={`tile tile-${clinician.colour}`} onClick={() => afterClinician(clinician)}>
                <ClinicianSymbol symbol={clinician.symbol} size={44} />
                <span className="tile-name">{clinician.displayName}</span>
              </button>
            ))}
            <button type="button" className="tile tile-unsure" onClick={() => afterClinician(null)}>
              <span className="tile-name">{t('kiosk.notSure')}</span>
              <span className="tile-note">{t('kiosk.firstVisit')}</span>
            </button>
          </div>
          <StepNav onBack={onFinished} />
        </section>
      )}
      {step.name === 'slot' && (
        <section className="kiosk-panel" aria-labelledby="when-title">
          <h1 id="when-title" tabIndex={-1} ref={heading}>
            {t('kiosk.when')}
          </h1>
          <div className="choice-row">
            {[...slotChoices(new Date(), setup.slotMinutes), { kind: 'unsure' } as const].map((slot) => (
              <button key={slot.kind === 'at' ? slot.time : slot.kind} type="button" className="choice" onClick={() => afterSlot(step.clinician, slot, step)}>
                {slotLabel(slot)}
              </button>
            ))}
          </div>
          <StepNav onBack={() => setStep(toClinician)} onStartOver={onFinished} />
        </section>
      )}
      {step.name === 'comfort' && (
        <Comfort
          heading={heading}
          onDone={(wishes) => void send({ clinicianId: step.clinician?.id ?? null, slot: step.slot, wishes }, step)}
          onBack={() => setStep(backFromComfort(step.clinician))}
          onStartOver={onFinished}
        />
      )}
      {step.name === 'sending' && (
        // A heading of its own, so focus has somewhere to be between the last tap and the thank-you.
        <section className="kiosk-panel" role="status" aria-labelledby="sending-title">
          <h1 id="sending-title" tabIndex={-1} ref={heading}>
            {t('kiosk.sending')}
          </h1>
        </section>
      )}
      {step.name === 'confirmed' && (
        <section className="kiosk-panel kiosk-confirmed" aria-labelledby="thanks-title">
          {/* The news is the status; the offer below it is not read out as part of it. */}
          <div role="status">
            <h1 id="thanks-title" tabIndex={-1} ref={heading}>
              {t('kiosk.thanks')}
            </h1>
            <p className="kiosk-lead">{step.toldName === null ? t('kiosk.toldDesk') : setup.confirmationNamesClinician ? t('kiosk.toldName', { name: step.toldName }) : t('kiosk.toldClinician')}</p>
            <p className="kiosk-lead">{t('kiosk.comfortable')}</p>
          </div>
          <WaitOffer offered={setup.waitingActivities} onChoose={(activity) => setStep({ name: 'waiting', activity, prompt: 0 })} />
          <PracticeInfoNote info={setup.practiceInfo} />
          <div className="choice-row">
            <button type="button" className="button-primary" onClick={onFinished}>
              {t('kiosk.done')}
            </button>
          </div>
        </section>
      )}
      {step.name === 'waiting' && (
        <WaitingScreen
          activity={step.activity}
          prompt={step.prompt}
          onPrompt={(prompt) => setStep({ ...step, prompt })}
          info={setup.practiceInfo}
          heading={heading}
          onStop={onFinished}
        />
      )}
      {step.name === 'trouble' && (
        <section className="kiosk-panel" role="alert" aria-labelledby="trouble-title">
          <h1 id="trouble-title" tabIndex={-1} ref={heading}>
            {t('kiosk.tryAgainTitle')}
          </h1>
          <p className="kiosk-lead">{t(refusalWords(step.error, step.retry))}</p>
          {(step.error.code === 'unavailable' || step.error.code === 'too-many-tries') && (
            <div className="choice-row">
              <button type="button" className="button-primary" onClick={() => void send(step.retry, step.back)}>
                {t('kiosk.tryAgain')}
              </button>
            </div>
          )}
          <StepNav onBack={() => setStep(step.back)} onStartOver={onFinished} />
        </section>
      )}
    </main>
  );
}

/**
 * The hub's refusal in the client's language: its code (and what was asked) picks the catalogue's
 * words, since the hub's own message is English for the desk and the log. The hub refuses a kiosk
 * check-in with not-found for a clinician not working today and with invalid-input for a time the
 * kiosk no longer asks (main/hub/arrivals/arrivals.ts checkIn), both after the office changed while
 * the client was at the screen.
 */
function refusalWords(error: ApiError, request: CheckInRequest): MessageId {
  switch (error.code) {
    case 'unavailable':
      return 'kiosk.unavailable';
    case 'too-many-tries':
      return 'kiosk.slowDown';
    case 'not-found':
      return request.clinicianId !== null ? 'kiosk.refused.clinicianAway' : 'kiosk.refused';
    case 'invalid-input':
      return 'kiosk.refused.questionsChanged';
    default:
      return 'kiosk.refused';
  }
}

/**
 * Each offered language in its own script, marked with its own lang so a screen reader says it
 * rightly. Calm and always there on the welcome screen; the choice lasts for this visit only.
 */
function LanguageChoice({ offered, current, onChoose }: { offered: LanguageCode[]; current: LanguageCode; onChoose: (language: LanguageCode) => void }) {
  const { t } = useWords();
  return (
    <div className="kiosk-languages" role="group" aria-label={t('kiosk.language')}>
      {offered.map((code) => (
        <button key={code} type="button" lang={code} dir={languageInfo[code].dir} className="kiosk-language" aria-pressed={code === current} onClick={() => onChoose(code)}>
          {languageInfo[code].ownName}
        </button>
      ))}
    </div>
  );
}

function Comfort({ heading, onDone, onBack, onStartOver }: { heading: RefObject<HTMLHeadingElement | null>; onDone: (wishes: ComfortWish[]) => void; onBack: () => void; onStartOver: () => void }) {
  const { t } = useWords();
  const [wishes, setWishes] = useState<ComfortWish[]>([]);
  const toggle = (wish: ComfortWish) => setWishes((current) => (current.includes(wish) ? current.filter((w) => w !== wish) : [...current, wish]));
  return (
    <section className="kiosk-panel" aria-labelledby="comfort-title">
      <h1 id="comfort-title" tabIndex={-1} ref={heading}>
        {t('kiosk.comfort')}
      </h1>
      <p className="kiosk-lead">{t('kiosk.comfortLead')}</p>
      <div className="choice-row">
        {(Object.keys(wishWords) as ComfortWish[]).map((wish) => (
          <button key={wish} type="button" className="choice choice-toggle" aria-pressed={wishes.includes(wish)} onClick={() => toggle(wish)}>
            <span className="choice-tick" aria-hidden="true" data-testid="wish-tick">
              {wishes.includes(wish) ? '✓' : ''}
            </span>
            {t(`kiosk.wish.${wish}`)}
          </button>
        ))}
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="wishes-chosen">
        {t('kiosk.comfortChosen', { count: wishes.length })}
      </p>
      <div className="choice-row">
        <button type="button" className="button-primary button-huge" onClick={() => onDone(wishes)}>
          {wishes.length > 0 ? t('kiosk.checkIn') : t('kiosk.checkInNoPreference')}
        </button>
      </div>
      <StepNav onBack={onBack} onStartOver={onStartOver} />
    </section>
  );
}

/** "Back" on every step, and "Start over" past the first question; both 48 px or more. */
function StepNav({ onBack, onStartOver }: { onBack: () => void; onStartOver?: () => void }) {
  const { t } = useWords();
  return (
    <nav className="kiosk-nav" aria-label={t('kiosk.steps')}>
      <button type="button" className="button-secondary kiosk-nav-button" onClick={onBack}>
        {/* Points the way back in either direction: mirrored under dir="rtl" (styles.css). */}
        <span aria-hidden="true" className="kiosk-back-arrow">←</span> {t('kiosk.back')}
      </button>
      {onStartOver && (
        <button type="button" className="button-quiet kiosk-nav-button" onClick={onStartOver}>
          {t('kiosk.startOver')}
        </button>
      )}
    </nav>
  );
}
