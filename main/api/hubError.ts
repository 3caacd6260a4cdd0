import type { ApiErrorCode } from '../common/contract.ts';

/** A refusal a person should read: the API layer turns it into an error value, never a stack trace. */
export class HubError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HubError';
  }
}
