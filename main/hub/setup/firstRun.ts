/**
 * The first run: `stillroom serve --config office.yaml` where the file does not exist yet starts
 * a new office instead of failing. The hub writes a small starter office file (a practice, one
 * room, one clinician to rename: the schema needs one of each), and prints a one-time setup code
 * on the terminal that started it; /admin opens with that code until the first desk or admin PIN
 * is set, and the admin finishes the setup there.
 *
 * Who may run the setup before any PIN exists: Home Assistant's onboarding lets the first comer
 * create the owner (homeassistant/components/onboarding/views.py, UserOnboardingView:
 * `requires_auth = False`, refused with "User step already done" only once the step is done; no
 * check of where the caller is). A kiosk hub is often on the practice's network from its first
 * minute (`--host 0.0.0.0`), so Stillroom is stricter: only someone who can read the terminal
 * (or the service's journal) has the code. It is 12 random digits (10^12 tries; the PIN
 * throttle allows about 20 wrong ones an hour), checked like a PIN (scrypt; throttled per address and
 * hub-wide, each guess counted as wrong before scrypt runs: staffAccess.ts, setupCodeGuessing.test.ts),
 * never written to the log file or the data folder, new at each start, and dead the moment a desk
 * or admin PIN is set: the sessions it opened end then as well (they keep the digest of what opened
 * them).
 */
import { randomInt } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeAndFlush } from '../config/officeFile.ts';
import { hashPin } from '../staff/pin.ts';

/** The office a first run starts from: valid as it is, every line meant to be changed in /admin. */
export const starterOffice = `# This practice's office file, started by Stillroom's first run.
# Finish the setup in the browser at /admin; every change there is written back here,
# keeping your comments.

practice:
  name: Our practice

rooms:
  # Rooms from Home Assistant's areas are added from /admin; this one can go once they are.
  - id: first-room
    name: First room

clinicians:
  # Rename this one in /admin (and give them a room), or retire it once you have added your own.
  - id: first-clinician
    displayName: First clinician
    colour: sage
    symbol: leaf
`;

/**
 * Writes the starter office to `path` when nothing is there (never over a file: an existing one,
 * even a broken one, is the admin's and start-up reports its problems). Written beside it and
 * linked into place, so a crash leaves either no file or the whole one. True when it wrote one.
 */
export function createStarterOffice(path: string): boolean {
  if (existsSync(path)) return false;
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.starting`);
  writeAndFlush(temporary, starterOffice, 0o640);
  try {
    // link fails when the file appeared meanwhile (another start): that one wins, untouched.
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}

export interface SetupCode {
  /** Shown once, on the terminal: "1234 5678 9012". */
  shown: string;
  /** What the hub keeps: the scrypt hash of the 12 digits, as a PIN's. */
  hash: string;
}

/** A new one-time setup code: 12 digits from the operating system's random source. */
export async function newSetupCode(): Promise<SetupCode> {
  const digits = Array.from({ length: 12 }, () => String(randomInt(10))).join('');
  return { shown: digits.replace(/(\d{4})(?=\d)/g, '$1 '), hash: await hashPin(digits) };
}
