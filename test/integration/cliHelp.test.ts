/**
 * `stillroom --help` answers a newcomer (issue 14): what each command and option does, without
 * starting anything; a mistyped command says how to ask. The real built command, as installed.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/hubClient.ts';

const stillroom = (...args: string[]) => {
  const run = spawnSync(process.execPath, ['bin/stillroom.js', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 20_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
};

describe('stillroom --help', () => {
  it('says what every command and option does, and exits without serving', () => {
    for (const asking of [['--help'], ['-h'], ['help'], ['serve', '--help'], ['hash-pin', '-h']]) {
      const { status, stdout, stderr } = stillroom(...asking);
      expect({ asking, status, stderr }).toEqual({ asking, status: 0, stderr: '' });
      for (const words of ['stillroom serve', 'stillroom hash-pin', '--config <file>', '--data <dir>', '--port <n>', '--host <address>', '0.0.0.0', '/kiosk', '/desk', '/admin']) expect(stdout).toContain(words);
      expect(stdout).not.toContain('Stillroom is serving');
    }
  });

  it('answers a mistyped command with what it can do and how to ask for more', () => {
    const { status, stdout, stderr } = stillroom('srve');
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('Unknown command "srve".');
    expect(stderr).toContain('stillroom --help');
  });
});
