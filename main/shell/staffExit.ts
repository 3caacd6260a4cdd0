/**
 * The hidden way out of the kiosk for staff: hold a finger (or the mouse) in the top-left corner
 * for three seconds, then enter the admin PIN. Nothing on screen hints at it, and a client who
 * finds it by accident meets a PIN pad that slows down guessing.
 *
 * Electron's `input-event` carries coordinates for mouse events only (touch events arrive with a
 * type and modifiers alone), so the kiosk's preload forwards trusted pointer events, which cover
 * touch and mouse alike, and this machine decides on them.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { PinThrottle } from '../hub/staff/pinThrottle.ts';

/** Long enough that resting a hand on the frame or a slow tap never opens it. */
export const longPressMs = 3_000;
/** A corner a fingertip finds without looking, small enough that the page's own buttons stay clear of it. */
export const cornerSizePx = 80;
/** The PIN pad closes itself after a minute untouched, so it is never left open in the waiting room. */
export const staffExitIdleMs = 60_000;
/**
 * The app's exit status after a staff exit. systemd (`RestartPreventExitStatus=`) and Windows
 * Shell Launcher (a custom return code) restart the kiosk after any other exit, but not this one.
 */
export const staffExitStatus = 10;
/**
 * The kiosk unit's session script (packaging/linux/kiosk-session) names a file here; the staff
 * exit writes it, and the script ends the unit with `staffExitStatus` on seeing it. cage 0.1.4
 * (Debian 12, Raspberry Pi OS bookworm) exits 0 whatever its client returned, so the app's own
 * exit status never reaches systemd.
 */
export const staffExitMarkVariable = 'STILLROOM_STAFF_EXIT_MARK';

export function markStaffExit(env: Readonly<Record<string, string | undefined>>, log: (message: string, fields?: Record<string, string>) => void, write: (file: string, text: string) => void = (file, text) => writeFileSync(file, text, { mode: 0o600 })): void {
  const file = env[staffExitMarkVariable];
  if (!file) return;
  try {
    write(file, `${new Date().toISOString()}\n`);
  } catch (error) {
    log('the staff exit could not leave its mark; the kiosk unit will start the kiosk again', { file, error: error instanceof Error ? error.message : String(error) });
  }
}

/** One caller for the throttle: every try comes from the same kiosk screen. */
export const staffExitCaller = 'kiosk staff exit';

/** What the preload forwards: a trusted pointer event in the page's CSS pixels. */
export const PointerMessage = z.strictObject({
  kind: z.enum(['down', 'move', 'up', 'cancel']),
  x: z.number(),
  y: z.number(),
  pointerId: z.number().int(),
});
export type PointerMessage = z.infer<typeof PointerMessage>;

/** A pointer event with the main process's clock time of arrival. */
export type PointerSample = PointerMessage & { at: number };

export type PressState = { phase: 'idle' } | { phase: 'pressing'; pointerId: number; since: number };

export type PressEffect =
  | { type: 'none' }
  /** Call `pressTimeout` after `ms`: no event arrives at the moment the press becomes long. */
  | { type: 'wait'; ms: number }
  | { type: 'cancel' }
  | { type: 'ask-pin' };

export interface PressStep {
  state: PressState;
  effect: PressEffect;
}

export const idle: PressState = { phase: 'idle' };

export function inCorner(x: number, y: number): boolean {
  return x >= 0 && y >= 0 && x < cornerSizePx && y < cornerSizePx;
}

/** The next state after a pointer event. A second finger, leaving the corner or letting go early cancels. */
export function pressStep(state: PressState, sample: PointerSample): PressStep {
  if (state.phase === 'idle') {
    if (sample.kind === 'down' && inCorner(sample.x, sample.y)) {
      return { state: { phase: 'pressing', pointerId: sample.pointerId, since: sample.at }, effect: { type: 'wait', ms: longPressMs } };
    }
    return { state, effect: { type: 'none' } };
  }
  if (sample.pointerId !== state.pointerId) {
    return sample.kind === 'down' ? { state: idle, effect: { type: 'cancel' } } : { state, effect: { type: 'none' } };
  }
  switch (sample.kind) {
    case 'move':
      return inCorner(sample.x, sample.y) ? { state, effect: { type: 'none' } } : { state: idle, effect: { type: 'cancel' } };
    case 'up':
      // A late timer must not lose a press that was held long enough.
      return { state: idle, effect: sample.at - state.since >= longPressMs ? { type: 'ask-pin' } : { type: 'cancel' } };
    case 'cancel':
    case 'down':
      return { state: idle, effect: { type: 'cancel' } };
  }
}

/** The timer set by a `wait` effect has fired. */
export function pressTimeout(state: PressState, now: number): PressStep {
  if (state.phase === 'pressing' && now - state.since >= longPressMs) return { state: idle, effect: { type: 'ask-pin' } };
  if (state.phase === 'pressing') return { state, effect: { type: 'wait', ms: longPressMs - (now - state.since) } };
  return { state, effect: { type: 'none' } };
}

/** What the PIN pad sends on `stillroom:staff-exit`. */
export const StaffExitRequest = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('submit'), pin: z.string().regex(/^\d{4,12}$/) }),
  z.strictObject({ action: z.literal('cancel') }),
]);
export type StaffExitRequest = z.infer<typeof StaffExitRequest>;

export type StaffExitReply = { ok: true } | { ok: false; message: string; retryAfterSeconds?: number };

/**
 * Checks a PIN from the pad: refused unread while the throttle says wait, otherwise verified, and
 * a wrong PIN makes the next wait longer. `ok: true` means the app may quit.
 */
export async function checkStaffExitPin(pin: string, throttle: Pick<PinThrottle, 'waitSeconds' | 'recordFailure' | 'recordSuccess'>, verifyPin: (pin: string) => Promise<boolean>): Promise<StaffExitReply> {
  const wait = throttle.waitSeconds(staffExitCaller);
  if (wait > 0) return { ok: false, message: `Too many tries. Please wait ${wait} seconds.`, retryAfterSeconds: wait };
  let matches: boolean;
  try {
    matches = await verifyPin(pin);
  } catch {
    return { ok: false, message: 'The PIN could not be checked just now. Please try again.' };
  }
  if (matches) {
    throttle.recordSuccess(staffExitCaller);
    return { ok: true };
  }
  throttle.recordFailure(staffExitCaller);
  const nextWait = throttle.waitSeconds(staffExitCaller);
  return nextWait > 0
    ? { ok: false, message: `That PIN didn't match. Please wait ${nextWait} seconds.`, retryAfterSeconds: nextWait }
    : { ok: false, message: "That PIN didn't match." };
}
