/**
 * One client socket, from `auth_required` to close: the auth phase of HA's `auth.py`, the
 * per-message id rules of `ActiveConnection.async_handle`, and the coalescing writer of `http.py`.
 */
import type { RawData, WebSocket } from 'ws';
import { z } from 'zod';
import { commands, type CommandConnection } from './commands.ts';
import type { SimulatedUser } from './context.ts';
import type { SimulatedHome } from './home.ts';
import type { ServiceError } from './services.ts';
import { checkExclusive, humanizeInvalid, str, validate } from './voluptuous.ts';

export interface ConnectionPolicy {
  /** Whether this token opens the door right now (a fault can refuse even the right one). */
  acceptsToken(token: string): boolean;
  authTimeoutMs: number;
  replyDelayMs(): number;
  /** Whom the token belongs to, right now. */
  user(): SimulatedUser;
}

const authSchema = z.strictObject({
  type: z.literal('auth', { error: (issue) => (issue.input === undefined ? 'required key not provided' : 'not a valid value') }),
  access_token: str().optional(),
  api_password: str().optional(),
});

type Phase = 'authenticating' | 'commands' | 'closed';

export class ClientConnection implements CommandConnection {
  readonly subscriptions = new Map<number, () => void>();
  private phase: Phase = 'authenticating';
  private lastId = 0;
  private canCoalesce = false;
  private readonly outbox: Record<string, unknown>[] = [];
  private flushScheduled = false;
  private readonly authTimer: NodeJS.Timeout;

  constructor(
    private readonly socket: WebSocket,
    private readonly home: SimulatedHome,
    private readonly policy: ConnectionPolicy,
    private readonly recordReceived: (message: unknown) => void,
  ) {
    socket.send(JSON.stringify({ type: 'auth_required', ha_version: home.haVersion }));
    this.authTimer = setTimeout(() => this.disconnect(), policy.authTimeoutMs);
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('close', () => this.closed());
  }

  /** Ends the connection from the server side, the way HA does when it restarts or dies. */
  drop(): void {
    this.socket.terminate();
  }

  send(message: Record<string, unknown>): void {
    if (this.phase === 'closed') return;
    if (mergeEntityDiffs(this.outbox.at(-1), message)) return;
    this.outbox.push(message);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  sendResult(id: number, result: unknown): void {
    this.send({ id, type: 'result', success: true, result });
  }

  sendError(id: number | unknown, error: ServiceError | { code: string; message: string }): void {
    this.send({ id, type: 'result', success: false, error });
  }

  enableCoalescing(): void {
    this.canCoalesce = true;
  }

  get user(): SimulatedUser {
    return this.policy.user();
  }

  /** HA's writer joins everything queued into one JSON array, but only when more than one message waits. */
  private flush(): void {
    this.flushScheduled = false;
    const pending = this.outbox.splice(0).map((message) => JSON.stringify(message));
    if (this.socket.readyState !== this.socket.OPEN || pending.length === 0) return;
    if (this.canCoalesce && pending.length > 1) this.socket.send(`[${pending.join(',')}]`);
    else for (const message of pending) this.socket.send(message);
  }

  private disconnect(): void {
    this.phase = 'closed';
    this.socket.close(1000);
  }

  private closed(): void {
    clearTimeout(this.authTimer);
    this.phase = 'closed';
    for (const unsubscribe of this.subscriptions.values()) unsubscribe();
    this.subscriptions.clear();
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.phase === 'closed') return;
    if (isBinary) {
      // Binary frames only mean something to special handlers after auth; before it they are fatal.
      if (this.phase === 'authenticating') this.disconnect();
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString());
    } catch {
      return this.disconnect();
    }
    if (this.phase === 'authenticating') return this.authenticate(parsed);
    for (const message of Array.isArray(parsed) ? parsed : [parsed]) {
      this.recordReceived(message);
      this.handle(message);
    }
  }

  private authenticate(message: unknown): void {
    clearTimeout(this.authTimer);
    const conflict = message !== null && typeof message === 'object' ? checkExclusive(message as Record<string, unknown>, { auth: ['api_password', 'access_token'] }) : undefined;
    if (conflict) return this.refuse(`Auth message incorrectly formatted: ${humanizeInvalid(conflict, message)}`);
    const validated = validate(authSchema, message);
    if (!validated.ok) return this.refuse(`Auth message incorrectly formatted: ${humanizeInvalid(validated.invalid, message)}`);
    if (validated.value.access_token === undefined || !this.policy.acceptsToken(validated.value.access_token)) {
      return this.refuse('Invalid access token or password');
    }
    this.phase = 'commands';
    this.socket.send(JSON.stringify({ type: 'auth_ok', ha_version: this.home.haVersion }));
  }

  private refuse(message: string): void {
    this.socket.send(JSON.stringify({ type: 'auth_invalid', message }));
    this.disconnect();
  }

  /** `ActiveConnection.async_handle`, step for step: the order of the checks decides when `last_id` moves. */
  private handle(message: unknown): void {
    const isObject = message !== null && typeof message === 'object' && !Array.isArray(message);
    const envelope = isObject ? (message as Record<string, unknown>) : undefined;
    const id = envelope?.id;
    const type = envelope?.type;
    if (!envelope || typeof id !== 'number' || !Number.isInteger(id) || id === 0 || typeof type !== 'string' || type === '') {
      return this.sendError(isObject ? (envelope!.id ?? null) : 0, { code: 'invalid_format', message: 'Message incorrectly formatted.' });
    }
    if (id <= this.lastId) return this.sendError(id, { code: 'id_reuse', message: 'Identifier values have to increase.' });
    const command = commands[type];
    if (!command) return this.sendError(id, { code: 'unknown_command', message: 'Unknown command.' });
    this.lastId = id;
    const delay = this.policy.replyDelayMs();
    if (delay > 0) setTimeout(() => this.run(command, envelope, id), delay);
    else this.run(command, envelope, id);
  }

  private run(command: (typeof commands)[string], message: Record<string, unknown>, id: number): void {
    if (this.phase === 'closed') return;
    const validated = validate(command.schema, message);
    if (!validated.ok) return this.sendError(id, { code: 'invalid_format', message: humanizeInvalid(validated.invalid, message) });
    command.handle(this, { ...validated.value, id }, this.home);
  }
}

type EntitiesEvent = { a?: Record<string, unknown>; c?: Record<string, unknown>; r?: string[] };

const entitiesOf = (event: EntitiesEvent) => [...Object.keys(event.a ?? {}), ...Object.keys(event.c ?? {}), ...(event.r ?? [])];

/**
 * Newer Home Assistant batches `subscribe_entities` diffs (`batched_state_diff_message`): changes
 * waiting to be sent on one subscription go out as one event, never with two updates for the same
 * entity. Merges `next` into `last` when both are such events for one subscription; the order of
 * everything else (a result after the state changes it caused) is kept.
 */
function mergeEntityDiffs(last: Record<string, unknown> | undefined, next: Record<string, unknown>): boolean {
  if (!last || last['type'] !== 'event' || next['type'] !== 'event' || last['id'] !== next['id']) return false;
  const into = last['event'] as EntitiesEvent;
  const from = next['event'] as EntitiesEvent;
  const isDiff = (event: EntitiesEvent) => typeof event === 'object' && event !== null && Object.keys(event).every((key) => key === 'a' || key === 'c' || key === 'r');
  if (!isDiff(into) || !isDiff(from)) return false;
  const seen = new Set(entitiesOf(into));
  if (entitiesOf(from).some((entityId) => seen.has(entityId))) return false;
  if (from.a) into.a = { ...into.a, ...from.a };
  if (from.c) into.c = { ...into.c, ...from.c };
  if (from.r) into.r = [...(into.r ?? []), ...from.r];
  return true;
}
