/**
 * The kiosk's crash-loop breaker, decided without Electron: what to do after the page crashed,
 * hung or the GPU process died, given what happened before. A crash is met with a reload; a
 * page that keeps crashing gets a calm static page and a later retry instead of a flickering
 * screen; a GPU that keeps crashing (known on Raspberry Pi) gets the app restarted without it.
 * https://www.electronjs.org/docs/latest/api/web-contents#event-render-process-gone
 */

/** Why a process ended, as Electron reports it in `render-process-gone` and `child-process-gone`. */
export type ProcessGoneReason = 'clean-exit' | 'abnormal-exit' | 'killed' | 'crashed' | 'oom' | 'launch-failed' | 'integrity-failure' | 'memory-eviction';

/** Something that went wrong with the kiosk, in the order it happened. */
export type Incident =
  | { kind: 'renderer-gone'; at: number; reason: ProcessGoneReason }
  /** Recorded only once the page stayed unresponsive past `unresponsiveGraceMs`. */
  | { kind: 'unresponsive'; at: number }
  | { kind: 'gpu-gone'; at: number; reason: ProcessGoneReason };

/** Three page failures in ten minutes is a loop, not bad luck: a reload will not fix it. */
export const crashLoopLimit = 3;
export const crashLoopWindowMs = 10 * 60_000;
/** First wait on the calm page; doubled for every further failure within the hour. */
export const fallbackFirstRetryMs = 60_000;
/** Never leave the calm page up longer than this before trying the kiosk again. */
export const fallbackMaxRetryMs = 30 * 60_000;
/** How far back failures make the next wait longer, so a page that breaks every retry settles down. */
export const backoffWindowMs = 60 * 60_000;
/** Chromium restarts a crashed GPU process itself; the second crash in five minutes means it will go on crashing. */
export const gpuCrashLimit = 2;
export const gpuCrashWindowMs = 5 * 60_000;
/** A page busy for a few seconds (a large render, garbage collection) usually recovers; longer is a hang. */
export const unresponsiveGraceMs = 10_000;
/** A GPU switched off after crashes is tried again a day later: an update or a reboot may have fixed the driver. */
export const gpuRetryAfterMs = 24 * 60 * 60_000;
/** The Chromium switch that turns the GPU off (Electron passes it through to Chromium). */
export const disableGpuSwitch = '--disable-gpu';

export type RecoveryDecision =
  | { action: 'reload' }
  | { action: 'show-fallback'; retryAt: number }
  | { action: 'relaunch-without-gpu' }
  | { action: 'ignore'; why: string };

export interface RecoveryContext {
  /** The app already runs without the GPU: relaunching again would not help. */
  gpuDisabled: boolean;
}

const isFailure = (incident: Incident): boolean => incident.kind === 'unresponsive' || incident.reason !== 'clean-exit';
const isPageFailure = (incident: Incident): boolean => incident.kind !== 'gpu-gone' && isFailure(incident);
const since = (history: readonly Incident[], from: number, keep: (incident: Incident) => boolean): number =>
  history.filter((incident) => incident.at > from && keep(incident)).length;

/** How long the calm page stays up when `failuresInHour` page failures happened in the last hour. */
export function fallbackDelayMs(failuresInHour: number): number {
  const over = Math.max(0, failuresInHour - crashLoopLimit);
  return Math.min(fallbackMaxRetryMs, fallbackFirstRetryMs * 2 ** over);
}

/**
 * What to do about the latest incident (the last entry of `history`), at `now`. A clean exit is
 * not a failure: it is how a process ends while the app quits or a window closes.
 */
export function decideRecovery(history: readonly Incident[], now: number, context: RecoveryContext): RecoveryDecision {
  const latest = history.at(-1);
  if (!latest) return { action: 'ignore', why: 'nothing happened' };
  if (!isFailure(latest)) return { action: 'ignore', why: 'the process ended cleanly' };

  if (latest.kind === 'gpu-gone') {
    if (context.gpuDisabled) return { action: 'ignore', why: 'already running without the GPU' };
    const gpuCrashes = since(history, now - gpuCrashWindowMs, (incident) => incident.kind === 'gpu-gone' && isFailure(incident));
    if (gpuCrashes >= gpuCrashLimit) return { action: 'relaunch-without-gpu' };
    return { action: 'ignore', why: 'Chromium restarts its GPU process by itself' };
  }

  const recent = since(history, now - crashLoopWindowMs, isPageFailure);
  if (recent < crashLoopLimit) return { action: 'reload' };
  return { action: 'show-fallback', retryAt: now + fallbackDelayMs(since(history, now - backoffWindowMs, isPageFailure)) };
}

/** Local midnight before `now`: "today" as the practice reads it. */
export function startOfLocalDay(now: number): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** The incidents still needed for any decision or for today's count; the rest can go. */
export function keepHistory(history: readonly Incident[], now: number): Incident[] {
  const cutoff = Math.min(now - backoffWindowMs, startOfLocalDay(now));
  return history.filter((incident) => incident.at > cutoff);
}

/** Page crashes, hangs and GPU crashes since local midnight. */
export function crashesToday(history: readonly Incident[], now: number): number {
  return since(history, startOfLocalDay(now) - 1, isFailure);
}

/**
 * Whether this start runs without the GPU: asked for on the command line (a relaunch), or marked
 * in the data folder less than `gpuRetryAfterMs` ago. The mark matters under systemd and cage,
 * where the unit restarts the app with its own command line and a relaunched child is stopped
 * with the old process.
 */
export function gpuDisabledAtStart(argv: readonly string[], markedAt: number | null, now: number): boolean {
  if (argv.includes(disableGpuSwitch)) return true;
  return markedAt !== null && now - markedAt >= 0 && now - markedAt < gpuRetryAfterMs;
}

/** The command line for `app.relaunch` after GPU crashes: the same arguments, with the GPU off once. */
export function relaunchArguments(argv: readonly string[]): string[] {
  return [...argv.filter((arg) => arg !== disableGpuSwitch), disableGpuSwitch];
}

/**
 * The kiosk's health as the desk, MQTT and Home Assistant see it. `up`: the check-in page is
 * showing (not the calm page, not crashed). Times are ISO 8601 so they can go out as they are.
 */
export interface KioskHealth {
  up: boolean;
  crashesToday: number;
  lastReloadAt: string | null;
  showingFallback: boolean;
  gpuDisabled: boolean;
}

export function kioskHealth(state: { history: readonly Incident[]; now: number; up: boolean; showingFallback: boolean; lastReloadAt: number | null; gpuDisabled: boolean }): KioskHealth {
  return {
    up: state.up && !state.showingFallback,
    crashesToday: crashesToday(state.history, state.now),
    lastReloadAt: state.lastReloadAt === null ? null : new Date(state.lastReloadAt).toISOString(),
    showingFallback: state.showingFallback,
    gpuDisabled: state.gpuDisabled,
  };
}
