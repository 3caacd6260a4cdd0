/**
 * The packaging configuration, checked by electron-builder's own validation (no network, no
 * Electron download), and the .deb checker itself, run against small packages built here with
 * dpkg-deb so its rules are known to catch a package that lacks what the kiosk needs.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/tempDir.ts';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const script = path.join(root, 'scripts', 'check-deb.mjs');
const work = tempDir('check-deb');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function checkDeb(...args: string[]) {
  const run = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const dpkgDeb = spawnSync('dpkg-deb', ['--version']).status === 0;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation and has every packaging item the kiosk needs', () => {
    const { status, output } = checkDeb('--config-only');
    expect(output).toContain('valid by electron-builder');
    expect(output).not.toContain('✗');
    expect(status).toBe(0);
  });

  it('a configuration electron-builder rejects fails the check', () => {
    const broken = path.join(work, 'broken.yml');
    writeFileSync(broken, 'appId: org.stillroom.app\nlinux:\n  target: deb\n  flavour: calm\n');
    const { status, output } = checkDeb('--config-only', `--config=${broken}`);
    expect(output).toContain('electron-builder rejects the configuration');
    expect(status).toBe(1);
  });
});

/** A package laid out the way electron-builder lays out Stillroom's, minus what `leaveOut` names. */
function fakeDeb(name: string, { architecture = 'amd64', leaveOut = [] as string[], extra = [] as string[], depends = 'cage, xwayland', recommends = '', postinst = '#!/bin/sh\ninstall -m 0644 x /usr/lib/systemd/system/stillroom-kiosk.service\n' } = {}): string {
  const tree = path.join(work, name);
  const file = (relative: string, content = '') => {
    if (leaveOut.some((part) => relative.includes(part))) return;
    mkdirSync(path.dirname(path.join(tree, relative)), { recursive: true });
    writeFileSync(path.join(tree, relative), content);
  };
  file('DEBIAN/control', [
    'Package: stillroom',
    'Version: 0.1.0',
    `Architecture: ${architecture}`,
    'Maintainer: Stillroom <maintainers@stillroom.invalid>',
    `Depends: libgtk-3-0 | libgtk-3-0t64, libnss3, libxss1, libxtst6, libatspi2.0-0 | libatspi2.0-0t64, libasound2 | libasound2t64, libgbm1, libuuid1${depends ? `, ${depends}` : ''}`,
    ...(recommends ? [`Recommends: ${recommends}`] : []),
    'Description: Stillroom',
    '',
  ].join('\n'));
  file('DEBIAN/postinst', postinst);
  if (existsSync(path.join(tree, 'DEBIAN/postinst'))) chmodSync(path.join(tree, 'DEBIAN/postinst'), 0o755);
  file('opt/Stillroom/stillroom');
  file('opt/Stillroom/resources/kiosk/kiosk-session');
  file('opt/Stillroom/resources/bin/stillroom');
  for (const entry of extra) file(entry);
  file('opt/Stillroom/resources/app.asar');
  for (const preset of readdirSync(path.join(root, 'presets'))) file(`opt/Stillroom/resources/presets/${preset}`);
  file('opt/Stillroom/resources/systemd/stillroom-kiosk.service');
  file(`opt/Stillroom/resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-${architecture === 'arm64' ? 'arm64' : 'x64'}.node`);
  file('usr/share/applications/stillroom.desktop');
  const deb = path.join(work, `${name}.deb`);
  const build = spawnSync('dpkg-deb', ['--root-owner-group', '-Znone', '--build', tree, deb], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(build.stderr);
  return deb;
}

describe.skipIf(!dpkgDeb)('the .deb check (skipped where dpkg-deb is missing)', () => {
  it('passes a package with the app, the presets, the unit and the native module', () => {
    const { status, output } = checkDeb(fakeDeb('complete'), fakeDeb('complete-arm64', { architecture: 'arm64' }));
    expect(output).toContain('Package: stillroom');
    expect(output).toContain('better-sqlite3 binary for arm64');
    expect(output).not.toContain('✗');
    expect(status).toBe(0);
  });

  it('fails a package without the presets or the unpacked better-sqlite3', () => {
    const { status, output } = checkDeb(fakeDeb('incomplete', { leaveOut: ['presets/calm.yaml', 'better-sqlite3'] }));
    expect(output).toContain('✗ presets missing: calm.yaml');
    expect(output).toContain('✗ better-sqlite3 binary for amd64');
    expect(status).toBe(1);
  });

  it("fails a package that ships other platforms' prebuilds or SQLite's sources, lacks Xwayland, recommends extras, or enables the kiosk unit", () => {
    const unpacked = 'opt/Stillroom/resources/app.asar.unpacked/node_modules/better-sqlite3';
    const { status, output } = checkDeb(
      fakeDeb('fat', { extra: [`${unpacked}/prebuilds/win32-x64.node`, `${unpacked}/deps/sqlite3/sqlite3.c`] }),
      fakeDeb('no-xwayland', { depends: 'cage', recommends: 'libappindicator3-1' }),
      fakeDeb('enabled', { postinst: '#!/bin/sh\ninstall x /usr/lib/systemd/system/stillroom-kiosk.service\nsystemctl enable stillroom-kiosk\n' }),
    );
    expect(output).toContain("✗ other platforms' prebuilds ship for nothing: win32-x64.node");
    expect(output).toContain('✗ SQLite sources ship for nothing (1 files)');
    expect(output).toContain('✗ Depends: cage and xwayland');
    expect(output).toContain('✗ Recommends would make apt install libappindicator3-1 too');
    expect(output).toContain('✗ postinst installs the kiosk unit and does not enable or start it');
    expect(status).toBe(1);
  });
});
