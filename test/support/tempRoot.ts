/**
 * The global set-up of vitest and Playwright: the whole run gets a temp folder of its own
 * (`TMPDIR`, inherited by every worker and every hub, broker and browser they start), and at the
 * end of the run any `stillroom-*` folder still in it is a test that did not clean up after
 * itself: it is named and the run fails. Then the run's folder goes, whatever was in it.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tempPrefix } from './tempDir.ts';

export function useTempRoot(runner: string): () => void {
  const outer = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), `${tempPrefix}${runner}-run-`));
  process.env.TMPDIR = root;
  return () => {
    const leftBehind = readdirSync(root).filter((name) => name.startsWith(tempPrefix));
    rmSync(root, { recursive: true, force: true, maxRetries: 5 });
    if (outer === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outer;
    if (leftBehind.length > 0) {
      // Both runners report an error thrown here but vitest would still exit 0.
      process.exitCode = 1;
      throw new Error(`${leftBehind.length} temp folder(s) were left behind by the ${runner} tests (make them with tempDir() from test/support/tempDir.ts): ${leftBehind.join(', ')}`);
    }
  };
}
