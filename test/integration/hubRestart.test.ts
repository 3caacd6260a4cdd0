import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { boardAt, kioskAt, newDataDir, repoRoot } from './support/hubClient.ts';
import { serveFromCli, type HubProcess } from './support/hubProcess.ts';

let running: HubProcess | undefined;

beforeAll(() => {
  // `npm test` builds first; this keeps the file runnable on its own.
  if (!existsSync(join(repoRoot, 'dist/main/cli.js'))) execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: repoRoot, stdio: 'inherit' });
});

afterEach(async () => {
  await running?.kill('SIGKILL');
  running = undefined;
});

describe('the hub started from the command line', () => {
  it('keeps the arrivals when it is killed and started again on the same data folder', async () => {
    const dataDir = newDataDir();
    running = await serveFromCli(dataDir);
    await kioskAt(running.url).checkIn({ clinicianId: 'sam', slot: { kind: 'later' }, wishes: ['softer-light'] });
    await kioskAt(running.url).checkIn({ clinicianId: null, slot: { kind: 'unsure' }, wishes: [] });
    const before = await boardAt(running.url);
    expect(before).toHaveLength(2);

    await running.kill('SIGKILL');
    running = await serveFromCli(dataDir);

    expect(await boardAt(running.url)).toEqual(before);
  });
});
