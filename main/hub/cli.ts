/**
 * The `stillroom` command.
 *
 *   stillroom serve [--config <file>] [--data <dir>] [--port <n>] [--host <address>]
 *       Runs the hub headless and serves the kiosk, desk and API over HTTP + WebSocket (HTTPS
 *       when the config's network.tls names a certificate). --port and --host override the
 *       config's network.port and network.listen.
 *   stillroom hash-pin [--data <dir>]
 *       Reads a staff PIN from standard input and prints its scrypt hash for the config's
 *       `staff.pinHash`; with --data it writes the hash to that data folder instead.
 *   stillroom --help (or -h, help, or --help after a command)
 *       Says what each command and option does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { StaffLogin } from '../contract/contract.ts';
import { ConfigError } from './config/loadConfig.ts';
import { createStarterOffice, newSetupCode } from './setup/firstRun.ts';
import { hashPin } from './staff/pin.ts';
import { parsePort, serveHub } from './serve.ts';

/** The repository (or installed package) root: this file is bundled to dist/main/cli.js. */
const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Where the built-in files are. From a checkout, beside the repository root; in the installed
 * Electron app (which runs this module in its main process, main/shell/electronMain.ts), the
 * presets are an extra resource outside the asar.
 */
export interface CliPaths {
  presetsDir: string;
}
let paths: CliPaths = { presetsDir: join(appRoot, 'presets') };

const usage = `Usage:
  stillroom serve [--config <file>] [--data <dir>] [--port <n>] [--host <address>]
  stillroom hash-pin [--data <dir>]   (reads the PIN from standard input)
  stillroom --help                    (what each command and option does)`;

/** What `stillroom --help` answers: each command, each option, and where to go next. */
const help = `Stillroom: check-in, front desk and calm rooms for a therapy practice.

  stillroom serve [options]
      Runs the hub: the kiosk, the front desk, the room screens and /admin, served over
      HTTP (HTTPS when the office file's network.tls names a certificate).
      --config <file>    the office file (default: the bundled demo office, which runs
                         with a simulated Home Assistant and nothing installed). A file
                         that does not exist yet starts a new office: set it up at /admin
                         with the one-time setup code printed here.
      --data <dir>       where today's arrivals, sessions and secrets are kept
                         (default: ./.data; keep it private: the hub makes it 0700)
      --port <n>         the port to listen on (default: the office file's network.port, 4280)
      --host <address>   the address to listen on (default: the office file's network.listen,
                         127.0.0.1, this machine only). Use 0.0.0.0 to let tablets and phones
                         on the office network open the room screens and the desk.

  stillroom hash-pin [--data <dir>]
      Reads a staff PIN (4 to 12 digits; 6 or more recommended) from standard input and prints
      its hash for the office file's staff.pinHash. With --data it sets the PIN for that data
      folder instead. For example:  echo 482913 | stillroom hash-pin --data /var/lib/stillroom

Once serving, open <address>/kiosk, <address>/desk, <address>/room and <address>/admin.
The README says more: configuration, the office bus, running on real devices.`;

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string', default: join(appRoot, 'config', 'demo-office.yaml') },
      data: { type: 'string', default: join(process.cwd(), '.data') },
      port: { type: 'string' },
      host: { type: 'string' },
    },
  });
  const port = parsePort(values.port);
  if (typeof port === 'object') throw new UsageError(port.problem);
  const configPath = resolve(values.config);
  // A file that does not exist yet is a new office: the starter office and a setup code (setup/firstRun.ts).
  const setup = createStarterOffice(configPath) ? await newSetupCode() : null;
  const serving = await serveHub({
    configPath,
    ...(setup ? { setupCodeHash: setup.hash } : {}),
    inProcessRestart: {
      onRestarted: (again) => process.stdout.write(`Stillroom restarted on the saved office file and is serving ${again.hub.config.practice.name} at ${again.http.url}\n`),
      // Nothing serves now: exit, so a service manager (systemd's Restart=) starts it afresh.
      onRestartFailed: (error) => {
        process.stderr.write(`Stillroom could not restart: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    },
    dataDir: resolve(values.data),
    rendererDir: join(appRoot, 'dist', 'renderer'),
    presetsDir: paths.presetsDir,
    ...(port === undefined ? {} : { port }),
    ...(values.host === undefined ? {} : { host: values.host }),
  });
  const { url } = serving.http;
  process.stdout.write(`Stillroom is serving ${serving.hub.config.practice.name} at ${url}\n  kiosk: ${url}/kiosk\n  desk:  ${url}/desk\n`);
  // On the terminal only, never in the log file: whoever can read this may set the office up.
  if (setup) process.stdout.write(`\nThis is a new office: ${configPath} was created for it.\nSet it up in the browser at ${url}/admin with the one-time setup code\n\n    ${setup.shown}\n\nIt works until the first desk or admin PIN is set there.\n`);
  const stop = async () => {
    await serving.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function hashPinCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' } } });
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const pin = Buffer.concat(chunks).toString('utf8').trim();
  const parsed = StaffLogin.safeParse({ pin });
  if (!parsed.success) throw new UsageError('A staff PIN is 4 to 12 digits. Type it on standard input, for example: echo 4821 | stillroom hash-pin');
  // The hub allows about 20 wrong PINs an hour (staffAccess.ts): 4 digits fall in weeks, 6 in years.
  if (parsed.data.pin.length < 6) process.stderr.write(`A ${parsed.data.pin.length}-digit PIN can be guessed in a few weeks of steady trying; 6 digits or more are recommended.\n`);
  const hash = await hashPin(parsed.data.pin);
  if (values.data) {
    mkdirSync(values.data, { recursive: true });
    writeFileSync(join(values.data, 'staff-pin'), `${hash}\n`, { mode: 0o600 });
    process.stdout.write(`The staff PIN is set for the data folder ${resolve(values.data)}.\n`);
  } else {
    process.stdout.write(`${hash}\n`);
  }
}

class UsageError extends Error {}

const helpWords = new Set(['help', '--help', '-h']);

async function main(argv: string[]): Promise<'serving' | 'done'> {
  const [command, ...rest] = argv;
  if ((command !== undefined && helpWords.has(command)) || ((command === 'serve' || command === 'hash-pin') && rest.some((arg) => arg === '--help' || arg === '-h'))) {
    process.stdout.write(`${help}\n`);
    return 'done';
  }
  if (command === 'serve') {
    await serve(rest);
    return 'serving';
  }
  if (command === 'hash-pin') {
    await hashPinCommand(rest);
    return 'done';
  }
  throw new UsageError(command ? `Unknown command "${command}".\n${usage}` : usage);
}

/**
 * Runs one `stillroom` command. Resolves `serving` while `serve` keeps running (it exits on
 * SIGINT/SIGTERM by itself), or the exit code once the command is over; problems are written to
 * standard error in words, never as a stack trace.
 */
export async function runCli(argv: string[], where: Partial<CliPaths> = {}): Promise<'serving' | number> {
  paths = { ...paths, ...where };
  try {
    return (await main(argv)) === 'serving' ? 'serving' : 0;
  } catch (error: unknown) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Stillroom cannot start because the configuration has a problem:\n${error.message}\n`);
    } else if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`Stillroom stopped: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return 1;
  }
}
