/**
 * Runs the real `stillroom serve` command as a child process, the way an office runs it, so a test
 * can kill it hard and start it again on the same data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from './hubClient.ts';

export interface HubProcess {
  url: string;
  child: ChildProcess;
  /** What the process has written to stderr so far (its log lines). */
  stderr(): string;
  /** What it has written to stdout so far (what the terminal shows). */
  stdout(): string;
  /** Kills the process with `signal` and waits until it has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Serves `dataDir` with the demo office, or with `configPath`'s office; `host` is `--host`. */
export function serveFromCli(dataDir: string, { configPath, timeoutMs = 15_000, env, host }: { configPath?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv; host?: string } = {}): Promise<HubProcess> {
  const config = configPath ? ['--config', configPath] : [];
  const listen = host ? ['--host', host] : [];
  const child = spawn(process.execPath, ['bin/stillroom.js', 'serve', ...config, '--data', dataDir, '--port', '0', ...listen], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], ...(env ? { env: { ...process.env, ...env } } : {}) });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      void kill('SIGKILL');
      reject(new Error(`${reason}\nstdout: ${stdout}\nstderr: ${stderr}`));
    };
    const timer = setTimeout(() => fail(`stillroom serve did not say where it serves within ${timeoutMs} ms`), timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => (stderr += String(chunk)));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += String(chunk);
      const url = /Stillroom is serving .+ at (https?:\/\/\S+:\d+)/.exec(stdout)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child, kill, stderr: () => stderr, stdout: () => stdout });
      }
    });
    child.once('exit', (code, signal) => fail(`stillroom serve exited early (code ${code}, signal ${signal})`));
  });
}
