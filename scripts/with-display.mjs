#!/usr/bin/env node
/**
 * Runs a command with a display: as it is where there is one (a desktop, or CI's own `xvfb-run`),
 * under `xvfb-run -a` on a Linux machine without one, so the Electron suite can open its windows.
 * `node scripts/with-display.mjs playwright test`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('Usage: node scripts/with-display.mjs <command> [args…]');
  process.exit(2);
}

const onPath = (name) => (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && existsSync(path.join(dir, name)));
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const [file, ...args] = headless && onPath('xvfb-run') ? ['xvfb-run', '-a', ...command] : command;

// npm scripts put node_modules/.bin on PATH, so `playwright` resolves without npx.
const child = spawn(file, args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
