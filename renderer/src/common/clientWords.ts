/**
 * How staff surfaces name a waiting client: only by whose client it is and the slot's time, the
 * same words a locked phone may show (privacy rule 4). There is nothing else to name them by.
 */
import type { Arrival } from '../../../main/contract/contract.ts';
import { slotWords } from '../../../main/contract/slots.ts';

/** "Your 2:30 client", "Sam's 2:30 client", "your client", "Sam's client". */
export function clientWords(arrival: Pick<Arrival, 'slot'>, owner: string | null): string {
  const whose = owner === null ? 'Your' : `${owner}’s`;
  return arrival.slot.kind === 'at' ? `${whose} ${slotWords(arrival.slot)} client` : `${whose} client`;
}

/** "1 minute", "12 minutes". */
export function minutesWords(minutes: number): string {
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
