/**
 * The contract made real: validates every input with its zod schema, enforces who may call what,
 * runs the handler and turns any refusal into an error value written for a person. Both
 * transports call this and nothing else.
 */
import { procedures, liveTopics, isProcedureName, mayUse, type Access, type ApiError, type CallResult, type LiveEvent, type ProcedureName, type Output } from '../../contract/contract.ts';
import { describeIssues } from '../../contract/issues.ts';
import { errorName, type Log } from '../log.ts';
import type { FeedScope, HubApi } from './hubApi.ts';
import type { LiveFeed } from './liveFeed.ts';

/** Each procedure's work, given its validated input; a refusal is a value (see result.ts), never a throw. */
export type Handlers = { [P in ProcedureName]: (input: (typeof procedures)[P]['input']['_zod']['output']) => CallResult<Output<P>> | Promise<CallResult<Output<P>>> };

const refuse = (error: ApiError): CallResult<never> => ({ ok: false, error });

/** Why a screen may not do this, and which PIN would let it. */
function notAllowed(access: Access, required: Access): ApiError {
  if (access === 'kiosk') return { code: 'not-allowed', message: 'This screen can only check in.' };
  return { code: 'not-allowed', message: `This needs the ${required} PIN; this screen is signed in with the ${access} PIN.` };
}

/**
 * A handler threw (a full disk, a damaged database): record it, and say what it means for the
 * person at the screen. Returns the message to show, or nothing for the general one.
 */
export type OnHandlerFailure = (procedure: ProcedureName, error: unknown) => ApiError | undefined;

/**
 * What a room screen's `arrivals` feed may carry: the event as the room may see it, or null to
 * leave it out (the room PIN is for a room's own clinicians, not the whole office's board).
 */
export type RoomFeedFilter = (event: LiveEvent, scope: FeedScope) => LiveEvent | null;

export function createHubApi(handlers: Handlers, feed: LiveFeed, log: Log, onFailure?: OnHandlerFailure, roomFeed?: RoomFeedFilter): HubApi {
  return {
    async call(access: Access, name: string, input: unknown) {
      if (!isProcedureName(name)) return refuse({ code: 'not-found', message: `There is no "${name.slice(0, 40)}" request.` });
      const procedure = procedures[name];
      if (!mayUse(access, procedure.access)) return refuse(notAllowed(access, procedure.access));
      const parsed = procedure.input.safeParse(input, { reportInput: true });
      if (!parsed.success) {
        return refuse({ code: 'invalid-input', message: `The request was not understood: ${describeIssues(parsed.error.issues)}.` });
      }
      try {
        const handler = handlers[name] as (input: unknown) => CallResult<unknown> | Promise<CallResult<unknown>>;
        const result = await handler(parsed.data);
        return result.ok ? { ok: true, value: procedure.output.parse(result.value) } : result;
      } catch (error) {
        log.error('request failed', { procedure: name, error: errorName(error) });
        return refuse(onFailure?.(name, error) ?? { code: 'unavailable', message: 'Something went wrong on the hub. Please try again in a moment.' });
      }
    },
    subscribe(access, topic, listener, scope = {}) {
      if (!Object.hasOwn(liveTopics, topic)) return { ok: false, error: { code: 'not-found', message: `There is no "${topic.slice(0, 40)}" feed.` } };
      const known = topic as keyof typeof liveTopics;
      if (!mayUse(access, liveTopics[known].access)) {
        return { ok: false, error: access === 'kiosk' ? { code: 'not-allowed', message: 'This screen cannot see arrivals.' } : notAllowed(access, liveTopics[known].access) };
      }
      const filter = access === 'room' && known === 'arrivals' ? roomFeed : undefined;
      const deliver = filter
        ? (event: LiveEvent) => {
            const shown = filter(event, scope);
            if (shown) listener(shown);
          }
        : listener;
      return { ok: true, topic: known, unsubscribe: feed.subscribe(known, deliver) };
    },
  };
}
