/**
 * The kiosk's systemd unit and its session script, as the deb installs them.
 * - `systemd-analyze verify` (Debian's systemd) on the unit, in a root tree laid out as the package
 *   leaves it: the unit, the session script, a stand-in /usr/bin/cage and the system's own units
 *   (verify resolves the dependencies and checks ExecStart exists). It must say nothing at all: a
 *   directive systemd cannot parse is only a warning, with exit status 0.
 * - kiosk-session with a stand-in cage that, like cage 0.1.4 on bookworm, exits 0 whatever the app
 *   returned: the staff exit still ends the unit with 10 (not restarted), anything else with 1.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markStaffExit, staffExitMarkVariable, staffExitStatus } from '../../../main/shell/staffExit.ts';
import { tempDir } from '../../support/tempDir.ts';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const unitFile = path.join(root, 'packaging/linux/stillroom-kiosk.service');
const sessionScript = path.join(root, 'packaging/linux/kiosk-session');
const systemUnits = '/usr/lib/systemd/system';
const analyze = spawnSync('systemd-analyze', ['--version']).status === 0 && existsSync(systemUnits);

function installedTree(unitText: string): string {
  const tree = tempDir('unit-root');
  const file = (relative: string, text: string, mode = 0o644) => {
    mkdirSync(path.dirname(path.join(tree, relative)), { recursive: true });
    writeFileSync(path.join(tree, relative), text);
    chmodSync(path.join(tree, relative), mode);
  };
  cpSync(systemUnits, path.join(tree, 'usr/lib/systemd/system'), { recursive: true, verbatimSymlinks: true });
  file('usr/lib/systemd/system/stillroom-kiosk.service', unitText);
  file('opt/Stillroom/resources/kiosk/kiosk-session', readFileSync(sessionScript, 'utf8'), 0o755);
  file('usr/bin/cage', '#!/bin/sh\n', 0o755);
  return tree;
}

function verify(unitText: string) {
  const run = spawnSync('systemd-analyze', ['verify', `--root=${installedTree(unitText)}`, 'stillroom-kiosk.service'], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}

describe.skipIf(!analyze)('the kiosk unit under systemd-analyze verify (skipped without systemd-analyze)', () => {
  it('passes, saying nothing', () => {
    expect(verify(readFileSync(unitFile, 'utf8'))).toEqual({ status: 0, output: '' });
  });

  it('a directive systemd cannot parse, or a session script that is not there, fails', () => {
    const unit = readFileSync(unitFile, 'utf8');
    expect(verify(unit.replace('Restart=always', 'Restart=allways')).output).toContain('allways');
    expect(verify(unit.replace('/opt/Stillroom/resources/kiosk/kiosk-session', '/opt/Stillroom/resources/kiosk/missing')).status).not.toBe(0);
  });

  it('does not restart after the staff exit, and restarts after anything else', () => {
    const unit = readFileSync(unitFile, 'utf8');
    expect(unit).toMatch(/^Restart=always$/m);
    expect(unit).toMatch(new RegExp(`^RestartPreventExitStatus=${staffExitStatus}$`, 'm'));
    expect(unit).toMatch(/^ExecStart=\/opt\/Stillroom\/resources\/kiosk\/kiosk-session$/m);
    expect(unit).toMatch(/^RuntimeDirectory=stillroom-kiosk$/m);
  });
});

describe('kiosk-session with a cage that always exits 0 (cage 0.1.4)', () => {
  /** Runs the script with a stand-in cage that runs `client` (shell) in place of the app, then exits 0. */
  function session(client: string) {
    const dir = tempDir('kiosk-session');
    const cage = path.join(dir, 'cage');
    writeFileSync(cage, `#!/bin/sh\n${client}\nexit 0\n`);
    chmodSync(cage, 0o755);
    const run = spawnSync('sh', [sessionScript], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', STILLROOM_CAGE: cage, RUNTIME_DIRECTORY: dir } });
    return { status: run.status, output: run.stdout, markLeft: existsSync(path.join(dir, 'staff-exit')) };
  }

  it('the staff exit (the app leaves its mark) ends the unit with 10, which systemd does not restart', () => {
    const result = session('echo done > "$STILLROOM_STAFF_EXIT_MARK"; exit 10');
    expect(result.status).toBe(staffExitStatus);
    expect(result.output).toContain('staff exit');
    expect(result.markLeft).toBe(false);
  });

  it('a crash or any other end of the app is a failure, restarted, even though cage said 0', () => {
    expect(session('exit 1').status).toBe(1);
    expect(session('exit 0').status).toBe(1);
  });

  it('an old mark does not stop the next kiosk', () => {
    const dir = tempDir('kiosk-session');
    writeFileSync(path.join(dir, 'staff-exit'), 'old\n');
    const cage = path.join(dir, 'cage');
    writeFileSync(cage, '#!/bin/sh\nexit 0\n');
    chmodSync(cage, 0o755);
    const run = spawnSync('sh', [sessionScript], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', STILLROOM_CAGE: cage, RUNTIME_DIRECTORY: dir } });
    expect(run.status).toBe(1);
  });

  it("the app's own staff exit writes the mark where the script looks, and says so when it cannot", () => {
    const dir = tempDir('kiosk-session');
    const mark = path.join(dir, 'staff-exit');
    const said: string[] = [];
    markStaffExit({ [staffExitMarkVariable]: mark }, (message) => said.push(message));
    expect(existsSync(mark)).toBe(true);
    expect(said).toEqual([]);
    // Started outside the unit (no variable): nothing is written anywhere.
    markStaffExit({}, (message) => said.push(message));
    markStaffExit({ [staffExitMarkVariable]: path.join(dir, 'missing-folder', 'staff-exit') }, (message) => said.push(message));
    expect(said).toEqual(['the staff exit could not leave its mark; the kiosk unit will start the kiosk again']);
  });
});
