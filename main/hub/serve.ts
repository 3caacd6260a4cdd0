/**
 * Starts a hub and its HTTP + WebSocket transport as `config.network` says (or as overridden):
 * what `stillroom serve` runs, and what the Electron app runs in its utility process
 * (supervised/child.ts), so the desk, the room tablets and the kiosk reach one database.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from './config/loadConfig.ts';
import { installCrashGuard } from './crashGuard.ts';
import { createHub, type Hub } from './hub.ts';
import { startHttpTransport, type HttpTransport } from './transport/httpTransport.ts';

export interface ServeOptions {
  configPath: string;
  dataDir: string;
  rendererDir: string;
  presetsDir: string;
  /** Overrides `network.port` (0: any free port). */
  port?: number;
  /** Overrides `network.listen`. */
  host?: string;
  /** A new office's one-time setup code, hashed (setup/firstRun.ts). */
  setupCodeHash?: string;
}

export interface Serving {
  /** The hub now serving (a new one after each in-process restart). */
  readonly hub: Hub;
  readonly http: HttpTransport;
  close(): Promise<void>;
}

export interface RestartOptions {
  /**
   * Lets admin's "Restart now" start the hub's parts again in this process: the hub and its
   * transport are closed (screens see the connection drop and reconnect, as after any restart) and
   * started on the saved office file, on the same address and port. `onRestarted` hears the new
   * one; `onRestartFailed` a restart that could not start (the office file is checked before, so
   * this is a port taken meanwhile, a disk gone), after which nothing serves: the caller decides.
   */
  inProcessRestart?: { onRestarted: (serving: Serving) => void; onRestartFailed: (error: unknown) => void };
}

export async function serveHub(options: ServeOptions & RestartOptions): Promise<Serving> {
  let restarting: Promise<void> | null = null;
  let closed = false;
  const restart = () => {
    restarting ??= (async () => {
      const port = Number(new URL(current.http.url).port);
      await stopParts(current);
      if (closed) return;
      current = await startOnce({ ...options, port });
      options.inProcessRestart?.onRestarted(serving);
    })()
      .catch((error: unknown) => options.inProcessRestart?.onRestartFailed(error))
      .finally(() => (restarting = null));
  };
  const startOnce = (start: ServeOptions) => startParts(start, options.inProcessRestart ? restart : undefined);
  let current = await startOnce(options);
  const serving: Serving = {
    get hub() {
      return current.hub;
    },
    get http() {
      return current.http;
    },
    close: async () => {
      closed = true;
      await restarting;
      await stopParts(current);
    },
  };
  return serving;
}

interface Parts {
  hub: Hub;
  http: HttpTransport;
  /** Takes this hub's crash guard off the process (a restarted hub installs its own). */
  unguard: () => void;
}

const stopped = new WeakSet<Parts>();
/** Stops one hub and its transport, in the order they were started in reverse; once. */
async function stopParts(parts: Parts): Promise<void> {
  if (stopped.has(parts)) return;
  stopped.add(parts);
  await parts.http.close();
  await parts.hub.close();
  parts.unguard();
}

async function startParts(options: ServeOptions, restart: (() => void) | undefined): Promise<Parts> {
  const hub = await createHub({ configPath: options.configPath, dataDir: options.dataDir, rendererDir: options.rendererDir, presetsDir: options.presetsDir, ...(options.setupCodeHash ? { setupCodeHash: options.setupCodeHash } : {}), ...(restart ? { restart } : {}) });
  // A fault in one part is logged and shown on the desk rather than ending the process (crashGuard.ts).
  const unguard = installCrashGuard({ log: hub.log, faults: hub.faults });
  const { network } = hub.config;
  try {
    const http = await startHttpTransport(hub, { port: options.port ?? network.port, host: options.host ?? network.listen, ...(network.tls ? { tls: readTls(options.configPath, network.tls) } : {}) });
    return { hub, http, unguard };
  } catch (error) {
    unguard();
    await hub.close();
    throw error;
  }
}

/** The certificate and key named in the config, read now so a wrong path stops start-up with a clear message. */
function readTls(configPath: string, tls: { certificate: string; key: string }): { cert: Buffer; key: Buffer } {
  const read = (setting: 'certificate' | 'key') => {
    const file = resolve(dirname(configPath), tls[setting]);
    try {
      return readFileSync(file);
    } catch {
      throw new ConfigError(configPath, [`network.tls.${setting}: cannot read ${file}`]);
    }
  };
  return { cert: read('certificate'), key: read('key') };
}

/** A port from the command line, or a message saying what is wrong with it. */
export function parsePort(value: string | undefined): number | undefined | { problem: string } {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || value.trim() === '') return { problem: `--port must be a number from 0 to 65535, not "${value}".` };
  return port;
}
