/**
 * The practice's own preset folder, where "Save as a preset" writes. It must never stop the hub:
 * a folder that cannot be made is reported and simply holds no presets, and a save that cannot be
 * written (full disk, no right to the folder) is refused in words with nothing changed.
 */
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { extname, join } from 'node:path';
import { previousName, writeDurably } from '../config/officeFile.ts';
import type { Log } from '../log.ts';
import { ok, refuse, type Result } from '../result.ts';

/** Enough for any practice; a room PIN cannot fill every room screen with thousands of cards. */
export const mostOwnPresets = 100;

export function preparePresetFolder(folder: string, log: Log): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    log.warn("the practice's preset folder cannot be made: it holds no presets, and saving one will say why", { folder, code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
  }
}

export function writeOwnPreset(folder: string, id: string, text: string): Result<null> {
  try {
    const own = readdirSync(folder).filter((name) => extname(name) === '.yaml' || extname(name) === '.yml');
    if (own.length >= mostOwnPresets) return refuse('conflict', `The practice already keeps ${mostOwnPresets} presets of its own. Delete one in the admin page’s Presets first.`);
    writeDurably(join(folder, `${id}.yaml`), text);
    return ok(null);
  } catch (error) {
    return refuse('unavailable', cannotWrite('saved', error));
  }
}

const cannotWrite = (what: string, error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
  return `The preset could not be ${what} (${code === 'ENOSPC' ? "the hub's disk is full" : `the preset folder cannot be written: ${code}`}). Nothing was changed.`;
};

/** Writes a changed preset over its file (atomically, the version before kept as `<file>.previous`). */
export function replaceOwnPreset(file: string, text: string): Result<null> {
  try {
    writeDurably(file, text);
    return ok(null);
  } catch (error) {
    return refuse('unavailable', cannotWrite('saved', error));
  }
}

/**
 * Deletes a preset of the practice's own by renaming its file to `<file>.previous`, which the
 * library never reads: one rename, so a crash leaves the preset there or gone, and a preset deleted
 * by mistake can be given back by renaming the file again.
 */
export function removeOwnPreset(file: string): Result<null> {
  try {
    renameSync(file, previousName(file));
    return ok(null);
  } catch (error) {
    return refuse('unavailable', cannotWrite('deleted', error));
  }
}
