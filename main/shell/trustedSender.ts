/**
 * Whether an IPC message comes from a frame we trust, decided before anything else is read from
 * it. IPC without this check is exploitable even with the sandbox on: Electron advisory
 * GHSA-mq8j-3h7h-p8g7 (https://github.com/electron/electron/security/advisories/GHSA-mq8j-3h7h-p8g7).
 */
import { isSameOrigin } from './appProtocol.ts';

/** The part of Electron's `WebFrameMain` the decision needs. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * Trusted: a frame exists (Electron gives null after the frame navigated away or was destroyed),
 * it is a main frame (no parent), and it shows a page of the app's own origin.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, appOrigin: string): boolean {
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  return isSameOrigin(frame.url, appOrigin);
}
