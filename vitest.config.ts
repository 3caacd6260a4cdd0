import { defineConfig } from 'vitest/config';

// Unit and integration tests run in Node against real SQLite files, real sockets and, where a
// test starts one, a real Mosquitto. Browser tests live in test/e2e and run under Playwright.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Temp folders: removed after each file, and none may be left at the end (test/support/tempDir.ts).
    globalSetup: ['test/support/vitestGlobalSetup.ts'],
    setupFiles: ['test/support/vitestSetup.ts'],
  },
});
