/**
 * Every request ends: a call the hub has not answered within its deadline resolves as
 * `unavailable` with words a person understands, so no screen spins for ever (issue 13). The late
 * answer, if it ever comes, is dropped; a kiosk retry carries the visit's key so the hub keeps one
 * arrival however many attempts reached it. Works the same over HTTP and the Electron preload.
 */
import type { ApiError, CallResult, Input, Output, ProcedureName } from '../../../main/contract/contract.ts';
import type { Bridge } from './bridge.ts';

/** Desk and room screens: a change that takes longer than this has failed, and says so. */
export const defaultDeadlineSeconds = 8;

export const lateAnswer: ApiError = { code: 'unavailable', message: "The hub didn't answer in time, so this may not have been saved. Please try again." };

export function isLateAnswer(error: ApiError): boolean {
  return error.code === 'unavailable' && error.message === lateAnswer.message;
}

export function beforeDeadline<T>(answer: Promise<CallResult<T>>, seconds: number): Promise<CallResult<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<CallResult<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: lateAnswer }), seconds * 1000);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

/** The same bridge, with every call (and the PIN sign-in and sign-out) bounded by `seconds`. */
export function withDeadline(bridge: Bridge, seconds: number): Bridge {
  return {
    call<P extends ProcedureName>(name: P, input: Input<P>): Promise<CallResult<Output<P>>> {
      return beforeDeadline(bridge.call(name, input), seconds);
    },
    subscribe: (topic, onEvent, onStatus) => bridge.subscribe(topic, onEvent, onStatus),
    ...(bridge.signIn ? { signIn: (pin: string) => beforeDeadline(bridge.signIn!(pin), seconds) } : {}),
    ...(bridge.signOut ? { signOut: () => beforeDeadline(bridge.signOut!(), seconds) } : {}),
  };
}
