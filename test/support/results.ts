/** Unwrapping the hub's `Result` values in tests: the value of an accepted change, or the refusal. */
import type { ApiError, CallResult } from '../../main/contract/contract.ts';

export function accepted<T>(result: CallResult<T>): T {
  if (!result.ok) throw new Error(`expected the hub to accept, but it refused: ${result.error.message}`);
  return result.value;
}

export function refusal(result: CallResult<unknown>): ApiError {
  if (result.ok) throw new Error('expected the hub to refuse');
  return result.error;
}
