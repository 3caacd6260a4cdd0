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
  },
});
