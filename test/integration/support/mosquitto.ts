/**
 * A real Mosquitto 2 for one test file: its own free port, its own temporary config and data
 * folder, started and stopped by the test. Ready means the broker said "running" (it logs that
 * after its listener is open), never a sleep.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { tempDir } from '../../support/tempDir.ts';

const mosquittoBinary = '/usr/sbin/mosquitto';
const passwdBinary = '/usr/bin/mosquitto_passwd';

export interface MosquittoOptions {
  /** Keep sessions, queued messages and retained messages across `restart()` (saved on a clean stop). */
  persistence?: boolean;
  /** Only these users may connect (a password file made with `mosquitto_passwd`); anonymous is refused. */
  users?: Record<string, string>;
  /** An ACL file's text (mosquitto.conf `acl_file`): only what it grants is allowed. */
  acl?: string;
  /** More mosquitto.conf lines, e.g. `use_username_as_clientid true`. */
  extraConfig?: string[];
}

export interface Mosquitto {
  port: number;
  url: string;
  /** The broker's own log, for a failing test's message. */
  output(): string;
  /** A clean stop (SIGTERM): Mosquitto saves its persistence file before it exits. */
  stop(): Promise<void>;
  /** Starts again after `stop()`, on the same port with the same config and data. */
  start(): Promise<void>;
  /** `stop()` then `start()`. */
  restart(): Promise<void>;
  /** Stops and deletes the broker's folder. */
  dispose(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function configFile(dir: string, port: number, options: MosquittoOptions): string {
  const lines = [`listener ${port} 127.0.0.1`, 'log_dest stderr', 'log_type error', 'log_type warning', 'log_type notice', 'log_type information'];
  // Tests run as root in CI containers; without this Mosquitto drops to the `mosquitto` user and
  // cannot write its persistence file into our temporary folder.
  if (process.getuid?.() === 0) lines.push('user root');
  if (options.users) {
    const passwordFile = join(dir, 'passwords');
    if (existsSync(passwdBinary)) {
      writeFileSync(passwordFile, '');
      for (const [user, password] of Object.entries(options.users)) {
        const made = spawnSync(passwdBinary, ['-b', passwordFile, user, password]);
        if (made.status !== 0) throw new Error(`mosquitto_passwd failed: ${String(made.stderr)}`);
      }
      lines.push('allow_anonymous false', `password_file ${passwordFile}`);
    } else {
      lines.push('allow_anonymous false');
    }
  } else {
    lines.push('allow_anonymous true');
  }
  if (options.acl !== undefined) {
    const aclFile = join(dir, 'acl');
    writeFileSync(aclFile, options.acl);
    lines.push(`acl_file ${aclFile}`);
  }
  lines.push(...(options.extraConfig ?? []));
  if (options.persistence) lines.push('persistence true', `persistence_location ${dir}/`);
  const file = join(dir, 'mosquitto.conf');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/**
 * Resolves when the broker answers an MQTT CONNECT with a CONNACK (accepted or not): only then is its
 * main loop running. Mosquitto logs "running" a moment before, and a SIGTERM in that moment is lost.
 */
function answersConnect(port: number): Promise<void> {
  // MQTT 3.1.1 CONNECT, clean session, empty client id.
  const connect = Buffer.from([0x10, 0x0c, 0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, 0x04, 0x02, 0x00, 0x3c, 0x00, 0x00]);
  return new Promise((resolve, reject) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => socket.write(connect));
    socket.once('data', (data) => {
      socket.destroy();
      if (data[0] === 0x20) resolve();
      else reject(new Error('mosquitto answered CONNECT with something other than CONNACK'));
    });
    socket.once('error', reject);
  });
}

export async function startMosquitto(options: MosquittoOptions = {}): Promise<Mosquitto> {
  const dir = tempDir('mosquitto');
  const port = await freePort();
  const config = configFile(dir, port, options);
  let log = '';
  let child: ChildProcess | undefined;

  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const from = log.length;
      let ready = false;
      const started = spawn(mosquittoBinary, ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
      child = started;
      const onExit = (code: number | null) => reject(new Error(`mosquitto exited (code ${code}) before it was running:\n${log}`));
      started.once('exit', onExit);
      started.stderr!.on('data', (chunk: Buffer) => {
        log += String(chunk);
        if (!ready && /mosquitto version \S+ running/.test(log.slice(from))) {
          ready = true;
          void answersConnect(port).then(() => {
            started.off('exit', onExit);
            resolve();
          }, reject);
        }
      });
    });

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    await exited;
  };

  await launch();
  return {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    output: () => log,
    stop,
    start: launch,
    restart: async () => {
      await stop();
      await launch();
    },
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ReceivedMqttMessage {
  topic: string;
  text: string;
  retain: boolean;
}

export interface RawSubscriber {
  client: MqttClient;
  messages: ReceivedMqttMessage[];
  /** Resolves once `done(messages)` is true, checked after every message; rejects after `timeoutMs`. */
  until(done: (messages: ReceivedMqttMessage[]) => boolean, what: string, timeoutMs?: number): Promise<ReceivedMqttMessage[]>;
  close(): Promise<void>;
}

/**
 * A plain MQTT.js client standing in for another system on the bus (a screen, Node-RED, a second
 * hub). With `clientId` it keeps a persistent session, so the broker queues what it misses.
 */
export async function rawSubscriber(url: string, filters: string[], options: { clientId?: string; username?: string; password?: string } = {}): Promise<RawSubscriber> {
  const client = await mqtt.connectAsync(url, {
    protocolVersion: 5,
    reconnectPeriod: 50,
    ...(options.username ? { username: options.username, password: options.password ?? '' } : {}),
    ...(options.clientId ? { clientId: options.clientId, clean: false, properties: { sessionExpiryInterval: 3600 } } : {}),
  });
  const messages: ReceivedMqttMessage[] = [];
  const waiters = new Set<() => void>();
  client.on('message', (topic, payload, packet) => {
    messages.push({ topic, text: payload.toString('utf8'), retain: packet.retain });
    for (const wake of waiters) wake();
  });
  if (filters.length > 0) await client.subscribeAsync(filters, { qos: 1 });
  return {
    client,
    messages,
    until: (done, what, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!done(messages)) return;
          cleanup();
          resolve(messages);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`Timed out waiting for ${what} (${messages.length} messages so far)`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    close: () => client.endAsync(true),
  };
}
