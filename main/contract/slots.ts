/**
 * The appointment choices the kiosk offers around now: the half-hour slot that has begun, the next
 * one, and "a bit later". No typing, no clock to read.
 */
import type { Slot } from './contract.ts';

export function slotChoices(now: Date): Slot[] {
  const minutes = now.getHours() * 60 + now.getMinutes();
  const current = Math.floor(minutes / 30) * 30;
  const next = (current + 30) % (24 * 60);
  return [
    { kind: 'at', time: clockTime(current) },
    { kind: 'at', time: clockTime(next) },
    { kind: 'later' },
  ];
}

function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "2:30" for `{kind:'at', time:'14:30'}`: how notifications and the desk say a slot. */
export function slotWords(slot: Slot): string {
  if (slot.kind === 'later') return 'later';
  if (slot.kind === 'unsure') return 'no time given';
  const [hours, minutes] = slot.time.split(':').map(Number) as [number, number];
  return `${hours % 12 === 0 ? 12 : hours % 12}:${String(minutes).padStart(2, '0')}`;
}
