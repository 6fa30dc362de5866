// Every failed call throws a BelfryError carrying the API's error code, so callers branch on `code`.
import type { ErrorCode } from '@belfry/core/api';

export type BelfryErrorCode = ErrorCode | 'network_error' | 'timeout';

export class BelfryError extends Error {
  override readonly name = 'BelfryError';
  constructor(
    /** The API's code (`bad_request`, `not_found`, …), or `network_error` / `timeout` when no answer came. */
    readonly code: BelfryErrorCode,
    message: string,
    /** HTTP status; 0 when no response came. */
    readonly status: number,
    /** The input field at fault (400s). */
    readonly field?: string,
    /** The server's x-request-id, to find the call in its logs. */
    readonly requestId?: string,
  ) {
    super(message);
  }
}

export const isBelfryError = (error: unknown, code?: BelfryErrorCode): error is BelfryError =>
  error instanceof BelfryError && (code === undefined || error.code === code);
