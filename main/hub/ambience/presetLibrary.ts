/**
 * Loads the presets: every `*.yaml` in the built-in folder, then the user folder, where a preset with
 * a built-in's id replaces it. A bad file is reported (`calm.yaml: lights.ceiling.brightness: must be
 * at most 100`) and skipped; the others still load. `watchPresetLibrary` reloads on every change.
 */
import { readdirSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { Slug } from '../../contract/contract.ts';
import { describeIssue } from '../../contract/issues.ts';
import { Listeners } from '../listeners.ts';
import type { Log } from '../log.ts';
import { PresetFile, type Preset } from './presetSchema.ts';

export interface PresetProblem {
  /** The file's full path. */
  file: string;
  /** Starts with the file name, then the field and the reason. */
  message: string;
}

export interface PresetLibrary {
  presets: Map<string, Preset>;
  /** The file each preset was read from (full path), so admin can change or remove the practice's own. */
  files: Map<string, string>;
  problems: PresetProblem[];
}

const isPresetFile = (name: string) => extname(name) === '.yaml' || extname(name) === '.yml';

/** A preset from a file's text, or the reasons it is not one (without the file name). */
export function parsePreset(text: string, fileName: string): { preset: Preset } | { problems: string[] } {
  // With prettyErrors off, yaml leaves `linePos` unset; the line counter gives the line back.
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, lineCounter });
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) => {
        const line = lineCounter.linePos(error.pos[0]);
        return `${line ? `line ${line.line}, column ${line.col}: ` : ''}this is not valid YAML (${error.message.split('\n')[0]})`;
      }),
    };
  }
  const content: unknown = document.toJS();
  if (content === null || content === undefined) return { problems: ['the file is empty'] };
  const parsed = PresetFile.safeParse(content, { reportInput: true });
  if (!parsed.success) return { problems: parsed.error.issues.map(describeIssue) };
  const { id, ...preset } = parsed.data;
  const resolvedId = id ?? basename(fileName, extname(fileName));
  if (!Slug.safeParse(resolvedId).success) {
    return { problems: ['id: the file name is not a usable id; rename the file (lowercase letters, digits, dashes) or add an id field'] };
  }
  return { preset: { id: resolvedId, ...preset } };
}

function presetFilesIn(folder: string): string[] {
  try {
    return readdirSync(folder).filter(isPresetFile).sort().map((name) => join(folder, name));
  } catch (error) {
    // A user folder that does not exist yet simply holds no presets.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Reads every preset in `folders`, built-in first: a later folder's preset replaces an earlier one with the same id. */
export function loadPresetLibrary(folders: readonly string[]): PresetLibrary {
  const presets = new Map<string, Preset>();
  const files = new Map<string, string>();
  const problems: PresetProblem[] = [];
  for (const folder of folders) {
    const fileOfId = new Map<string, string>();
    for (const file of presetFilesIn(folder)) {
      const name = basename(file);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        problems.push({ file, message: `${name}: the file cannot be read` });
        continue;
      }
      const result = parsePreset(text, name);
      if ('problems' in result) {
        problems.push(...result.problems.map((problem) => ({ file, message: `${name}: ${problem}` })));
        continue;
      }
      const other = fileOfId.get(result.preset.id);
      if (other) {
        problems.push({ file, message: `${name}: id: "${result.preset.id}" is already used by ${other}` });
        continue;
      }
      fileOfId.set(result.preset.id, name);
      presets.set(result.preset.id, result.preset);
      files.set(result.preset.id, file);
    }
  }
  return { presets, files, problems };
}

/** Several writes arrive as several events; one reload after they settle is enough. */
const debounceMs = 100;

/**
 * Reloads the library whenever a file in `folders` changes and hands the result to `onChange`.
 * Folders that do not exist are not watched. Returns a function that stops watching.
 */
export function watchPresetLibrary(folders: readonly string[], onChange: (library: PresetLibrary) => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    clearTimeout(timer);
    timer = setTimeout(() => onChange(loadPresetLibrary(folders)), debounceMs);
  };
  const watchers: FSWatcher[] = [];
  for (const folder of folders) {
    try {
      // An error (the folder removed) only ends that watch; the presets already loaded stay.
      watchers.push(watch(folder, reload).on('error', () => undefined));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}

/** The library as the running hub holds it: always the latest load, with every skipped file logged. */
export interface LivePresetLibrary {
  current(): PresetLibrary;
  /** Reads the folders again now (after the hub wrote a preset itself), without waiting for the watch. */
  reload(): void;
  onReload(listener: () => void): () => void;
  close(): void;
}

export function openPresetLibrary(folders: readonly string[], log: Log): LivePresetLibrary {
  const reloaded = new Listeners<[]>();
  const reportProblems = (library: PresetLibrary) => library.problems.forEach((problem) => log.warn('preset skipped', { file: problem.file, problem: problem.message }));
  let library = loadPresetLibrary(folders);
  reportProblems(library);
  const take = (next: PresetLibrary) => {
    library = next;
    log.info('presets reloaded', { presets: library.presets.size, problems: library.problems.length });
    reportProblems(library);
    reloaded.emit();
  };
  const stop = watchPresetLibrary(folders, take);
  return { current: () => library, reload: () => take(loadPresetLibrary(folders)), onReload: (listener) => reloaded.add(listener), close: stop };
}
