/**
 * What the supervised hub process and the shell that supervises it say to each other. Plain
 * values only: the same messages travel over Electron's `process.parentPort` (a utility process)
 * and Node's `process.send` (a forked child in the tests).
 */

/** From the hub to its supervisor. */
export type HubReport =
  /** The hub is serving at `url` (loopback or the office network, as `config.network` says). */
  | { kind: 'listening'; url: string }
  /**
   * The hub cannot start and starting it again will not help (a config error): the shell shows
   * the calm page and says why instead of restarting it every few seconds.
   */
  | { kind: 'refused'; message: string };

/** From the supervisor to the hub. */
export type HubCommand = { kind: 'close' };

/** The exit code of a hub that refused to start (sysexits' EX_CONFIG). */
export const refusedExitCode = 78;

export function isHubReport(value: unknown): value is HubReport {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  if (message.kind === 'listening') return typeof message.url === 'string';
  if (message.kind === 'refused') return typeof message.message === 'string';
  return false;
}

export function isHubCommand(value: unknown): value is HubCommand {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>).kind === 'close';
}
