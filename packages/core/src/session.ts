import type { SessionRequest, SessionResponse } from './api/types.js';
import { BelfryError, toBelfryError } from './errors.js';
import type { RequestOptions, Transport } from './http.js';

export interface SessionOptions {
  transport: Transport;
  appId: string;
  userId?: string;
  userKey?: string;
  getUserToken?: () => Promise<string>;
}

export interface Session {
  /** A valid session token, renewed first when it is missing or close to expiry. */
  getToken(): Promise<string>;
  /** Forget the token (after a 401) so the next getToken() renews. */
  invalidate(token?: string): void;
  /** An authenticated request: renews before expiry, and once more after a 401. */
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
}

/**
 * The session token lifecycle. Renewal happens lazily before use once the token is within a margin
 * of its expiry (a fifth of its lifetime, at most a minute) — no timer, so nothing to leak. Concurrent
 * callers share one renewal. A dead credential source (getUserToken throws, or the server refuses the
 * exchange) fails that call with a clear BelfryError; it is never retried in a loop.
 */
export function createSession({ transport, appId, userId, userKey, getUserToken }: SessionOptions): Session {
  let token: string | null = null;
  let renewAt = 0;
  let inflight: Promise<string> | null = null;

  async function exchange(): Promise<string> {
    // Sent as JSON: an undefined userId is left out.
    const body: SessionRequest = { appId, userId };
    if (getUserToken) {
      let userToken: string;
      try {
        userToken = await getUserToken();
      } catch (err) {
        throw new BelfryError('auth_source', `getUserToken failed: ${(err as Error)?.message ?? err}`, { cause: err });
      }
      if (typeof userToken !== 'string' || !userToken) {
        throw new BelfryError('auth_source', 'getUserToken returned no token');
      }
      body.userToken = userToken;
    } else if (userKey !== undefined) {
      body.userKey = userKey;
    } else {
      throw new BelfryError('auth_source', 'createBelfry needs userKey or getUserToken');
    }
    const res = await transport<SessionResponse>('POST', '/v1/inbox/session', { body }).catch((err: unknown) => {
      const e = toBelfryError(err);
      throw e.status === 401 || e.status === 403 ? new BelfryError(e.code, `session refused: ${e.message}`, { status: e.status }) : e;
    });
    const exp = Date.parse(res.expiresAt);
    token = res.token;
    renewAt = exp - Math.min(60_000, Math.max(0, exp - Date.now()) / 5);
    return token;
  }

  function getToken(): Promise<string> {
    if (token && Date.now() < renewAt) return Promise.resolve(token);
    return (inflight ??= exchange().finally(() => {
      inflight = null;
    }));
  }

  function invalidate(stale?: string) {
    // Without a token renewAt is never read.
    if (stale === undefined || stale === token) token = null;
  }

  async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const send = (token: string) => transport<T>(method, path, { ...options, headers: { ...options.headers, authorization: `Bearer ${token}` } });
    const first = await getToken();
    try {
      return await send(first);
    } catch (err) {
      if (!(err instanceof BelfryError) || err.status !== 401) throw err;
      // Once on 401: the server may have restarted with another key or the clock may be off.
      invalidate(first);
      return send(await getToken());
    }
  }

  return { getToken, invalidate, request };
}
