/**
 * What the supervised hub process and the shell that supervises it say to each other. Plain
 * values only: the same messages travel over Electron's `process.parentPort` (a utility process)
 * and Node's `process.send` (a forked child in the tests). Both sides check what they receive:
 * a message that does not parse is dropped.
 */
import { z } from 'zod';
import { ScreenHealth } from '../../contract/contract.ts';

/** A question the shell asks the hub and waits for the answer to (matched by `id`). */
export const HubQuestion = z.discriminatedUnion('kind', [
  /**
   * A session for one of the shell's own staff windows (the desk or a room screen on the hub's
   * machine), so they open without a PIN as they always have. `current` is the token the window
   * already holds: if it is still good for the role, it is kept.
   */
  z.strictObject({ kind: z.literal('device-session'), role: z.enum(['desk', 'room']), current: z.string().max(200).optional() }),
  /** Whether `pin` is the admin PIN (the kiosk's staff exit). Throttled like any sign-in. */
  z.strictObject({ kind: z.literal('admin-pin'), pin: z.string().max(64) }),
]);
export type HubQuestion = z.infer<typeof HubQuestion>;

export type HubAnswer =
  | { kind: 'device-session'; ok: true; token: string; maxAgeSeconds: number }
  | { kind: 'device-session'; ok: false; message: string }
  | { kind: 'admin-pin'; ok: boolean };

/** From the hub to its supervisor. */
export type HubReport =
  /** The hub is serving at `url` (loopback or the office network, as `config.network` says). */
  | { kind: 'listening'; url: string }
  /**
   * The hub cannot start and starting it again will not help (a config error): the shell shows
   * the calm page and says why instead of restarting it every few seconds.
   */
  | { kind: 'refused'; message: string }
  | { kind: 'answer'; id: number; answer: HubAnswer };

export const HubCommand = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('close') }),
  /** The kiosk window's health, for the desk, MQTT and Home Assistant (the hub stamps the time). */
  z.strictObject({ kind: z.literal('screen-health'), health: ScreenHealth.omit({ reportedAt: true }) }),
  z.strictObject({ kind: z.literal('ask'), id: z.number().int().nonnegative(), question: HubQuestion }),
]);
/** From the supervisor to the hub. */
export type HubCommand = z.infer<typeof HubCommand>;

/** The exit code of a hub that refused to start (sysexits' EX_CONFIG). */
export const refusedExitCode = 78;

const Answer = z.union([
  z.strictObject({ kind: z.literal('device-session'), ok: z.literal(true), token: z.string(), maxAgeSeconds: z.number() }),
  z.strictObject({ kind: z.literal('device-session'), ok: z.literal(false), message: z.string() }),
  z.strictObject({ kind: z.literal('admin-pin'), ok: z.boolean() }),
]);
const HubReportSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('listening'), url: z.string() }),
  z.strictObject({ kind: z.literal('refused'), message: z.string() }),
  z.strictObject({ kind: z.literal('answer'), id: z.number().int(), answer: Answer }),
]);

export function isHubReport(value: unknown): value is HubReport {
  return HubReportSchema.safeParse(value).success;
}

export function isHubCommand(value: unknown): value is HubCommand {
  return HubCommand.safeParse(value).success;
}
