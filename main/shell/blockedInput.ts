/**
 * The in-window shortcuts a locked (kiosk) window swallows in `before-input-event`. With no
 * application menu most of these do nothing anyway; swallowing them as well means a keyboard
 * left on the kiosk cannot reload it, close it, zoom it, print it or step back into the previous
 * client's flow. OS shortcuts (Alt+Tab, Super, Ctrl+Alt+F1) never reach the window: those are
 * the compositor's job (cage on Linux, Shell Launcher on Windows).
 */
import type { Input } from 'electron';

export type KioskShortcut = 'reload' | 'close' | 'devtools' | 'zoom' | 'fullscreen' | 'print' | 'find' | 'history';

/** The fields of Electron's `Input` the decision reads. */
export type KeyInput = Pick<Input, 'key' | 'control' | 'meta' | 'alt' | 'shift'>;

/** Ctrl on Linux and Windows, Cmd on macOS: both are swallowed everywhere, a kiosk has no use for either. */
function primary(input: KeyInput): boolean {
  return input.control || input.meta;
}

const rules: ReadonlyArray<{ shortcut: KioskShortcut; matches: (input: KeyInput, key: string) => boolean }> = [
  { shortcut: 'reload', matches: (input, key) => key === 'f5' || (primary(input) && key === 'r') },
  { shortcut: 'close', matches: (input, key) => (input.alt && key === 'f4') || (primary(input) && ['w', 'q', 'f4', 'h', 'm'].includes(key)) },
  { shortcut: 'devtools', matches: (input, key) => key === 'f12' || (primary(input) && (input.shift || input.alt) && ['i', 'j', 'c'].includes(key)) },
  { shortcut: 'zoom', matches: (input, key) => primary(input) && ['+', '=', '-', '_', '0'].includes(key) },
  { shortcut: 'fullscreen', matches: (input, key) => key === 'f11' || (input.control && input.meta && key === 'f') },
  { shortcut: 'print', matches: (input, key) => primary(input) && key === 'p' },
  { shortcut: 'find', matches: (input, key) => key === 'f3' || (primary(input) && ['f', 'g'].includes(key)) },
  // Privacy rule 3: no way back into someone else's check-in.
  { shortcut: 'history', matches: (input, key) => ['browserback', 'browserforward'].includes(key) || (input.alt && ['arrowleft', 'arrowright'].includes(key)) || (input.meta && ['[', ']'].includes(key)) },
];

/** Which kiosk shortcut `input` is, or null when it passes through to the page. */
export function kioskShortcut(input: KeyInput): KioskShortcut | null {
  const key = input.key.toLowerCase();
  return rules.find((rule) => rule.matches(input, key))?.shortcut ?? null;
}
