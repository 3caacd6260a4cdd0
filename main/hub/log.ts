/**
 * Structured log lines (one JSON object per line on stderr). Callers pass ids and counts, never
 * client data; the fields are plain values so a line can be searched and never holds an object
 * graph that might carry more than intended.
 */
export type LogFields = Record<string, string | number | boolean | null>;
export type Log = Record<'info' | 'warn' | 'error', (message: string, fields?: LogFields) => void>;

export function createLog(write: (line: string) => void = toStderr): Log {
  const entry = (level: string) => (message: string, fields: LogFields = {}) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
  return { info: entry('info'), warn: entry('warn'), error: entry('error') };
}

/** Writes each line to every sink, e.g. standard error and the rotated log file. */
export const toAll =
  (...sinks: ((line: string) => void)[]) =>
  (line: string) => {
    for (const sink of sinks) sink(line);
  };

export const toStderr = (line: string) => void process.stderr.write(`${line}\n`);

export const silentLog: Log = { info: () => {}, warn: () => {}, error: () => {} };
