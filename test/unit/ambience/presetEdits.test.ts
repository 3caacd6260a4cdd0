import { describe, expect, it } from 'vitest';
import { editPresetText } from '../../../main/hub/ambience/presetEdits.ts';

const details = { name: 'Late evening', description: 'Low lamp for the last session.', swatch: '#b0855a', transitionSeconds: 20, session: { doorSign: false, masking: true } };

describe('a preset changed from admin', () => {
  it('keeps every comment and the lines it did not change as they were written', () => {
    const text = "# Made for winter.\nname: Soft evening\ndescription: Old words.\nswatch: '#d9a46c'\n# Slow.\ntransitionSeconds: 12\nlights:\n  all: {on: false}\n  lamp: { on: true, brightness: 20 }\nsession: { doorSign: true, masking: true }\n";
    const edited = editPresetText(text, 'soft-evening.yaml', details);
    expect('text' in edited && edited.text).toBe("# Made for winter.\nname: Late evening\ndescription: Low lamp for the last session.\nswatch: '#b0855a'\n# Slow.\ntransitionSeconds: 20\nlights:\n  all: {on: false}\n  lamp: { on: true, brightness: 20 }\nsession: { doorSign: false, masking: true }\n");
    expect('preset' in edited && edited.preset).toMatchObject({ id: 'soft-evening', ...details });
  });

  it('adds the fade and session a file left to their defaults', () => {
    const edited = editPresetText("name: Plain\ndescription: x\nswatch: '#d9a46c'\nlights:\n  all: { on: false }\n", 'plain.yaml', details);
    expect('preset' in edited && edited.preset).toMatchObject({ transitionSeconds: 20, session: { doorSign: false, masking: true } });
  });

  it('says what the preset schema refuses, field by field', () => {
    const edited = editPresetText("name: Plain\ndescription: x\nswatch: '#d9a46c'\nlights:\n  all: { on: false }\n", 'plain.yaml', { ...details, name: 'x'.repeat(41), description: 'two\nlines', swatch: 'amber' });
    expect(edited).toEqual({ problems: ['name: at most 40 characters', 'description: keep the description to one line', 'swatch: expected a colour such as #f2c48d'] });
  });
});
