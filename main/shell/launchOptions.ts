/**
 * What the shell was asked to start, read from its command line: `--config <file>`,
 * `--data <folder>`, `--windows kiosk,desk` and `--hub <url>` (each also as `--name=value`).
 * Chromium's and Playwright's own switches pass through untouched.
 */
import path from 'node:path';
import { parseWindowList, type WindowSpec } from './roles.ts';

export interface LaunchOptions {
  configPath: string;
  /** Null: the platform's user-data folder. */
  dataDir: string | null;
  windows: WindowSpec[];
  /**
   * `--hub http://hub.local:8460`: show the pages of a hub that runs elsewhere (`stillroom serve`)
   * instead of starting one here. Null: this app runs the hub.
   */
  hubUrl: string | null;
  /** `--port <n>`: the port the app's own hub listens on instead of the config's (0: any free one, for tests). */
  port: number | null;
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
  const hub = valueOf(argv, 'hub');
  const port = valueOf(argv, 'port');
  for (const [name, option] of [['config', config], ['data', data], ['windows', windowList], ['hub', hub], ['port', port]] as const) {
    if (option.found && (option.value === undefined || option.value === '' || option.value.startsWith('--'))) {
      return { ok: false, message: `--${name} needs a value` };
    }
  }
  const windows = parseWindowList(windowList.value ?? defaultWindows);
  if (!windows.ok) return windows;
  const hubUrl = hub.value === undefined ? null : parseHubUrl(hub.value);
  if (typeof hubUrl === 'object' && hubUrl !== null) return hubUrl;
  const portNumber = port.value === undefined ? null : Number(port.value);
  if (portNumber !== null && (!/^\d+$/.test(port.value ?? '') || portNumber > 65535)) return { ok: false, message: `--port must be a number from 0 to 65535, not "${port.value}"` };
  if (portNumber !== null && hubUrl !== null) return { ok: false, message: '--port is for the hub this app runs; with --hub the hub is elsewhere' };
  return {
    ok: true,
    options: {
      configPath: config.value ? path.resolve(defaults.cwd, config.value) : defaults.configPath,
      dataDir: data.value ? path.resolve(defaults.cwd, data.value) : null,
      windows: windows.windows,
      hubUrl,
      port: portNumber,
    },
  };
}

/** A hub's address: http or https, a host, nothing after the origin that would be dropped silently. */
function parseHubUrl(value: string): string | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: `--hub needs the hub's address, such as http://hub.local:8460, not "${value}"` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: `--hub must start with http:// or https://, not "${url.protocol}"` };
  if (url.username || url.password) return { ok: false, message: '--hub takes no user name or password; staff sign in with their PIN' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return { ok: false, message: `--hub is the hub's address only (${url.origin}), without a path` };
  return url.origin;
}
