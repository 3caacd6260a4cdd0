/** How surfaces say slots and wishes in words. */
import type { ComfortWish, Slot } from '../../../main/contract/contract.ts';

export function slotLabel(slot: Slot): string {
  // Plain words that translate; "a bit later" was an idiom (issue 14).
  if (slot.kind === 'later') return 'Later today';
  if (slot.kind === 'unsure') return 'Not sure';
  const [hours, minutes] = slot.time.split(':').map(Number) as [number, number];
  return new Date(2000, 0, 1, hours, minutes).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
}

export const wishWords: Record<ComfortWish, string> = {
  'softer-light': 'Softer light',
  'quieter-room': 'A quieter room',
  'background-sound': 'Some background sound',
};

export function clockLabel(time: number): string {
  return new Date(time).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
}
