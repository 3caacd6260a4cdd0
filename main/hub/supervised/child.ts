/**
 * The hub as a supervised child process (bundled to dist/main/hub-process.js). The Electron app
 * starts it with `utilityProcess.fork` (which works with the run-as-node fuse off) and the tests
 * with `child_process.fork`; either way it serves as `config.network` says and reports to its
 * parent with the messages in protocol.ts.
 *
 *   hub-process.js --config <file> --data <dir> --renderer <dir> --presets <dir> [--port <n>] [--host <address>]
 *
 * Electron's utility process talks through `process.parentPort` (message events carry `.data`;
 * https://www.electronjs.org/docs/latest/api/parent-port); a forked Node child through
 * `process.send` and `process.on('message')`. No Electron import: the hub stays plain Node.
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/loadConfig.ts';
import { parsePort, serveHub, type Serving } from '../serve.ts';
import { isHubCommand, refusedExitCode, type HubAnswer, type HubCommand, type HubQuestion, type HubReport } from './protocol.ts';

interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

interface Channel {
  report(message: HubReport): void;
  onCommand(listener: (command: HubCommand) => void): void;
}

function parentChannel(): Channel {
  const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      report: (message) => parentPort.postMessage(message),
      onCommand: (listener) => parentPort.on('message', (event) => isHubCommand(event.data) && listener(event.data)),
    };
  }
  if (process.send) {
    return {
      report: (message) => process.send?.(message),
      onCommand: (listener) => process.on('message', (message) => isHubCommand(message) && listener(message)),
    };
  }
  // Run by hand: say it on standard output.
  return { report: (message) => process.stdout.write(`${JSON.stringify(message)}\n`), onCommand: () => {} };
}

async function main(): Promise<void> {
  const channel = parentChannel();
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      config: { type: 'string' },
      data: { type: 'string' },
      renderer: { type: 'string' },
      presets: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
    },
  });
  const port = parsePort(values.port);
  if (!values.config || !values.data || !values.renderer || !values.presets || typeof port === 'object') {
    channel.report({ kind: 'refused', message: typeof port === 'object' ? port.problem : 'The hub process needs --config, --data, --renderer and --presets.' });
    process.exit(refusedExitCode);
  }
  let serving: Serving;
  try {
    serving = await serveHub({
      configPath: values.config,
      dataDir: values.data,
      rendererDir: values.renderer,
      presetsDir: values.presets,
      ...(port === undefined ? {} : { port }),
      ...(values.host === undefined ? {} : { host: values.host }),
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      channel.report({ kind: 'refused', message: error.message });
      process.exit(refusedExitCode);
    }
    throw error;
  }
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await serving.close();
    process.exit(0);
  };
  const { hub } = serving;
  channel.onCommand((command) => {
    switch (command.kind) {
      case 'close':
        void close();
        break;
      case 'screen-health':
        hub.reportScreenHealth(command.health);
        break;
      case 'ask':
        void answer(command.question).then(
          (reply) => channel.report({ kind: 'answer', id: command.id, answer: reply }),
          (error: unknown) => {
            hub.log.error('the shell asked something the hub could not answer', { question: command.question.kind, error: error instanceof Error ? error.message : String(error) });
            channel.report({ kind: 'answer', id: command.id, answer: command.question.kind === 'admin-pin' ? { kind: 'admin-pin', ok: false } : { kind: 'device-session', ok: false, message: 'The hub could not open a session just now.' } });
          },
        );
        break;
    }
  });
  /** Only the parent can ask these: the channel is the credential (nothing on the network reaches it). */
  async function answer(question: HubQuestion): Promise<HubAnswer> {
    if (question.kind === 'admin-pin') return { kind: 'admin-pin', ok: await hub.staff.checkAdminPin(question.pin, 'kiosk staff exit') };
    const session = hub.staff.openDeviceSession(question.role, question.current);
    return { kind: 'device-session', ok: true, ...session };
  }
  process.once('SIGTERM', () => void close());
  process.once('SIGINT', () => void close());
  channel.report({ kind: 'listening', url: serving.http.url });
}

main().catch((error: unknown) => {
  process.stderr.write(`Stillroom's hub stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
