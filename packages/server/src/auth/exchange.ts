// POST /v1/inbox/session: a userKey (HMAC of the user id with the app secret) or a user token (JWT
// signed with the app secret) is exchanged for a short-lived session token.
import type { SessionRequest, SessionResponse } from '@belfry/core/api';
import { decodeJwt, errors, jwtVerify } from 'jose';
import { ApiError, badRequest, forbidden, unauthorized } from '../errors.js';
import type { Apps } from '../store/apps.js';
import { safeEqual, userKeyFor } from './crypto.js';
import type { SessionTokens } from './sessionTokens.js';

export async function exchangeSession(apps: Apps, sessions: SessionTokens, req: SessionRequest): Promise<SessionResponse> {
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
    userId = await verifyUserToken(secret, req.appId, req.userToken!);
    if (req.userId !== undefined && req.userId !== userId) throw forbidden('userToken is for another user');
  }
  const { token, expiresAt } = await sessions.sign({ appId: req.appId, userId });
  return { token, expiresAt, appId: req.appId, userId };
}

async function verifyUserToken(secret: string | undefined, appId: string, token: string): Promise<string> {
  if (!secret) throw unauthorized('invalid userToken');
  let payload;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] }));
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw new ApiError(401, 'token_expired', 'userToken expired');
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
  return payload.sub;
}
