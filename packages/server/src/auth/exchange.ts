// POST /v1/inbox/session: a userKey (HMAC of the user id with the app secret) or a user token (JWT
// signed with the app secret) is exchanged for a short-lived session token.
import type { SessionRequest, SessionResponse } from '@belfry/core/api';
import { decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import { ApiError, badRequest, forbidden, unauthorized } from '../errors.js';
import type { Apps } from '../store/apps.js';
import { safeEqual, userKeyFor } from './crypto.js';
import type { SessionTokens } from './sessionTokens.js';

/** Clocks of the customer's backend and this server may disagree by this much (an iat just ahead is fine). */
const CLOCK_TOLERANCE_SECONDS = 60;

const claimsInvalid = (message: string) => new ApiError(401, 'token_claims_invalid', message);

export async function exchangeSession(apps: Apps, sessions: SessionTokens, req: SessionRequest, maxLifetimeSeconds: number): Promise<SessionResponse> {
  if ((req.userKey === undefined) === (req.userToken === undefined)) {
    throw badRequest('userKey', 'body must have exactly one of userKey or userToken');
  }
  const secret = await apps.secretOf(req.appId);
  let userId: string;
  if (req.userKey !== undefined) {
    if (req.userId === undefined) throw badRequest('userId', 'body/userId is required with userKey');
    if (!secret || !safeEqual(userKeyFor(secret, req.userId), req.userKey.toLowerCase())) throw unauthorized('invalid userKey');
    userId = req.userId;
  } else {
    userId = await verifyUserToken(secret, req.appId, req.userToken!, maxLifetimeSeconds);
    if (req.userId !== undefined && req.userId !== userId) throw forbidden('userToken is for another user');
  }
  const { token, expiresAt } = await sessions.sign({ appId: req.appId, userId });
  return { token, expiresAt, appId: req.appId, userId };
}

async function verifyUserToken(secret: string | undefined, appId: string, token: string, maxLifetimeSeconds: number): Promise<string> {
  if (!secret) throw unauthorized('invalid userToken');
  let payload;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'], requiredClaims: ['exp', 'sub', 'iat'] }));
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw new ApiError(401, 'token_expired', 'userToken expired');
    if (err instanceof errors.JWTClaimValidationFailed && err.claim === 'iat') {
      throw claimsInvalid(err.reason === 'missing' ? 'userToken has no iat claim (issued-at, seconds since the epoch): it is required' : 'userToken has an invalid iat claim');
    }
    // A token that verifies with no key we know may still be readable: say "other app" when it is.
    try {
      const claims = decodeJwt(token);
      if (typeof claims.app === 'string' && claims.app !== appId) throw forbidden('userToken is for another app');
    } catch (inner) {
      if (inner instanceof ApiError) throw inner;
    }
    throw unauthorized('invalid userToken');
  }
  if (payload.app !== appId) throw forbidden('userToken is for another app');
  if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 128) throw unauthorized('userToken has no valid sub');
  checkLifetime(payload, maxLifetimeSeconds);
  return payload.sub;
}

/**
 * A user token must say when it was issued, and live at most maxLifetimeSeconds: a leaked token with
 * an `exp` years ahead would otherwise be a permanent credential. An `iat` in the future would make
 * any lifetime look short, so it is refused too.
 */
function checkLifetime(payload: JWTPayload, maxLifetimeSeconds: number): void {
  const iat = payload.iat!;
  const exp = payload.exp!;
  if (iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS) throw claimsInvalid('userToken iat is in the future');
  const lifetime = exp - iat;
  if (lifetime > maxLifetimeSeconds) {
    throw new ApiError(401, 'token_lifetime_exceeded', `userToken lives ${lifetime} s (exp - iat); this server accepts at most ${maxLifetimeSeconds} s`);
  }
}
