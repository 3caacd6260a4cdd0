/**
 * The hub's own troubles, kept so nothing that fails in the background (a log write, the outbox's
 * bookkeeping, a timer, a device callback) can end the process: each is caught where it happens
 * and recorded here, counted, logged once by its kind, and shown to the desk in words until the
 * same kind of work succeeds again.
 */
import type { Log } from '../log.ts';

export type FaultKind = 'disk-full' | 'no-descriptors' | 'storage' | 'unexpected';
/** Not a failure but news for the desk: something on the network is misbehaving. */
export type NoticeKind = 'pin-guessing' | 'check-in-surge' | 'database-replaced';

const words: Record<FaultKind | NoticeKind, string> = {
  'pin-guessing': 'Many wrong staff PINs were tried in the last few minutes. If that was not staff, someone may be guessing: PIN sign-in is slowed for the whole hub. A longer PIN (6 digits or more) makes guessing hopeless.',
  'database-replaced': "The hub's database was damaged, so the hub set it aside (kept for your technician) and started a fresh one. Anyone who checked in before that may be missing from the board: please look in the waiting room.",
  'check-in-surge': 'Far more check-ins than usual arrived in the last few minutes. If these are not real clients, remove them one by one from the board; the kiosk is slowed meanwhile.',
  'disk-full': "The hub's disk is full: check-ins are held. Please free some space or call your technician; clients should let the front desk know they are here.",
  'no-descriptors': 'The hub is handling too many connections at once and is turning new ones away. It recovers by itself when they close.',
  storage: "The hub could not write to its database. Check-ins may not be saved; please note arrivals at the desk.",
  unexpected: 'Something went wrong inside the hub; it kept running. If this stays, restart the hub.',
};

/** What kind of trouble an error is, from its code (SQLite's and the operating system's). */
export function faultKind(error: unknown): FaultKind {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  if (code === 'EMFILE' || code === 'ENFILE') return 'no-descriptors';
  if (code.startsWith('SQLITE_')) return 'storage';
  return 'unexpected';
}

export interface HubFaults {
  /** Records a caught failure of `where` (a short fixed name such as `outbox`); returns its kind. */
  record(where: string, error: unknown): FaultKind;
  /** Tells the desk of `kind` until it is `recovered`. */
  notice(kind: NoticeKind, where: string): void;
  /** The work of this kind succeeded again (or the notice is over): the desk stops being told. */
  recovered(kind: FaultKind | NoticeKind): void;
  /** Failures caught since start. */
  count(): number;
  /** The newest open problem in words, or null when all is well. */
  problem(): string | null;
  /** True while the disk is known to be full. */
  diskFull(): boolean;
  onChange(listener: () => void): void;
}

export function createHubFaults(log: Log): HubFaults {
  const open = new Map<FaultKind | NoticeKind, number>();
  let total = 0;
  const listeners: (() => void)[] = [];
  const changed = () => {
    for (const listener of listeners) {
      try {
        listener();
      } catch {
        // A listener's own failure is not a reason to stop telling the others.
      }
    }
  };
  return {
    record(where, error) {
      const kind = faultKind(error);
      total += 1;
      const first = !open.has(kind);
      open.set(kind, (open.get(kind) ?? 0) + 1);
      // Only the code and a fixed name: an error message can carry text the hub did not write.
      const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code).slice(0, 40) : 'none';
      if (first) log.error('the hub caught a failure and kept running', { where, kind, code });
      if (first) changed();
      return kind;
    },
    notice(kind, where) {
      if (open.has(kind)) return;
      open.set(kind, 1);
      log.warn('the desk was told', { where, kind });
      changed();
    },
    recovered(kind) {
      if (!open.delete(kind)) return;
      log.info('the hub recovered', { kind });
      changed();
    },
    count: () => total,
    problem() {
      const kinds = [...open.keys()];
      const worst = (['disk-full', 'storage', 'database-replaced', 'no-descriptors', 'pin-guessing', 'check-in-surge', 'unexpected'] as const).find((kind) => kinds.includes(kind));
      return worst ? words[worst] : null;
    },
    diskFull: () => open.has('disk-full'),
    onChange: (listener) => void listeners.push(listener),
  };
}
