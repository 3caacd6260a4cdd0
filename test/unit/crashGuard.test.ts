import { describe, expect, it } from 'vitest';
import { isRecoverable } from '../../main/hub/crashGuard.ts';
import { createHubFaults, faultKind } from '../../main/hub/health/hubFaults.ts';
import { silentLog } from '../../main/hub/log.ts';

const withCode = (code: string) => Object.assign(new Error('boom'), { code });

describe('the crash guard', () => {
  it('keeps serving through a full disk, no descriptors, SQLite failures and dropped sockets', () => {
    for (const code of ['SQLITE_FULL', 'ENOSPC', 'EMFILE', 'SQLITE_IOERR', 'ECONNRESET', 'EPIPE']) expect(isRecoverable(withCode(code)), code).toBe(true);
  });

  it('lets a plain bug stop the process, as Node would, so the service restarts it fresh', () => {
    expect(isRecoverable(new TypeError('x is undefined'))).toBe(false);
    expect(isRecoverable('a string')).toBe(false);
  });
});

describe('the hub faults', () => {
  it('tell the desk of a full disk in words until a write works again', () => {
    const faults = createHubFaults(silentLog);
    let changes = 0;
    faults.onChange(() => (changes += 1));
    expect(faultKind(withCode('SQLITE_FULL'))).toBe('disk-full');
    faults.record('outbox', withCode('SQLITE_FULL'));
    faults.record('outbox', withCode('SQLITE_FULL'));
    expect(faults.problem()).toMatch(/^The hub's disk is full: check-ins are held/);
    expect(faults.count()).toBe(2);
    expect(changes).toBe(1);
    faults.recovered('disk-full');
    expect(faults.problem()).toBeNull();
    expect(changes).toBe(2);
  });
});
