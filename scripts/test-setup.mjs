#!/usr/bin/env node
/**
 * `npm test`'s first step (`pretest`): the programs the tests use from the operating system.
 * Missing ones are installed with apt when this runs as root; otherwise it prints the one command
 * that installs them and stops, so a fresh Debian or Ubuntu machine needs nothing but `npm test`.
 * Node itself is not checked here: npm scripts run on the Node pinned in devDependencies.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** What the tests need, where they look for it, and the Debian package that provides it. */
const needs = [
  { what: 'Chromium, for the browser tests', found: () => anyFile(process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'), debian: 'chromium' },
  { what: 'Mosquitto, for the MQTT tests (each starts its own broker)', found: () => anyFile('/usr/sbin/mosquitto') && anyFile('/usr/bin/mosquitto_passwd'), debian: 'mosquitto' },
  { what: 'OpenSSL, for the HTTPS test’s throwaway certificate', found: () => onPath('openssl'), debian: 'openssl' },
  { what: 'Xvfb, a display for the Electron suite on a machine without one', found: () => onPath('xvfb-run'), debian: 'xvfb' },
  { what: 'systemd-analyze, to verify the kiosk’s systemd unit', found: () => onPath('systemd-analyze'), debian: 'systemd' },
  { what: 'dpkg-deb, to look inside built packages', found: () => onPath('dpkg-deb'), debian: 'dpkg' },
];

function anyFile(...candidates) {
  return candidates.some((file) => typeof file === 'string' && file !== '' && existsSync(file));
}

function onPath(command) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && existsSync(path.join(dir, command)));
}

const missing = needs.filter((need) => !need.found());
if (missing.length === 0) process.exit(0);

const packages = [...new Set(missing.map((need) => need.debian))];
console.log(`The tests need ${missing.length === 1 ? 'a program' : 'programs'} this machine lacks:`);
for (const need of missing) console.log(`  - ${need.what} (Debian package ${need.debian})`);

const hasApt = onPath('apt-get');
const isRoot = process.getuid?.() === 0;
const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...packages];
if (!hasApt) {
  console.log('\nThis machine has no apt-get: install them with its own package manager, then run `npm test` again.');
  process.exit(1);
}
if (!isRoot) {
  console.log(`\nInstall them with:\n\n  sudo apt-get update && sudo ${install.join(' ')}\n\nthen run \`npm test\` again.`);
  process.exit(1);
}

console.log(`\nInstalling ${packages.join(', ')} with apt-get…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const run = (args) => spawnSync(args[0], args.slice(1), { stdio: 'inherit', env }).status === 0;
if (!run(['apt-get', 'update', '-qq']) || !run(install)) {
  console.log(`\napt-get could not install ${packages.join(', ')}; the messages above say why.`);
  process.exit(1);
}
const stillMissing = missing.filter((need) => !need.found());
if (stillMissing.length > 0) {
  console.log(`\nStill missing after the install: ${stillMissing.map((need) => need.what).join('; ')}.`);
  process.exit(1);
}
console.log('The test programs are installed.');
