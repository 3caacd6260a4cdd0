#!/usr/bin/env node
// The `stillroom` command from a checkout. The hub needs Node 22.12 or newer (better-sqlite3 13
// crashes on Node 20), so an older Node hands over to the Node pinned in devDependencies, which
// `npm install` put in node_modules; written for any Node that can parse ESM.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major > 22 || (major === 22 && minor >= 12)) {
  const { runCli } = await import('../dist/main/cli.js');
  const result = await runCli(process.argv.slice(2));
  // Done: let standard output drain and the process end by itself; a failure ends it now.
  if (result === 0) process.exitCode = 0;
  else if (result !== 'serving') process.exit(result);
} else {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const pinned = join(root, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(pinned)) {
    process.stderr.write(`Stillroom needs Node 22.12, 24 or 26, and this is Node ${process.versions.node}. Run \`npm install\` in ${root} to get the Node it was tested with, then try again.\n`);
    process.exit(1);
  }
  const handedOver = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(handedOver.status ?? 1);
}
