/**
 * Picks the transport once at start-up: Electron's preload bridge when the window has one, HTTP
 * otherwise. Surfaces receive the bridge and never know which it is.
 */
import type { StillroomBridge } from '../../../main/contract/contract.ts';
import { createHttpBridge, type HttpBridge } from './httpBridge.ts';

declare global {
  interface Window {
    stillroom?: StillroomBridge;
  }
}

export type Bridge = StillroomBridge & { signIn?: HttpBridge['signIn']; signOut?: HttpBridge['signOut'] };

export function chooseBridge(): Bridge {
  return window.stillroom ?? createHttpBridge();
}
