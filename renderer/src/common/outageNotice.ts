/**
 * What a staff screen says after a tap that failed because the hub could not be reached. Nothing
 * retries such a tap by itself, so once the hub is back the screen must not keep saying it "can't
 * be reached", nor pretend the tap was done: it says the hub is back, that what it shows now is
 * true, and what to check (issue 14, outage truth).
 */
import type { ApiError } from '../../../main/contract/contract.ts';

export interface Notice {
  words: string;
  /** The hub could not be reached (or did not answer in time) for this tap. */
  offline: boolean;
}

export const noticeFor = (error: ApiError): Notice => ({ words: error.message, offline: error.code === 'unavailable' });

const backWords = {
  board: 'The hub is back. The board shows what is true now; please check what you tapped while it was away.',
  room: 'The hub is back. The room shows what is set now; if what you tapped while it was away is not there, please tap it again.',
};

/** The notice to keep once the live link is back: an outage's notice becomes the "hub is back" words. */
export function noticeAfterReconnect(notice: Notice | null, surface: keyof typeof backWords): Notice | null {
  return notice?.offline ? { words: backWords[surface], offline: false } : notice;
}
