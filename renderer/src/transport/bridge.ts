/**
 * Picks the transport once at start-up: Electron's preload bridge when the window has one, HTTP
 * otherwise. Surfaces receive the bridge and never know which it is. Every call has a deadline
 * (deadline.ts); the kiosk narrows it to the practice's own.
 */
import type { StillroomBridge } from '../../../main/contract/contract.ts';
import { createHttpBridge, type HttpBridge } from './httpBridge.ts';
import { defaultDeadlineSeconds, withDeadline } from './deadline.ts';

declare global {
  interface Window {
    stillroom?: StillroomBridge;
  }
}

export type Bridge = StillroomBridge & { signIn?: HttpBridge['signIn']; signOut?: HttpBridge['signOut'] };

export function chooseBridge(): Bridge {
  return withDeadline(window.stillroom ?? createHttpBridge(), defaultDeadlineSeconds);
}
