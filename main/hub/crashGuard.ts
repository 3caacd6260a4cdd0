/**
 * The last line of defence for `stillroom serve`: an exception or rejection that escaped every
 * handler is logged and recorded in office health, and the hub goes on serving when the error is
 * one it recovers from by itself (a full disk, no file descriptors left, a failed SQLite write, a
 * dropped socket). Anything else is a bug the hub cannot reason about: it is logged, and the
 * process exits so systemd (packaging/) starts it fresh, as Node's own default would.
 */
import { faultKind, type HubFaults } from './health/hubFaults.ts';
import type { Log } from './log.ts';

const recoverableCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

/** Whether the hub keeps running after this error escaped (see the file comment). */
export function isRecoverable(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  return faultKind(error) !== 'unexpected' || recoverableCodes.has(code);
}

export function installCrashGuard({ log, faults, exit = (code) => process.exit(code) }: { log: Log; faults: Pick<HubFaults, 'record'>; exit?: (code: number) => void }): () => void {
  const handle = (origin: 'exception' | 'rejection') => (error: unknown) => {
    if (isRecoverable(error)) {
      faults.record(`uncaught ${origin}`, error);
      return;
    }
    log.error('the hub stopped on an unexpected error', { origin, error: error instanceof Error ? (error.stack ?? error.message).slice(0, 2000) : String(error).slice(0, 200) });
    exit(70);
  };
  const onException = handle('exception');
  const onRejection = handle('rejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
