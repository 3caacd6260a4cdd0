/**
 * The hub's log on disk, `<data>/logs/stillroom.log`, rotated by size so a kiosk that runs for
 * months never fills its card: when the file passes `maxBytes` it becomes `.1`, `.1` becomes `.2`,
 * and the oldest beyond `keep` is deleted. Synchronous appends: a line is on disk before the
 * next one, and a crash loses nothing already logged.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function rotatingLogFile(dir: string, { maxBytes = 5 * 1024 * 1024, keep = 5 } = {}): (line: string) => void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'stillroom.log');
  let size = existsSync(file) ? statSync(file).size : 0;
  const rotate = () => {
    rmSync(`${file}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n--) if (existsSync(`${file}.${n}`)) renameSync(`${file}.${n}`, `${file}.${n + 1}`);
    renameSync(file, `${file}.1`);
    size = 0;
  };
  return (line) => {
    const text = `${line}\n`;
    if (size > 0 && size + Buffer.byteLength(text) > maxBytes) rotate();
    appendFileSync(file, text, { mode: 0o600 });
    size += Buffer.byteLength(text);
  };
}
