import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rotatingLogFile } from '../../main/hub/logFile.ts';
import { tempDir } from '../support/tempDir.ts';

describe('the log file', () => {
  it('rotates by size and keeps only the newest files', () => {
    const dir = tempDir('logs');
    const write = rotatingLogFile(dir, { maxBytes: 100, keep: 2 });
    for (let n = 0; n < 20; n++) write(`{"line":${String(n).padStart(2, '0')},"pad":"${'x'.repeat(20)}"}`);

    expect(readdirSync(dir).sort()).toEqual(['stillroom.log', 'stillroom.log.1', 'stillroom.log.2']);
    const newest = readFileSync(join(dir, 'stillroom.log'), 'utf8');
    expect(newest).toContain('"line":19');
    expect(Buffer.byteLength(newest)).toBeLessThanOrEqual(100);
    // The oldest lines went with the file past `keep`.
    const all = ['stillroom.log.2', 'stillroom.log.1', 'stillroom.log'].map((f) => readFileSync(join(dir, f), 'utf8')).join('');
    expect(all).not.toContain('"line":00');
  });

  it('carries on appending to a file left by an earlier run', () => {
    const dir = tempDir('logs');
    rotatingLogFile(dir)('{"run":1}');
    rotatingLogFile(dir)('{"run":2}');
    expect(readFileSync(join(dir, 'stillroom.log'), 'utf8')).toBe('{"run":1}\n{"run":2}\n');
  });

  it('never throws when a line cannot be written, counts it, and says so once it can write again', () => {
    const dir = tempDir('logs');
    const write = rotatingLogFile(dir);
    write('{"n":1}');
    // What a full disk or no free descriptors looks like to the writer: the append fails.
    rmSync(join(dir, 'stillroom.log'));
    mkdirSync(join(dir, 'stillroom.log'));
    expect(() => write('{"n":2}')).not.toThrow();
    expect(() => write('{"n":3}')).not.toThrow();
    expect(write.dropped()).toBe(2);

    rmSync(join(dir, 'stillroom.log'), { recursive: true });
    write('{"n":4}');
    const lines = readFileSync(join(dir, 'stillroom.log'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ level: 'warn', message: 'log lines could not be written', dropped: 2, problem: 'EISDIR' });
    expect(lines[1]).toEqual({ n: 4 });
  });
});
