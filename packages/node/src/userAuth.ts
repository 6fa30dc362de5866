// What a backend hands its signed-in user's browser: a userKey (HMAC) or a short-lived user token (JWT).
import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';

/** hex HMAC-SHA256(secret, userId): proves to POST /v1/inbox/session who the user is. */
export const userKeyFor = (secretKey: string, userId: string): string => createHmac('sha256', secretKey).update(userId).digest('hex');

/** An HS256 JWT (sub = userId, app = appId, iat, exp = now + ttlSeconds) signed with the secret. */
export async function userTokenFor(secretKey: string, appId: string, userId: string, ttlSeconds = 3600): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ app: appId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(new TextEncoder().encode(secretKey));
}
