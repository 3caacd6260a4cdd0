/**
 * The admin's change to one of the practice's own presets, made on the file's own YAML document
 * (the `yaml` library's Document API) so its comments, key order and layout survive, and read back
 * by the same parser the library loads presets with before anything is written.
 */
import { parseDocument } from 'yaml';
import { keepLayout } from '../config/keepLayout.ts';
import { parsePreset } from './presetLibrary.ts';
import type { Preset, SessionExtras } from './presetSchema.ts';

/** What admin may change of a preset: its words, swatch, fade and session extras (never its lights or sound). */
export interface PresetDetails {
  name: string;
  description: string;
  swatch: string;
  transitionSeconds: number;
  session: SessionExtras;
}

/** Long lines stay on one line, as the room screen's "Save as a preset" writes them. */
const renderOptions = { lineWidth: 0 } as const;

/** The file's new text and the preset it reads back as, or the reasons (`name: at most 40 characters`). */
export function editPresetText(text: string, fileName: string, details: PresetDetails): { text: string; preset: Preset } | { problems: string[] } {
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    const read = parsePreset(text, fileName);
    return 'problems' in read ? read : { problems: ['the file is not valid YAML'] };
  }
  const unchanged = document.toString(renderOptions);
  document.set('name', details.name);
  document.set('description', details.description);
  document.set('swatch', details.swatch);
  document.set('transitionSeconds', details.transitionSeconds);
  document.setIn(['session', 'doorSign'], details.session.doorSign);
  document.setIn(['session', 'masking'], details.session.masking);
  const next = keepLayout(text, unchanged, document.toString(renderOptions));
  const read = parsePreset(next, fileName);
  return 'problems' in read ? read : { text: next, preset: read.preset };
}
