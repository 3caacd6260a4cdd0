/**
 * The office file as the running hub keeps it: the source of truth, changed in place.
 *
 * A change from the admin surface is made on the file's own YAML document (the `yaml` library's
 * Document API), so every comment, the order of the keys and the author's layout survive; the
 * result is validated by the very parser start-up uses, and only then written: to a temporary
 * file beside it, flushed to disk, and renamed over it, with the previous version kept as
 * `<name>.previous`. A crash at any moment leaves either the old file or the new one, never half.
 *
 * A hand edit while the hub runs is noticed (the folder is watched; a burst of writes from an
 * editor is taken as one) and applied like an admin change, or, if it has a mistake, refused with
 * the line-numbered problem while the hub keeps the version it runs.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, watch, writeSync, type FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { Listeners } from '../listeners.ts';
import { keepLayout } from './keepLayout.ts';
import type { Log } from '../log.ts';
import { refuse, ok, type Result } from '../result.ts';
import { ConfigError, parseOfficeConfig, type ConfigProblem } from './loadConfig.ts';
import type { OfficeConfig } from './officeConfig.ts';

/** Where a change came from: the admin surface, or someone editing the file. */
export type ChangeSource = 'admin' | 'hand-edit';

export interface OfficeFileOptions {
  log: Log;
  /** How long a burst of file events must be quiet before the file is read again. */
  debounceMs?: number;
  /** Runs after the new version is on disk under its temporary name, before the rename (tests crash here). */
  beforeRename?: (temporaryFile: string) => void;
  /** False: the file is shown but never written (the bundled demo office). */
  writable?: boolean;
}

/** A hand edit that could not be used: what is wrong and where, as `office.yaml:12: …` lines. */
export interface FileProblem {
  at: number;
  problems: ConfigProblem[];
  message: string;
}

export interface OfficeFile {
  readonly path: string;
  /** The configuration the hub runs now. */
  current(): OfficeConfig;
  /**
   * Applies `edit` to the file's YAML document, validates the result and writes it atomically.
   * A refusal names the field; nothing is written and the running version stays.
   */
  change(edit: (document: Document) => Result<void> | void): Result<OfficeConfig>;
  /** The last hand edit that was refused, until the file is valid again. */
  problem(): FileProblem | null;
  onChange(listener: (config: OfficeConfig, source: ChangeSource) => void): () => void;
  onProblem(listener: (problem: FileProblem | null) => void): () => void;
  close(): void;
}

export const demoOfficeRefusal = 'This is the demo office, which cannot be changed. Set up your own practice to make changes.';

/** Long lines stay on one line, as people write them. */
const renderOptions = { lineWidth: 0 } as const;

/** The temporary name a new version is written under; a leftover one is never read. */
const temporaryName = (file: string) => join(dirname(file), `.${basename(file)}.writing`);
export const previousName = (file: string) => `${file}.previous`;

/** Writes `text` to `file` so that a crash leaves the old file or the new one, never half of either. */
export function writeDurably(file: string, text: string, beforeRename?: (temporaryFile: string) => void): void {
  const temporary = temporaryName(file);
  writeAndFlush(temporary, text, 0o640);
  beforeRename?.(temporary);
  if (existsSync(file)) copyFileSync(file, previousName(file));
  renameSync(temporary, file);
  // The rename itself is durable once the folder is flushed (POSIX; Windows has no folder handle).
  if (process.platform !== 'win32') {
    const folder = openSync(dirname(file), 'r');
    try {
      fsyncSync(folder);
    } finally {
      closeSync(folder);
    }
  }
}

/** Writes `text` to a new file (or over one) and flushes it to the disk before returning. */
export function writeAndFlush(file: string, text: string, mode: number): void {
  const handle = openSync(file, 'w', mode);
  try {
    writeSync(handle, text);
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
}

function describe(error: unknown, file: string): ConfigProblem[] {
  if (error instanceof ConfigError) return error.problems;
  return [{ message: `${basename(file)} could not be read (${error instanceof Error ? error.message : String(error)})` }];
}

/** Opens `file` (which must be valid: start-up has already said what is wrong otherwise). */
export function openOfficeFile(file: string, options: OfficeFileOptions): OfficeFile {
  const { log, debounceMs = 250, writable = true } = options;
  let text = readFileSync(file, 'utf8');
  let config = parseOfficeConfig(text, file);
  let problem: FileProblem | null = null;
  const changed = new Listeners<[OfficeConfig, ChangeSource]>();
  const problemChanged = new Listeners<[FileProblem | null]>();
  // An editor that crashed mid-save, or a hub killed mid-write, may leave this behind.
  rmSync(temporaryName(file), { force: true });

  const setProblem = (next: FileProblem | null) => {
    if (next === null && problem === null) return;
    problem = next;
    problemChanged.emit(next);
  };

  function readHandEdit(): void {
    let next: string;
    try {
      next = readFileSync(file, 'utf8');
    } catch {
      return; // An editor that replaces the file removes it for a moment; the next event brings it back.
    }
    if (next === text) return;
    try {
      const parsed = parseOfficeConfig(next, file);
      text = next;
      config = parsed;
      setProblem(null);
      log.info('the office file was edited by hand and is now in use', { file: basename(file) });
      changed.emit(config, 'hand-edit');
    } catch (error) {
      const problems = describe(error, file);
      const message = error instanceof ConfigError ? error.message : problems.map((each) => each.message).join('\n');
      log.warn('the office file was edited by hand but has a mistake; the hub keeps the version it runs', { file: basename(file), problem: message.slice(0, 500) });
      setProblem({ at: Date.now(), problems, message });
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | null = null;
  try {
    // The folder, not the file: an editor (and this module) replaces the file by renaming.
    watcher = watch(dirname(file), { persistent: false }, (_event, name) => {
      if (name !== null && name !== basename(file)) return;
      clearTimeout(timer);
      timer = setTimeout(readHandEdit, debounceMs);
    });
    watcher.on('error', (error) => log.warn('the office file is no longer watched for hand edits', { problem: error.message }));
  } catch (error) {
    log.warn('the office file cannot be watched for hand edits; restart the hub after editing it', { problem: (error as Error).message });
  }

  return {
    path: file,
    current: () => config,
    problem: () => problem,
    change(edit) {
      if (!writable) return refuse('not-allowed', demoOfficeRefusal);
      if (problem) return refuse('conflict', `The office file was edited by hand and has a mistake, so it cannot be changed here until that is fixed:\n${problem.message}`);
      const document = parseDocument(text);
      const unchanged = document.toString(renderOptions);
      const edited = edit(document);
      if (edited && !edited.ok) return edited;
      const next = keepLayout(text, unchanged, document.toString(renderOptions));
      let parsed: OfficeConfig;
      try {
        parsed = parseOfficeConfig(next, file);
      } catch (error) {
        return refuse('invalid-input', describe(error, file).map((each) => each.message).join('\n'));
      }
      try {
        writeDurably(file, next, options.beforeRename);
      } catch (error) {
        log.error('the office file could not be written', { file: basename(file), problem: (error as Error).message });
        return refuse('unavailable', `The change could not be saved: the office file cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'}). Nothing was changed.`);
      }
      text = next;
      config = parsed;
      changed.emit(config, 'admin');
      return ok(config);
    },
    onChange: (listener) => changed.add(listener),
    onProblem: (listener) => problemChanged.add(listener),
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
