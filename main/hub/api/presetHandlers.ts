/**
 * The admin surface's presets: the practice's own, kept as YAML files in its preset folder, are
 * changed in their files (comments kept, written atomically) and deleted; Stillroom's own can only
 * be hidden from the room screens, a list the office file keeps (`presets.hidden`, written by the
 * office file's writer like every other admin form). Every change is read back by the preset
 * schema first, and the library is reloaded at once so open room screens follow.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PresetName, type AdminPresets } from '../../contract/contract.ts';
import { editPresetText } from '../ambience/presetEdits.ts';
import type { LivePresetLibrary } from '../ambience/presetLibrary.ts';
import { removeOwnPreset, replaceOwnPreset } from '../ambience/practicePresets.ts';
import { putHiddenPresets } from '../config/officeEdits.ts';
import { demoOfficeRefusal, type OfficeFile } from '../config/officeFile.ts';
import type { OfficeConfig } from '../config/officeConfig.ts';
import type { Log } from '../log.ts';
import { ok, refuse, type Result } from '../result.ts';
import type { Handlers } from './createHubApi.ts';

export type PresetProcedure = 'adminPresets' | 'savePreset' | 'deletePreset' | 'hidePreset';

export interface PresetDeps {
  presets: LivePresetLibrary;
  /** The practice's own preset folder (full path): a preset read from a file here is the practice's. */
  ownFolder: string;
  office: OfficeFile;
  /** The configuration the hub runs (its hidden list follows the office file). */
  config: OfficeConfig;
  writable: boolean;
  log: Log;
}

export function createPresetHandlers({ presets, ownFolder, office, config, writable, log }: PresetDeps): Pick<Handlers, PresetProcedure> {
  const isOwn = (id: string) => {
    const file = presets.current().files.get(id);
    return file !== undefined && resolve(dirname(file)) === resolve(ownFolder);
  };
  const roomsEndingWith = (id: string) => config.rooms.filter((room) => room.ambience?.sessionEnd === id).map((room) => room.name);

  function view(): AdminPresets {
    const library = presets.current();
    const hidden = new Set(config.presets.hidden);
    return {
      presets: [...library.presets.values()].map((preset) => ({
        id: preset.id,
        name: preset.name,
        description: preset.description,
        swatch: preset.swatch,
        transitionSeconds: preset.transitionSeconds,
        session: { ...preset.session },
        own: isOwn(preset.id),
        hidden: hidden.has(preset.id),
        endsSessionsIn: roomsEndingWith(preset.id),
      })),
      problems: library.problems.map((problem) => problem.message),
      writable,
    };
  }

  /** The practice's own preset with this id and its file, or why it cannot be changed here. */
  function ownPreset(id: string, change: string): Result<{ file: string; name: string }> {
    if (!writable) return refuse('not-allowed', demoOfficeRefusal);
    const preset = presets.current().presets.get(id);
    if (!preset) return refuse('not-found', 'That preset is no longer there (its file was removed or has a mistake); the list is read again now.');
    if (!isOwn(id)) return refuse('not-allowed', `“${preset.name}” is one of Stillroom’s own presets: it cannot be ${change}, but it can be hidden from the room screens.`);
    return ok({ file: presets.current().files.get(id)!, name: preset.name });
  }

  return {
    adminPresets: async () => ok(view()),

    savePreset: async ({ presetId, name, description, swatch, transitionSeconds, session }) => {
      const found = ownPreset(presetId, 'changed');
      if (!found.ok) return found;
      const named = PresetName.safeParse(name, { reportInput: true });
      // The contract's own words for a name ("keep the name to 40 characters"), as the room screen's save says them.
      if (!named.success) return refuse('invalid-input', `The preset was not saved. name: ${named.error.issues.map((issue) => issue.message).join('; ')}.`);
      const taken = [...presets.current().presets.values()].find((other) => other.id !== presetId && other.name.trim().toLowerCase() === named.data.toLowerCase());
      if (taken) return refuse('conflict', `There is already a preset called “${taken.name}”. Choose another name.`);
      const { file } = found.value;
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return refuse('not-found', 'That preset’s file can no longer be read; the list is read again now.');
      }
      const edited = editPresetText(text, file, { name: named.data, description: description.trim(), swatch: swatch.trim(), transitionSeconds, session });
      if ('problems' in edited) return refuse('invalid-input', `The preset was not saved. ${edited.problems.join('; ')}.`);
      const written = replaceOwnPreset(file, edited.text);
      if (!written.ok) return written;
      log.info('admin changed a preset', { preset: presetId });
      presets.reload();
      return ok(view());
    },

    deletePreset: async ({ presetId }) => {
      const found = ownPreset(presetId, 'deleted');
      if (!found.ok) return found;
      const rooms = roomsEndingWith(presetId);
      if (rooms.length > 0) return refuse('conflict', `The ${rooms.join(' and the ')} end${rooms.length === 1 ? 's' : ''} sessions with “${found.value.name}”. Choose another preset for that in the office file first.`);
      const removed = removeOwnPreset(found.value.file);
      if (!removed.ok) return removed;
      log.info('admin deleted a preset', { preset: presetId });
      presets.reload();
      return ok(view());
    },

    hidePreset: async ({ presetId, hidden }) => {
      const preset = presets.current().presets.get(presetId);
      if (!preset && hidden) return refuse('not-found', 'That preset is no longer there; the list is read again now.');
      if (preset && isOwn(presetId)) return refuse('not-allowed', `“${preset.name}” is one of the practice’s own presets: delete it instead, or keep it.`);
      const next = hidden ? [...new Set([...config.presets.hidden, presetId])] : config.presets.hidden.filter((id) => id !== presetId);
      const changed = office.change((document) => putHiddenPresets(document, next));
      if (!changed.ok) return changed;
      log.info(hidden ? 'admin hid a preset from the room screens' : 'admin showed a preset on the room screens again', { preset: presetId });
      return ok(view());
    },
  };
}
