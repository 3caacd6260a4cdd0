/**
 * A refusal is a value, not an exception: the domain returns `Result`, the API passes its
 * error on as it is, and any other caller (the office bus, a comfort wish) can log it without a
 * try/catch. The message is for a person; the code says what kind of "no" it is.
 */
import type { ApiErrorCode, CallResult } from '../contract/contract.ts';

export type Result<T> = CallResult<T>;
export type Refusal = Extract<Result<never>, { ok: false }>;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const refuse = (code: ApiErrorCode, message: string): Refusal => ({ ok: false, error: { code, message } });
