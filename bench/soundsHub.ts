/**
 * The process under measurement for sounds.ts: a real hub (the demo office) on a free port, which
 * reports its own CPU time on request. Started with `fork`, so the listeners' CPU is not counted.
 */
import { join } from 'node:path';
import { createHub } from '../main/hub/hub.ts';
import { silentLog } from '../main/hub/log.ts';
import { startHttpTransport } from '../main/hub/transport/httpTransport.ts';
import { tempDir } from '../test/support/tempDir.ts';

export type SoundsHubMessage = { type: 'ready'; url: string } | { type: 'cpu'; microseconds: number; atMs: number };

const repoRoot = join(import.meta.dirname, '..');
const hub = await createHub({ configPath: join(repoRoot, 'config/demo-office.yaml'), dataDir: tempDir('bench-sounds'), rendererDir: join(repoRoot, 'dist/renderer'), log: silentLog });
const http = await startHttpTransport(hub, { port: 0 });

const send = (message: SoundsHubMessage) => process.send!(message);
process.on('message', (message: { type: 'cpu' } | { type: 'stop' }) => {
  if (message.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    send({ type: 'cpu', microseconds: user + system, atMs: performance.now() });
  } else {
    void http.close().then(() => hub.close()).then(() => process.exit(0));
  }
});
send({ type: 'ready', url: http.url });
