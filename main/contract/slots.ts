/**
 * The appointment choices the kiosk offers around now, on the practice's own slot length: the slot
 * that has begun, the next two, and "later today". With 15-minute slots at 15:38 that is 3:30,
 * 3:45, 4:00; with 50-minute hours (slotMinutes 10) a 3:50 appointment is among them. No typing,
 * no clock to read.
 */
import type { Slot } from './contract.ts';

export function slotChoices(now: Date, slotMinutes = 30): Slot[] {
  const minutes = now.getHours() * 60 + now.getMinutes();
  const current = Math.floor(minutes / slotMinutes) * slotMinutes;
  const times = [0, 1, 2].map((n) => (current + n * slotMinutes) % (24 * 60));
  return [...times.map((time) => ({ kind: 'at', time: clockTime(time) }) as const), { kind: 'later' }];
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
