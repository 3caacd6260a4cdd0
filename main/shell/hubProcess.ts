/**
 * The hub's process in the app: Electron's `utilityProcess.fork` of dist/main/hub-process.js,
 * shaped as the supervisor's `HubChild`. A utility process is a Node child that Electron starts
 * itself, so it works with the run-as-node fuse off (https://www.electronjs.org/docs/latest/api/utility-process).
 * The entry is ESM (package.json "type": "module"); utility processes load an ESM entry since
 * Electron 28 (electron/electron#40047, "feat: support esm entrypoint to utility process").
 * `fork` may only be called after the app's `ready` event (electron.d.ts, UtilityProcess.fork).
 *
 * Electron 45's types (node_modules/electron/electron.d.ts): `postMessage(message)` sends,
 * the `message` event carries the data itself, `exit` gives the exit code, `kill()` ends it.
 */
import type { UtilityProcess } from 'electron';
import type { HubChild, SpawnRequest } from './hubSupervisor.ts';

export interface HubProcessPaths {
  /** dist/main/hub-process.js inside the app. */
  entry: string;
  configPath: string;
  dataDir: string;
  rendererDir: string;
  presetsDir: string;
  /** The port for the first start (`--port`); restarts ask for the one the hub then had. */
  port?: number;
}

/** The hub process's arguments (main/hub/supervised/child.ts reads them). */
export function hubProcessArgs(paths: HubProcessPaths, request: SpawnRequest): string[] {
  return ['--config', paths.configPath, '--data', paths.dataDir, '--renderer', paths.rendererDir, '--presets', paths.presetsDir, ...portArgs(request.port ?? paths.port)];
}

function portArgs(port: number | undefined): string[] {
  return port === undefined ? [] : ['--port', String(port)];
}

type Fork = (modulePath: string, args: string[], options: { serviceName: string; stdio: 'inherit' }) => Pick<UtilityProcess, 'postMessage' | 'kill' | 'on' | 'once'>;

export function utilityHubSpawner(fork: Fork, paths: HubProcessPaths): (request: SpawnRequest) => HubChild {
  return (request) => {
    // The hub's log lines go where the app's go (journald under systemd).
    // No `env`: the hub inherits the shell's environment (electron.d.ts ForkOptions.env, "Default
    // is `process.env`"), so the unit's EnvironmentFile= secrets and systemd's CREDENTIALS_DIRECTORY
    // (LoadCredential=, hub/config/secrets.ts) reach it.
    const child = fork(paths.entry, hubProcessArgs(paths, request), { serviceName: 'Stillroom hub', stdio: 'inherit' });
    return {
      send: (command) => child.postMessage(command),
      kill: () => void child.kill(),
      onMessage: (listener) => void child.on('message', listener),
      onExit: (listener) => void child.once('exit', (code) => listener(code)),
    };
  };
}
