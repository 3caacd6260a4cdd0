/**
 * One hub per data folder. Two hubs on one folder both served, each with its own live feed, so a
 * desk on one saw none of the check-ins made on the other. The first hub writes its process id to
 * `<data>/hub.lock` (created exclusively, so two starting together cannot both win); a second one
 * finds it, sees that process is alive and refuses to start, in words. A lock left by a hub that
 * died (SIGKILL, a power cut) names a process that no longer exists, or this very process (a
 * container restarts its hub as the same pid), and is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataFolderInUse extends Error {}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which is still a live process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the data folder for this process; throws DataFolderInUse when another live hub holds it. */
export function lockDataFolder(dataDir: string): { release(): void } {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'hub.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
          } catch {
            // Already gone.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    try {
      holder = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    } catch {
      // Removed between our attempt and this read: try again.
    }
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
      throw new DataFolderInUse(
        `Another Stillroom hub (process ${holder}) is already using the data folder ${dataDir}. Two hubs on one folder would split the desk's live board. Stop the other hub first, or give this one its own folder with --data.`,
      );
    }
    // Left by a hub that is no longer running: take it over.
    rmSync(file, { force: true });
  }
  throw new DataFolderInUse(`The data folder ${dataDir} could not be locked for this hub; another hub may be starting on it. Try again in a moment.`);
}
