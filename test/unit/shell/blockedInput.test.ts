import { describe, expect, it } from 'vitest';
import { kioskShortcut, type KeyInput } from '../../../main/shell/blockedInput.ts';

type Modifiers = Partial<Omit<KeyInput, 'key'>>;
const press = (key: string, modifiers: Modifiers = {}): KeyInput => ({ key, control: false, meta: false, alt: false, shift: false, ...modifiers });
const ctrl = (key: string, modifiers: Modifiers = {}) => press(key, { control: true, ...modifiers });
const cmd = (key: string, modifiers: Modifiers = {}) => press(key, { meta: true, ...modifiers });

describe('kiosk shortcuts', () => {
  it.each([
    ['Ctrl+R', ctrl('r'), 'reload'],
    ['Ctrl+Shift+R', ctrl('R', { shift: true }), 'reload'],
    ['F5', press('F5'), 'reload'],
    ['Cmd+R', cmd('r'), 'reload'],
    ['Ctrl+W', ctrl('w'), 'close'],
    ['Alt+F4', press('F4', { alt: true }), 'close'],
    ['Ctrl+Q', ctrl('q'), 'close'],
    ['Cmd+Q', cmd('q'), 'close'],
    ['Ctrl+Shift+I', ctrl('I', { shift: true }), 'devtools'],
    ['Ctrl+Shift+J', ctrl('J', { shift: true }), 'devtools'],
    ['Cmd+Alt+I', cmd('i', { alt: true }), 'devtools'],
    ['F12', press('F12'), 'devtools'],
    ['Ctrl+=', ctrl('='), 'zoom'],
    ['Ctrl++', ctrl('+', { shift: true }), 'zoom'],
    ['Ctrl+-', ctrl('-'), 'zoom'],
    ['Ctrl+0', ctrl('0'), 'zoom'],
    ['F11', press('F11'), 'fullscreen'],
    ['Ctrl+Cmd+F', ctrl('f', { meta: true }), 'fullscreen'],
    ['Ctrl+P', ctrl('p'), 'print'],
    ['Ctrl+F', ctrl('f'), 'find'],
    ['F3', press('F3'), 'find'],
    ['Alt+Left', press('ArrowLeft', { alt: true }), 'history'],
    ['the Back key', press('BrowserBack'), 'history'],
    ['Cmd+[', cmd('['), 'history'],
  ] as const)('the kiosk swallows %s', (_name, input, shortcut) => {
    expect(kioskShortcut(input)).toBe(shortcut);
  });

  it.each([
    ['a letter', press('a')],
    ['Tab', press('Tab')],
    ['Shift+Tab', press('Tab', { shift: true })],
    ['Enter', press('Enter')],
    ['Space', press(' ')],
    ['an arrow key', press('ArrowLeft')],
    ['Escape', press('Escape')],
    ['Ctrl+C', ctrl('c')],
  ] as const)('%s reaches the page', (_name, input) => {
    expect(kioskShortcut(input)).toBeNull();
  });
});
