/**
 * Structured log lines (one JSON object per line on stderr). Callers pass ids and counts, never
 * client data; the fields are plain values so a line can be searched and never holds an object
 * graph that might carry more than intended.
 */
export type LogFields = Record<string, string | number | boolean | null>;
export type Log = Record<'info' | 'warn' | 'error', (message: string, fields?: LogFields) => void>;

export function createLog(write: (line: string) => void = toStderr): Log {
  const entry = (level: string) => (message: string, fields: LogFields = {}) => {
    try {
      write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
    } catch {
      // Logging is never a reason for the caller to fail.
    }
  };
  return { info: entry('info'), warn: entry('warn'), error: entry('error') };
}

/**
 * Writes each line to every sink, e.g. standard error and the rotated log file. A sink that
 * throws loses that line for itself only: logging never takes the hub down.
 */
export const toAll =
  (...sinks: ((line: string) => void)[]) =>
  (line: string) => {
    for (const sink of sinks) {
      try {
        sink(line);
      } catch {
        // The sink failed (no descriptors, full disk, closed pipe); the others still get the line.
      }
    }
  };

export const toStderr = (line: string) => {
  // A closed or broken stderr (EPIPE) reports asynchronously on the stream; listen once so it is not fatal.
  if (process.stderr.listenerCount('error') === 0) process.stderr.on('error', () => {});
  process.stderr.write(`${line}\n`);
};

export const silentLog: Log = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * An error for the log: its name and code (SqliteError SQLITE_FULL), never its message, which can
 * quote what a caller sent (JSON.parse does) and so carry a name or a phone number into the log.
 */
export function errorName(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const code = 'code' in error ? ` ${String((error as { code: unknown }).code).slice(0, 40)}` : '';
  return `${error.name.slice(0, 60)}${code}`;
}
