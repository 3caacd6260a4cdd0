/**
 * The hub's log on disk, `<data>/logs/stillroom.log`, rotated by size so a kiosk that runs for
 * months never fills its card: when the file passes `maxBytes` it becomes `.1`, `.1` becomes `.2`,
 * and the oldest beyond `keep` is deleted. Synchronous appends: a line is on disk before the
 * next one, and a crash loses nothing already logged.
 *
 * Writing a log line must never take the hub down: with no file descriptors left (EMFILE) or a
 * full disk (ENOSPC) the line is dropped and counted, and the next line that can be written says
 * how many were lost.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface LogFileSink {
  (line: string): void;
  /** Lines that could not be written since the hub started. */
  dropped(): number;
}

export function rotatingLogFile(dir: string, { maxBytes = 5 * 1024 * 1024, keep = 5 } = {}): LogFileSink {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'stillroom.log');
  let size = existsSync(file) ? statSync(file).size : 0;
  let dropped = 0;
  let unreported = 0;
  let lastProblem = '';
  const rotate = () => {
    rmSync(`${file}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n--) if (existsSync(`${file}.${n}`)) renameSync(`${file}.${n}`, `${file}.${n + 1}`);
    renameSync(file, `${file}.1`);
    size = 0;
  };
  const append = (text: string) => {
    if (size > 0 && size + Buffer.byteLength(text) > maxBytes) rotate();
    appendFileSync(file, text, { mode: 0o600 });
    size += Buffer.byteLength(text);
  };
  const sink = (line: string) => {
    try {
      if (unreported > 0) {
        append(`${JSON.stringify({ time: new Date().toISOString(), level: 'warn', message: 'log lines could not be written', dropped: unreported, problem: lastProblem })}\n`);
        unreported = 0;
      }
      append(`${line}\n`);
    } catch (error) {
      dropped += 1;
      unreported += 1;
      lastProblem = (error as NodeJS.ErrnoException).code ?? 'unknown';
    }
  };
  return Object.assign(sink, { dropped: () => dropped });
}
