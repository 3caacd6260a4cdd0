/**
 * How an arrival's status may move. The desk can correct a mistake with "undo"; these rules are
 * about what a single tap may do.
 */
import type { ArrivalStatus } from './contract.ts';

const allowed: Record<ArrivalStatus, readonly ArrivalStatus[]> = {
  waiting: ['with-clinician', 'cancelled'],
  'with-clinician': ['done', 'cancelled'],
  done: [],
  cancelled: [],
};

export function canMove(from: ArrivalStatus, to: ArrivalStatus): boolean {
  return allowed[from].includes(to);
}

export function nextStatuses(from: ArrivalStatus): readonly ArrivalStatus[] {
  return allowed[from];
}

export const statusWords: Record<ArrivalStatus, string> = {
  waiting: 'waiting',
  'with-clinician': 'with clinician',
  done: 'done',
  cancelled: 'cancelled',
};
