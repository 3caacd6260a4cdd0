#!/usr/bin/env node
// Checks the Linux packaging, in two parts, and says plainly what it checked and what it could not:
//  1. electron-builder.yml: loaded and validated by electron-builder's own loader and schema
//     (app-builder-lib's getConfig + validateConfiguration, the same code `electron-builder` runs
//     first), then checked for what the kiosk needs (targets, fuses, presets, native modules).
//  2. Every .deb under release/ (or the files named on the command line): its control fields
//     (`dpkg-deb -f`: Depends has cage and xwayland, no Recommends) and its contents (`dpkg-deb -c`): the app, the asar, the presets, the
//     systemd unit and the unpacked better-sqlite3 binary for the package's architecture.
//
//   node scripts/check-deb.mjs                 # both parts; a missing .deb is reported, not failed
//   node scripts/check-deb.mjs --config-only   # part 1 only (fast, no network; used by vitest)
//   node scripts/check-deb.mjs --require-deb   # fail when there is no .deb to check
//   node scripts/check-deb.mjs --config=<file>  # check another electron-builder configuration
//   node scripts/check-deb.mjs release/x.deb   # check these packages instead of release/
//
// Exit status: 0 when everything checked passed, 1 when something failed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const configOnly = args.includes('--config-only');
const requireDeb = args.includes('--require-deb');
const configPath = args.find((arg) => arg.startsWith('--config='))?.slice('--config='.length) ?? null;
const namedDebs = args.filter((arg) => !arg.startsWith('--'));

const failures = [];
const ok = (message) => console.log(`  ✓ ${message}`);
const fail = (message) => {
  failures.push(message);
  console.log(`  ✗ ${message}`);
};
const notChecked = (message) => console.log(`  – NOT CHECKED: ${message}`);
const expect = (condition, message) => (condition ? ok(message) : fail(message));

/** app-builder-lib as electron-builder itself resolves it, so the validation is the installed version's. */
function builderModules() {
  const fromBuilder = createRequire(createRequire(path.join(root, 'package.json')).resolve('electron-builder/package.json'));
  const configModule = fromBuilder('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = createRequire(fromBuilder.resolve('app-builder-lib/package.json'))('builder-util');
  const { version } = fromBuilder('electron-builder/package.json');
  return { getConfig: configModule.getConfig, validateConfiguration: configModule.validateConfiguration, DebugLogger, version };
}

const asList = (value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const targetsOf = (platform) => asList(platform?.target).map((entry) => (typeof entry === 'string' ? { target: entry, arch: [] } : { target: entry.target, arch: asList(entry.arch) }));

async function checkConfig() {
  console.log(configPath ?? 'electron-builder.yml');
  const { getConfig, validateConfiguration, DebugLogger, version } = builderModules();
  let config;
  try {
    config = await getConfig(root, configPath, null);
    await validateConfiguration(config, new DebugLogger(false));
    ok(`valid by electron-builder ${version}'s own schema`);
  } catch (error) {
    fail(`electron-builder rejects the configuration: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }

  const linux = targetsOf(config.linux);
  const deb = linux.find((entry) => entry.target === 'deb');
  expect(deb && ['x64', 'arm64'].every((arch) => deb.arch.includes(arch)), 'linux: deb for x64 and arm64 (Raspberry Pi 5)');
  expect(linux.some((entry) => entry.target === 'AppImage'), 'linux: AppImage as a convenience');
  expect(config.linux?.executableName === 'stillroom', 'linux: executable is /opt/Stillroom/stillroom, as the systemd unit expects');
  expect(targetsOf(config.win).some((entry) => entry.target === 'nsis') && config.nsis?.perMachine === true, 'windows: NSIS, installed per machine');
  expect(targetsOf(config.mac).some((entry) => entry.target === 'dmg'), 'macOS: dmg');
  const extraResources = [...asList(config.extraResources), ...asList(config.linux?.extraResources)];
  expect(extraResources.some((entry) => entry?.from === 'presets' && entry?.to === 'presets'), 'presets ship as extra resources (process.resourcesPath/presets)');
  expect(extraResources.some((entry) => entry?.from === 'packaging/linux/stillroom-kiosk.service'), 'linux: the kiosk systemd unit ships as an extra resource');
  expect(asList(config.asarUnpack).some((pattern) => pattern.includes('*.node')), 'native modules (*.node) are unpacked from the asar');
  expect(config.npmRebuild === false, 'no native rebuild (npmRebuild: false): better-sqlite3\'s Node-API prebuilds load in Electron as they are');
  expect(Array.isArray(config.deb?.depends) && config.deb.depends.length > 0, 'deb: runtime dependencies listed');
  const depends = asList(config.deb?.depends).map((entry) => entry.split(' ')[0]);
  expect(depends.includes('cage') && depends.includes('xwayland'), 'deb: depends on cage and xwayland (cage 0.1.4 exits at once without Xwayland)');
  expect(Array.isArray(config.deb?.recommends) && config.deb.recommends.length === 0, 'deb: no Recommends (electron-builder would otherwise recommend libappindicator3-1, which apt installs)');
  expect(config.deb?.afterInstall === 'packaging/linux/after-install.sh' && config.deb?.afterRemove === 'packaging/linux/after-remove.sh', 'deb: after-install sets up the command, user and unit (disabled); after-remove undoes it');
  for (const [from, to] of [['packaging/linux/kiosk-session', 'kiosk/kiosk-session'], ['packaging/linux/stillroom', 'bin/stillroom']]) {
    expect(extraResources.some((entry) => entry?.from === from && entry?.to === to), `linux: ${from} ships as resources/${to}`);
  }
  // electron-builder's loader turns the root `files` into [{filter: [...]}]; a platform's stay strings.
  const filePatterns = (platform) => [...asList(config.files), ...asList(config[platform]?.files)].flatMap((entry) => (typeof entry === 'string' ? [entry] : asList(entry?.filter)));
  // `${/*}`, not `/**`: electron-builder's file-patterns docs say `!dir/**/*` still creates the
  // empty directory; the macro leaves out the directory too (https://www.electron.build/file-patterns).
  expect(filePatterns('linux').includes('!node_modules/better-sqlite3/{deps,src}${/*}'), 'SQLite\'s sources (better-sqlite3/deps, src, their folders too) stay out of the package');
  for (const [platform, prefix] of [['linux', 'linux'], ['win', 'win32'], ['mac', 'darwin']]) {
    expect(filePatterns(platform).includes(`!node_modules/better-sqlite3/prebuilds/!(${prefix}-\${arch}).node`), `${platform}: only the target's better-sqlite3 prebuild ships (${prefix}-<arch>.node)`);
  }
  const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const bundled = ['react', 'react-dom'].filter((name) => name in (packageJson.dependencies ?? {}));
  expect(bundled.length === 0, bundled.length === 0 ? 'React is a devDependency: the renderer is bundled by Vite, so node_modules/react does not ship' : `${bundled.join(', ')} in dependencies would ship unused`);
  const fuses = config.electronFuses ?? {};
  const wantedFuses = { runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true, enableCookieEncryption: true, grantFileProtocolExtraPrivileges: false, enableEmbeddedAsarIntegrityValidation: true };
  for (const [fuse, wanted] of Object.entries(wantedFuses)) expect(fuses[fuse] === wanted, `fuse ${fuse}: ${wanted ? 'on' : 'off'}`);
  const sources = ['presets', 'packaging/linux/stillroom-kiosk.service', 'packaging/linux/kiosk-session', 'packaging/linux/stillroom', 'packaging/linux/after-install.sh', 'packaging/linux/after-remove.sh', 'build/icon.svg', 'build/icons/512x512.png'];
  for (const source of sources) expect(existsSync(path.join(root, source)), `${source} exists`);
  return config;
}

function findDebs() {
  if (namedDebs.length > 0) return namedDebs.map((file) => path.resolve(file));
  const release = path.join(root, 'release');
  if (!existsSync(release)) return [];
  return readdirSync(release, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.deb'))
    .map((file) => path.join(release, file));
}

const dpkgArchOf = { x64: 'amd64', arm64: 'arm64' };
const prebuildOf = { amd64: 'linux-x64.node', arm64: 'linux-arm64.node' };

function checkDeb(file, config) {
  console.log(path.relative(root, file));
  const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const field = (name) => execFileSync('dpkg-deb', ['-f', file, name], { encoding: 'utf8' }).trim();
  const architecture = field('Architecture');
  expect(field('Package') === packageJson.name, `Package: ${field('Package')}`);
  expect(field('Version') === packageJson.version, `Version: ${field('Version')} (package.json ${packageJson.version})`);
  const fromName = Object.entries(dpkgArchOf).find(([builderArch, dpkgArch]) => path.basename(file).includes(`_${dpkgArch}.`) || path.basename(file).includes(`-${builderArch}.`));
  expect(Object.values(dpkgArchOf).includes(architecture) && (!fromName || fromName[1] === architecture), `Architecture: ${architecture}`);
  const depends = field('Depends');
  const missing = asList(config?.deb?.depends).filter((dependency) => !depends.includes(dependency.split(' ')[0]));
  expect(missing.length === 0, missing.length === 0 ? `Depends has every configured library (${depends.split(',').length} entries)` : `Depends lacks ${missing.join(', ')}`);
  const dependsOn = depends.split(',').flatMap((entry) => entry.split('|')).map((entry) => entry.trim().split(/[\s(]/)[0]);
  expect(dependsOn.includes('xwayland') && dependsOn.includes('cage'), 'Depends: cage and xwayland (the kiosk unit needs both on bookworm)');
  const recommends = field('Recommends');
  expect(recommends === '', recommends === '' ? 'Recommends: none (apt installs recommended packages by default)' : `Recommends would make apt install ${recommends} too`);
  let postinst = '';
  try {
    postinst = execFileSync('dpkg-deb', ['-I', file, 'postinst'], { encoding: 'utf8' });
  } catch {
    postinst = '';
  }
  expect(postinst.includes('stillroom-kiosk.service') && !/systemctl (enable|start)/.test(postinst), 'postinst installs the kiosk unit and does not enable or start it');

  const contents = execFileSync('dpkg-deb', ['-c', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\n')
    .map((line) => line.split(/\s+/).slice(5).join(' ').split(' -> ')[0])
    .filter(Boolean);
  const has = (suffix) => contents.some((entry) => entry.endsWith(suffix));
  const app = './opt/Stillroom';
  expect(contents.includes(`${app}/stillroom`), `${app}/stillroom (the app)`);
  expect(contents.includes(`${app}/resources/app.asar`), `${app}/resources/app.asar`);
  const presets = readdirSync(path.join(root, 'presets')).filter((name) => name.endsWith('.yaml'));
  const missingPresets = presets.filter((name) => !contents.includes(`${app}/resources/presets/${name}`));
  expect(missingPresets.length === 0, missingPresets.length === 0 ? `all ${presets.length} presets in ${app}/resources/presets/` : `presets missing: ${missingPresets.join(', ')}`);
  expect(contents.includes(`${app}/resources/systemd/stillroom-kiosk.service`), `${app}/resources/systemd/stillroom-kiosk.service`);
  const unpacked = `${app}/resources/app.asar.unpacked/node_modules/better-sqlite3/`;
  const binaries = contents.filter((entry) => entry.startsWith(unpacked) && entry.endsWith('.node'));
  const forArch = prebuildOf[architecture];
  expect(binaries.some((entry) => entry.endsWith(`/build/Release/better_sqlite3.node`) || (forArch && entry.endsWith(`/prebuilds/${forArch}`))), `better-sqlite3 binary for ${architecture} unpacked from the asar (${binaries.length} .node files)`);
  const others = binaries.filter((entry) => !entry.endsWith(`/prebuilds/${forArch}`));
  expect(others.length === 0, others.length === 0 ? `only the ${architecture} prebuild of better-sqlite3 ships` : `other platforms' prebuilds ship for nothing: ${others.map((entry) => path.basename(entry)).join(', ')}`);
  // Files only: `dpkg-deb -c` also lists each directory (a trailing /), which holds no source.
  const sqliteSources = contents.filter((entry) => !entry.endsWith('/') && (entry.includes('/node_modules/better-sqlite3/deps/') || entry.includes('/node_modules/better-sqlite3/src/')));
  expect(sqliteSources.length === 0, sqliteSources.length === 0 ? 'no SQLite sources in the package' : `SQLite sources ship for nothing (${sqliteSources.length} files)`);
  expect(contents.includes(`${app}/resources/kiosk/kiosk-session`) && contents.includes(`${app}/resources/bin/stillroom`), `${app}/resources/kiosk/kiosk-session and resources/bin/stillroom (the command)`);
  expect(has('.desktop'), 'a .desktop entry');
}

const config = await checkConfig();
if (configOnly) {
  notChecked('.deb packages (--config-only)');
} else {
  const debs = findDebs();
  if (debs.length === 0) {
    const message = 'no .deb under release/; build one with `npm run dist -- --linux deb` (electron-builder downloads Electron from GitHub for it)';
    if (requireDeb) fail(message);
    else notChecked(message);
  } else {
    let dpkg = true;
    try {
      execFileSync('dpkg-deb', ['--version'], { stdio: 'ignore' });
    } catch {
      dpkg = false;
      notChecked('dpkg-deb is not installed, so the .deb files cannot be opened');
    }
    if (dpkg) for (const deb of debs) checkDeb(deb, config);
  }
}

console.log(failures.length === 0 ? '\nPackaging checks passed.' : `\n${failures.length} packaging check(s) failed.`);
process.exitCode = failures.length === 0 ? 0 : 1;
