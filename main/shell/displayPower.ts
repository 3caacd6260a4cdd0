/**
 * Applies `displaySchedule.ts` to the kiosk: during opening hours a power-save blocker keeps the
 * display from sleeping; outside them the blocker is released and the page is dimmed with
 * inserted CSS (which the page's CSP does not govern). Inserted CSS belongs to one document, so it
 * is inserted again after every load. The next look is timed to the next boundary, not polled.
 */
import type { PowerSaveBlocker, WebContents } from 'electron';
import { dimmedCss, displayPlanAt, type DisplayState, type OpeningHours } from './displaySchedule.ts';

export interface DisplayPowerWiring {
  hours: OpeningHours | null;
  contents: Pick<WebContents, 'on' | 'insertCSS' | 'removeInsertedCSS' | 'isDestroyed'>;
  powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>;
  log(message: string, fields?: Record<string, string | number | boolean | null>): void;
  now?: () => Date;
}

export interface DisplayPower {
  state(): DisplayState;
  dispose(): void;
}

export function scheduleDisplayPower({ hours, contents, powerSaveBlocker, log, now = () => new Date() }: DisplayPowerWiring): DisplayPower {
  let state: DisplayState | null = null;
  let blockerId: number | null = null;
  let cssKey: Promise<string> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const undim = () => {
    const key = cssKey;
    cssKey = null;
    if (key && !contents.isDestroyed()) void key.then((value) => contents.removeInsertedCSS(value)).catch(() => undefined);
  };
  const dim = () => {
    if (contents.isDestroyed()) return;
    cssKey = contents.insertCSS(dimmedCss, { cssOrigin: 'user' });
    cssKey.catch(() => undefined);
  };

  function apply(next: DisplayState): void {
    if (next === state) return;
    state = next;
    log('kiosk display', { state: next });
    if (next === 'awake') {
      if (blockerId === null || !powerSaveBlocker.isStarted(blockerId)) blockerId = powerSaveBlocker.start('prevent-display-sleep');
      undim();
    } else {
      if (blockerId !== null) powerSaveBlocker.stop(blockerId);
      blockerId = null;
      dim();
    }
  }

  function evaluate(): void {
    if (disposed) return;
    const plan = displayPlanAt(hours, now());
    apply(plan.state);
    // The floor keeps a timer that fires a hair early from turning into a burst of re-checks.
    if (plan.checkInMs !== null) timer = setTimeout(evaluate, Math.max(1_000, plan.checkInMs));
  }

  // A load (reload, crash recovery, the calm page) starts a document without the inserted CSS.
  contents.on('did-finish-load', () => {
    if (state === 'dimmed') dim();
  });
  evaluate();

  return {
    state: () => state ?? 'awake',
    dispose() {
      disposed = true;
      clearTimeout(timer);
      if (blockerId !== null) powerSaveBlocker.stop(blockerId);
      blockerId = null;
    },
  };
}
