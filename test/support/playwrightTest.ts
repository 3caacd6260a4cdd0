/**
 * Playwright's `test` with the temp folders of each worker removed when the worker ends
 * (`tempDir.ts`). Every spec builds on this one, not on `@playwright/test`'s own.
 */
import { test as base } from '@playwright/test';
import { removeTempDirs } from './tempDir.ts';

export const test = base.extend<object, { removesTempDirs: void }>({
  removesTempDirs: [
    async ({}, use) => {
      await use();
      removeTempDirs();
    },
    { scope: 'worker', auto: true },
  ],
});
