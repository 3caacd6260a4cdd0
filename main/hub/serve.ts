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
  hub: Hub;
  http: HttpTransport;
  close(): Promise<void>;
}

export async function serveHub(options: ServeOptions): Promise<Serving> {
  const hub = await createHub({ configPath: options.configPath, dataDir: options.dataDir, rendererDir: options.rendererDir, presetsDir: options.presetsDir, ...(options.setupCodeHash ? { setupCodeHash: options.setupCodeHash } : {}) });
  // A fault in one part is logged and shown on the desk rather than ending the process (crashGuard.ts).
  installCrashGuard({ log: hub.log, faults: hub.faults });
  const { network } = hub.config;
  let http: HttpTransport;
  try {
    http = await startHttpTransport(hub, { port: options.port ?? network.port, host: options.host ?? network.listen, ...(network.tls ? { tls: readTls(options.configPath, network.tls) } : {}) });
  } catch (error) {
    await hub.close();
    throw error;
  }
  return {
    hub,
    http,
    close: async () => {
      await http.close();
      await hub.close();
    },
  };
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
