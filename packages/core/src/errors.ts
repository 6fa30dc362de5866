import type { BelfryErrorShape } from './types.js';

/** Client-side failure codes, next to the wire's ErrorCode values. */
export type ClientErrorCode = 'network' | 'timeout' | 'aborted' | 'auth_source';

/** Every failure the client surfaces: a wire error (code from the server) or a client-side one. */
export class BelfryError extends Error implements BelfryErrorShape {
  // Set in the constructor rather than as class fields: down-levelled field definitions cost bytes
  // in every browser bundle, and an unset status / retryAfterMs / field stays absent.
  declare readonly name: 'BelfryError';
  declare readonly code: string;
  declare readonly status?: number;
  /** From a 429's Retry-After header, so retries wait as long as the server asked. */
  declare readonly retryAfterMs?: number;
  declare readonly field?: string;

  constructor(
    code: string,
    message: string,
    { cause, ...extra }: { status?: number; retryAfterMs?: number; field?: string; cause?: unknown } = {},
  ) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, { name: 'BelfryError', code }, extra);
  }

  /** Worth retrying: the network, the server's own failures, rate limiting. Never auth or bad input. */
  get transient(): boolean {
    // An absent status compares false.
    return this.code === 'network' || this.code === 'timeout' || this.status! >= 500 || this.status === 429 || this.status === 408;
  }

  /** The credential itself is bad or its source is dead: retrying cannot help. */
  get isAuth(): boolean {
    return this.code === 'auth_source' || this.status === 401 || this.status === 403;
  }
}

export function toBelfryError(err: unknown): BelfryError {
  if (err instanceof BelfryError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new BelfryError('network', message, { cause: err });
}
