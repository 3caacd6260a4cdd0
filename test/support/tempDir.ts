/**
 * Temporary folders for tests and benchmarks: `tempDir('rooms')` makes `stillroom-rooms-…` in the
 * temp folder and remembers it, and `removeTempDirs()` removes every folder this process made.
 * vitest removes them after each test file (`vitestSetup.ts`), Playwright after each worker
 * (`playwrightTest.ts`); every process also removes its own when it exits, which covers the
 * benchmarks and the child processes they fork. `tempRoot.ts` checks the result for the whole run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every name starts with this, so a folder left behind says whose it is. */
export const tempPrefix = 'stillroom-';

// One registry per process, even where a test runner loads this module once per test file.
const registryKey = Symbol.for('stillroom.test.tempDirs');
type Registry = Set<string>;
const globals = globalThis as typeof globalThis & { [registryKey]?: Registry };
const made: Registry = (globals[registryKey] ??= (() => {
  const registry: Registry = new Set();
  process.once('exit', () => removeAll(registry));
  return registry;
})());

function removeAll(registry: Registry): void {
  for (const dir of registry) {
    // maxRetries: a child process that was just killed may still be closing its SQLite files.
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    registry.delete(dir);
  }
}

/** A fresh, empty folder `stillroom-<purpose>-XXXXXX` in the temp folder, removed for you. */
export function tempDir(purpose: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${tempPrefix}${purpose}-`));
  made.add(dir);
  return dir;
}

/** Removes every folder `tempDir` made in this process so far. */
export function removeTempDirs(): void {
  removeAll(made);
}
