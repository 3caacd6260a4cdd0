#!/usr/bin/env node
// A newcomer's first command, checked: clones this repository (its committed HEAD) into a temp
// folder and runs the README's first command there, `npm install && npm run serve`, with the
// machine's own Node first on PATH (Node 20 on Debian 12: the pinned `node` devDependency must
// take over), then asks the demo office for /kiosk and stops it. Takes minutes (a whole
// `npm install` and a build), so it is not part of `npm test`:
//
//   /usr/bin/node scripts/fresh-clone.mjs            # or: node scripts/fresh-clone.mjs
//
// `--port <free port>` is added to `npm run serve` so the check never collides with a hub already
// on 4280; nothing else is added. Plain Node (any 18+), no dependencies: it must run before install.
// Exit status 0 when /kiosk answered with the kiosk page, 1 otherwise (with the command's output).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const limitMs = 20 * 60_000;
const systemPath = ['/usr/local/bin', '/usr/bin', '/bin', ...(process.env.PATH ?? '').split(':')].join(':');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

// An outer `npm run` leaves npm_* variables (its own node, its config) that a newcomer's shell has not.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
env.PATH = systemPath;

const work = mkdtempSync(path.join(tmpdir(), 'stillroom-fresh-'));
const clone = path.join(work, 'stillroom');
let child;
let output = '';
const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;

function stop() {
  if (child && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

async function main() {
  const systemNode = execFileSync('node', ['--version'], { env, encoding: 'utf8' }).trim();
  console.log(`system Node on PATH: ${systemNode}`);
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', repo, clone], { stdio: 'inherit' });
  console.log(`cloned ${repo} (${execFileSync('git', ['-C', clone, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()}) into ${clone}`);
  const port = await freePort();
  const command = `npm install && npm run serve -- --port ${port}`;
  console.log(`running: ${command}`);
  child = spawn('bash', ['-c', command], { cwd: clone, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nothing served within ${limitMs / 60_000} minutes`)), limitMs);
    const read = (chunk) => {
      output += chunk;
      const found = /kiosk: (http:\/\/\S+\/kiosk)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the command ended (${signal ?? `exit ${code}`}) before serving`));
    });
  });
  console.log(`serving after ${seconds()}: ${url}`);
  const answer = await fetch(url);
  const page = await answer.text();
  const isKiosk = answer.status === 200 && (answer.headers.get('content-type') ?? '').includes('text/html') && page.includes('<script');
  console.log(`GET /kiosk: ${answer.status} ${answer.headers.get('content-type')} (${page.length} bytes)`);
  // npm scripts find node in node_modules/.bin first: the pinned devDependency, not the system's.
  console.log(`npm scripts run on Node ${execFileSync('npm', ['exec', '--', 'node', '--version'], { cwd: clone, env, encoding: 'utf8' }).trim()} (the system has ${execFileSync('node', ['--version'], { env, encoding: 'utf8' }).trim()})`);
  return isKiosk;
}

let passed = false;
try {
  passed = await main();
} catch (error) {
  console.log(`FAILED after ${seconds()}: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  stop();
  if (child && child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
  rmSync(work, { recursive: true, force: true });
}
if (!passed) console.log(`--- the command's output ---\n${output.slice(-6000)}`);
console.log(passed ? `Fresh clone serves /kiosk (${seconds()}).` : 'Fresh clone check FAILED.');
process.exitCode = passed ? 0 : 1;
