/**
 * The hub's API as both transports see it: one `call` and one `subscribe`, each told who is asking.
 * Validation, access rules and error wording live behind this interface, once, so Electron IPC and
 * HTTP + WebSocket cannot drift apart.
 */
import type { Access, ApiError, CallResult, LiveEvent, LiveTopic } from '../../contract/contract.ts';

export interface HubApi {
  /** Validates `input` against the contract and runs the procedure if `access` allows it. */
  call(access: Access, name: string, input: unknown): Promise<CallResult<unknown>>;
  /** Starts pushing `topic` to `listener`; refuses (as a value) a topic this access may not read. */
  subscribe(access: Access, topic: string, listener: (event: LiveEvent) => void, scope?: FeedScope): { ok: true; topic: LiveTopic; unsubscribe: () => void } | { ok: false; error: ApiError };
}

/** Narrows a feed for whoever reads it: a room screen names its room. */
export interface FeedScope {
  room?: string;
}
