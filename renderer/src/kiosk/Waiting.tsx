/**
 * Something gentle for the wait (issue 12): after the thank-you a client MAY choose a slow
 * breathing guide, a grounding exercise (5-4-3-2-1, for those for whom breath focus is hard) or a
 * quiet screen. Nothing starts by itself, nothing is timed and nothing counts: each is one tap to
 * stop, and idle brings the welcome back with nothing of the visit on it (Kiosk.tsx remounts it).
 *
 * Motion stays cheap (bench/kioskMotion.ts): the breathing shape is one pre-softened gradient on
 * its own layer, and only its transform and opacity change, so nothing is repainted. A CSS
 * animation of it re-composited 60 frames a second and cost 24 % of one core with software
 * rendering, stepped five times a second 6 %; it is stepped twice a second (the soft edge grows a
 * few pixels a step) and the breathing screen has no drifting light behind it. Under prefers-reduced-motion it is still. The quiet screen has no motion.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { PracticeInfo, WaitingActivity } from '../../../main/contract/contract.ts';
import type { MessageId } from '../i18n/catalogues.ts';
import { useWords } from '../i18n/I18n.tsx';

const activityWords: Record<WaitingActivity, MessageId> = {
  breathing: 'kiosk.wait.breathing',
  grounding: 'kiosk.wait.grounding',
  rest: 'kiosk.wait.rest',
};

/** The grounding prompts, one at a time: see, feel, hear, smell, taste. */
const groundingPrompts: MessageId[] = ['kiosk.grounding.see', 'kiosk.grounding.feel', 'kiosk.grounding.hear', 'kiosk.grounding.smell', 'kiosk.grounding.taste'];

/** The offer on the thank-you: one button per activity the practice offers, none chosen. */
export function WaitOffer({ offered, onChoose }: { offered: WaitingActivity[]; onChoose: (activity: WaitingActivity) => void }) {
  const { t } = useWords();
  if (offered.length === 0) return null;
  return (
    <div className="kiosk-wait-offer" role="group" aria-labelledby="wait-offer-title">
      <p id="wait-offer-title" className="kiosk-wait-offer-lead">
        {t('kiosk.wait.offer')}
      </p>
      <div className="choice-row">
        {offered.map((activity) => (
          <button key={activity} type="button" className="choice kiosk-wait-choice" onClick={() => onChoose(activity)}>
            {t(activityWords[activity])}
          </button>
        ))}
      </div>
    </div>
  );
}

/** Whether the client's system asks for reduced motion, following a change while the screen is up. */
function useReducedMotion(): boolean {
  const query = () => (typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-reduced-motion: reduce)') : null);
  const [reduced, setReduced] = useState(() => query()?.matches ?? false);
  useEffect(() => {
    const media = query();
    if (!media) return;
    const changed = () => setReduced(media.matches);
    media.addEventListener?.('change', changed);
    return () => media.removeEventListener?.('change', changed);
  }, []);
  return reduced;
}

/**
 * One waiting screen. `prompt` is where the grounding exercise is (kept by the visit, so "Still
 * there?" coming and going does not send the client back to the first one).
 */
export function WaitingScreen(props: {
  activity: WaitingActivity;
  prompt: number;
  onPrompt: (prompt: number) => void;
  info: PracticeInfo | undefined;
  heading: RefObject<HTMLHeadingElement | null>;
  onStop: () => void;
}) {
  const { activity, prompt, onPrompt, info, heading, onStop } = props;
  const { t } = useWords();
  const reduced = useReducedMotion();
  return (
    <section className={`kiosk-panel kiosk-waiting kiosk-waiting-${activity}`} aria-labelledby="waiting-title">
      <h1 id="waiting-title" tabIndex={-1} ref={heading}>
        {t(activityWords[activity])}
      </h1>
      {activity === 'breathing' && (
        <>
          <p className="kiosk-lead">{reduced ? t('kiosk.breathing.leadStill') : t('kiosk.breathing.lead')}</p>
          {/* Decoration for the eyes: the words above say what to do, so a screen reader is not told of a shape. */}
          <div className="kiosk-breath" aria-hidden="true">
            <BreathShape still={reduced} />
          </div>
        </>
      )}
      {activity === 'grounding' && (
        <>
          <p className="kiosk-lead">{t('kiosk.grounding.lead')}</p>
          {/* Polite: the next prompt is read out when "Next" brings it, without moving focus off the button. */}
          <p className="kiosk-grounding-prompt" aria-live="polite" data-testid="grounding-prompt">
            {prompt < groundingPrompts.length ? t(groundingPrompts[prompt]!) : t('kiosk.grounding.end')}
          </p>
          <div className="choice-row">
            {/* One button whose words change, so focus stays on it from the first prompt to "From the beginning". */}
            <button type="button" className="choice" onClick={() => onPrompt(prompt < groundingPrompts.length ? prompt + 1 : 0)}>
              {prompt < groundingPrompts.length ? t('kiosk.grounding.next') : t('kiosk.grounding.again')}
            </button>
          </div>
        </>
      )}
      {activity === 'rest' && <p className="kiosk-lead">{t('kiosk.rest.lead')}</p>}
      <PracticeInfoNote info={info} />
      <div className="choice-row">
        <button type="button" className="button-primary button-huge" onClick={onStop}>
          {t('kiosk.wait.stop')}
        </button>
      </div>
    </section>
  );
}

/** One breath every 10 s (about six a minute): 5 s growing, 5 s softening. */
export const breathMs = 10_000;
const breathStepMs = 500;

/** How full the breath is at `now`: 0 (out) to 1 (in), a smooth rise and fall with no hold. */
export function breathAt(now: number): number {
  return (1 - Math.cos((2 * Math.PI * (now % breathMs)) / breathMs)) / 2;
}

function BreathShape({ still }: { still: boolean }) {
  const shape = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const place = () => {
      const full = still ? 0.5 : breathAt(Date.now());
      if (!shape.current) return;
      shape.current.style.transform = `scale(${(0.6 + 0.4 * full).toFixed(3)})`;
      shape.current.style.opacity = (0.7 + 0.3 * full).toFixed(3);
    };
    place();
    if (still) return;
    const timer = setInterval(place, breathStepMs);
    return () => clearInterval(timer);
  }, [still]);
  return <span ref={shape} className="kiosk-breath-shape" data-testid="breath-shape" />;
}

/** The practice's own information, only the parts it set; nothing at all when it set none. */
export function PracticeInfoNote({ info }: { info: PracticeInfo | undefined }) {
  const { t } = useWords();
  if (!info) return null;
  const lines: { key: string; text: string }[] = [];
  if (info.wifi) lines.push({ key: 'wifi', text: info.wifi.password ? t('kiosk.info.wifiPassword', { network: info.wifi.network, password: info.wifi.password }) : t('kiosk.info.wifi', { network: info.wifi.network }) });
  if (info.water) lines.push({ key: 'water', text: t('kiosk.info.water', { where: info.water }) });
  if (info.restroom) lines.push({ key: 'restroom', text: t('kiosk.info.restroom', { where: info.restroom }) });
  if (lines.length === 0) return null;
  return (
    <aside className="kiosk-info" aria-labelledby="kiosk-info-title">
      <h2 id="kiosk-info-title">{t('kiosk.info.title')}</h2>
      <ul>
        {lines.map((line) => (
          <li key={line.key}>{line.text}</li>
        ))}
      </ul>
    </aside>
  );
}
