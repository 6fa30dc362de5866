// When a failed delivery is tried again: exponential backoff with jitter, about a day end to end by
// default, and a receiver's Retry-After (429, 503) honoured. Every number is an option, so tests can
// compress the schedule to milliseconds.

export interface RetryPolicy {
  /** Delay after the first failed attempt. Default 30 s. */
  initialDelayMs: number;
  /** Each further delay is this many times the last. Default 3. */
  factor: number;
  /** Attempts in all, the first included; then the delivery is marked failed (still replayable). Default 9. */
  maxAttempts: number;
  /** ± this fraction of each delay is random, so endpoints that failed together do not retry together. Default 0.2. */
  jitter: number;
  /** Longest wait a Retry-After may ask for. Default 24 h. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { initialDelayMs: 30_000, factor: 3, maxAttempts: 9, jitter: 0.2, maxRetryAfterMs: 86_400_000 };

/** Default schedule, without jitter: 30 s, 1.5 min, 4.5 min, 13.5 min, 40.5 min, 2 h, 6.1 h, 18.2 h — 27.3 h from first attempt to last. */
export function backoffMs(policy: RetryPolicy, failedAttempt: number, random = Math.random): number {
  const base = policy.initialDelayMs * policy.factor ** (failedAttempt - 1);
  return Math.round(base * (1 - policy.jitter + 2 * policy.jitter * random()));
}

/** Retry-After as seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** Should this response (or its absence) be tried again? */
export function isRetryable(statusCode: number | null): boolean {
  if (statusCode === null) return true; // network error or timeout
  return statusCode === 408 || statusCode === 429 || statusCode >= 500;
}
