/**
 * The process under measurement for checkins.ts: a real hub on a free port, a bare WebSocket echo
 * server beside it as the floor, and its own resident memory on request. Started with `fork`.
 */
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import { createHub } from '../main/hub/hub.ts';
import { silentLog } from '../main/hub/log.ts';
import { startHttpTransport } from '../main/hub/transport/httpTransport.ts';
import { tempDir } from '../test/support/tempDir.ts';

export type HubMessage = { type: 'ready'; url: string; echoUrl: string } | { type: 'memory'; rss: number; heapUsed: number; gc: boolean };

const repoRoot = join(import.meta.dirname, '..');
const hub = await createHub({
  configPath: join(repoRoot, 'config/demo-office.yaml'),
  dataDir: tempDir('bench'),
  rendererDir: join(repoRoot, 'dist/renderer'),
  log: silentLog,
});
const http = await startHttpTransport(hub, { port: 0 });
const echo = new WebSocketServer({ port: 0, host: '127.0.0.1' });
echo.on('connection', (ws) => ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })));
await new Promise((resolve) => echo.once('listening', resolve));
const echoPort = (echo.address() as { port: number }).port;

const send = (message: HubMessage) => process.send!(message);
process.on('message', (message: { type: 'memory' } | { type: 'stop' }) => {
  if (message.type === 'memory') {
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    send({ type: 'memory', rss, heapUsed, gc: typeof globalThis.gc === 'function' });
  } else {
    echo.close();
    void http.close().then(() => hub.close()).then(() => process.exit(0));
  }
});
send({ type: 'ready', url: http.url, echoUrl: `ws://127.0.0.1:${echoPort}` });
