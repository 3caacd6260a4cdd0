import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/browser.ts';

// End-to-end tests drive the headless hub (`stillroom serve`) through real Chromium; the
// electron project drives the real Electron shell where its binary exists.
export default defineConfig({
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: 'test-results',
  // The run's own temp folder; a spec that leaves a `stillroom-*` folder in it fails the run (test/support/tempDir.ts).
  globalSetup: './test/support/playwrightGlobalSetup.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    launchOptions: chromiumLaunchOptions(),
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
