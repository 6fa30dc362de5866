// Session tokens: HS256 JWTs signed with a server-side key ({ app, sub, typ: 'session', exp }).
// The key is random per process unless BELFRY_SESSION_SECRET / sessionSecret is set, which several
// processes behind one load balancer must share.
import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { ApiError, unauthorized } from '../errors.js';

export interface SessionClaims {
  appId: string;
  userId: string;
}

export class SessionTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string | undefined,
    readonly ttlSeconds: number,
  ) {
    this.key = secret ? new TextEncoder().encode(secret) : randomBytes(32);
  }

  async sign(claims: SessionClaims): Promise<{ token: string; expiresAt: string }> {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + this.ttlSeconds;
    const token = await new SignJWT({ app: claims.appId, typ: 'session' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** Throws 401 unauthorized / token_expired. */
  async verify(token: string): Promise<SessionClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] });
      if (payload.typ !== 'session' || typeof payload.app !== 'string' || typeof payload.sub !== 'string') {
        throw unauthorized('not a session token');
      }
      return { appId: payload.app, userId: payload.sub };
    } catch (err) {
      if (err instanceof ApiError) throw err;
      if (err instanceof errors.JWTExpired) throw new ApiError(401, 'token_expired', 'session token expired');
      throw unauthorized('invalid session token');
    }
  }
}
