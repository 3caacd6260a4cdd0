/**
 * The practice's own preset folder, where "Save as a preset" writes. It must never stop the hub:
 * a folder that cannot be made is reported and simply holds no presets, and a save that cannot be
 * written (full disk, no right to the folder) is refused in words with nothing changed.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { writeDurably } from '../config/officeFile.ts';
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
    if (own.length >= mostOwnPresets) return refuse('conflict', `The practice already keeps ${mostOwnPresets} presets of its own. Remove one from its preset folder first.`);
    writeDurably(join(folder, `${id}.yaml`), text);
    return ok(null);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    return refuse('unavailable', `The preset could not be saved (${code === 'ENOSPC' ? "the hub's disk is full" : `the preset folder cannot be written: ${code}`}). Nothing was changed.`);
  }
}
