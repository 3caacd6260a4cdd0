/**
 * Runs before every vitest test file (vitest.config.ts `setupFiles`). Its `afterAll` is registered
 * first, so it runs after the file's own hooks have closed their hubs and brokers.
 */
import { afterAll } from 'vitest';
import { removeTempDirs } from './tempDir.ts';

afterAll(removeTempDirs);
