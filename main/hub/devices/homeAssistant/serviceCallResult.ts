/**
 * What became of one command sent to Home Assistant, as a value the planner and the desk can act
 * on. The library rejects in three different shapes (reference §2.7); this is the one place that
 * knows them.
 */
import { ERR_CONNECTION_LOST } from 'home-assistant-js-websocket';

/** One service call, e.g. `light.turn_on` for `light.room_2_lamp`; room-wide calls such as `scene.apply` have no target. */
export interface ServiceCall {
  domain: string;
  service: string;
  target?: { entity_id: string | string[] };
  serviceData?: object;
}

/** `unauthorized`: the token's user may not do this (not an administrator); sending again will not help. */
export type CallFailureReason = 'unavailable' | 'disconnected' | 'rejected' | 'unauthorized';
export type CallFailure = { ok: false; reason: CallFailureReason; message: string };

/** `contextId` is Home Assistant's id for the change, so the state it causes can be recognised as ours. */
export type ServiceCallResult = { ok: true; contextId: string } | CallFailure;

interface ServerError {
  code: string;
  message: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A refusal from Home Assistant as the library passes it on: `{ code, message }` (websocket_api error). */
export const isServerError = (value: unknown): value is ServerError =>
  isRecord(value) && typeof value.code === 'string' && typeof value.message === 'string';

const lostInFlight = (value: unknown): boolean =>
  isRecord(value) && value.type === 'result' && value.success === false && isRecord(value.error) && value.error.code === ERR_CONNECTION_LOST;

/** Turns whatever the library rejected with into a failure a person can read. `what` names the command, e.g. `light.turn_on`. */
export function toCallFailure(rejection: unknown, what: string): CallFailure {
  if (rejection === ERR_CONNECTION_LOST) {
    return { ok: false, reason: 'disconnected', message: `Home Assistant isn't connected right now, so ${what} was not sent.` };
  }
  if (lostInFlight(rejection)) {
    return {
      ok: false,
      reason: 'disconnected',
      message: `The connection to Home Assistant dropped before it confirmed ${what}, so it may not have happened.`,
    };
  }
  if (isServerError(rejection)) {
    // A device that does not answer makes its integration raise HomeAssistantError ("Entity … is unavailable").
    if (rejection.code === 'home_assistant_error' && /unavailable/i.test(rejection.message)) {
      return { ok: false, reason: 'unavailable', message: `Home Assistant can't reach the device for ${what}: ${rejection.message}` };
    }
    // websocket_api/connection.py `async_handle_exception`: `Unauthorized` -> code `unauthorized`.
    if (rejection.code === 'unauthorized') {
      return { ok: false, reason: 'unauthorized', message: `Home Assistant refused ${what}: the user of Stillroom's access token is not allowed to (it needs to be an administrator).` };
    }
    return { ok: false, reason: 'rejected', message: `Home Assistant refused ${what}: ${rejection.message}` };
  }
  return { ok: false, reason: 'rejected', message: `Home Assistant gave an answer Stillroom did not understand for ${what}.` };
}

/** The context id from a successful `call_service` or `fire_event` result (`{ context: { id } }`). */
export function contextIdOf(result: unknown): string {
  return isRecord(result) && isRecord(result.context) && typeof result.context.id === 'string' ? result.context.id : '';
}
