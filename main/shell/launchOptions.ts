/**
 * What the shell was asked to start, read from its command line: `--config <file>`,
 * `--data <folder>` and `--windows kiosk,desk` (each also as `--name=value`). Chromium's and
 * Playwright's own switches pass through untouched.
 */
import path from 'node:path';
import { parseWindowList, type WindowSpec } from './roles.ts';

export interface LaunchOptions {
  configPath: string;
  /** Null: the platform's user-data folder. */
  dataDir: string | null;
  windows: WindowSpec[];
}

export interface LaunchDefaults {
  /** The bundled demo configuration, so a first start works with nothing set up. */
  configPath: string;
  /** Where relative paths on the command line are resolved from. */
  cwd: string;
}

export type LaunchOptionsResult = { ok: true; options: LaunchOptions } | { ok: false; message: string };

const defaultWindows = 'kiosk,desk';

function valueOf(argv: readonly string[], name: string): { found: boolean; value: string | undefined } {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === `--${name}`) return { found: true, value: argv[index + 1] };
    if (arg.startsWith(`--${name}=`)) return { found: true, value: arg.slice(name.length + 3) };
  }
  return { found: false, value: undefined };
}

export function parseLaunchOptions(argv: readonly string[], defaults: LaunchDefaults): LaunchOptionsResult {
  const config = valueOf(argv, 'config');
  const data = valueOf(argv, 'data');
  const windowList = valueOf(argv, 'windows');
  for (const [name, option] of [['config', config], ['data', data], ['windows', windowList]] as const) {
    if (option.found && (option.value === undefined || option.value === '' || option.value.startsWith('--'))) {
      return { ok: false, message: `--${name} needs a value` };
    }
  }
  const windows = parseWindowList(windowList.value ?? defaultWindows);
  if (!windows.ok) return windows;
  return {
    ok: true,
    options: {
      configPath: config.value ? path.resolve(defaults.cwd, config.value) : defaults.configPath,
      dataDir: data.value ? path.resolve(defaults.cwd, data.value) : null,
      windows: windows.windows,
    },
  };
}
