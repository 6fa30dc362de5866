// Small crypto helpers shared by the app store, the auth guards and the exported test helpers.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SignJWT } from 'jose';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Constant-time string comparison (lengths leak, contents don't). */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** The userKey a customer's backend gives its browser: hex HMAC-SHA256(key = secret, msg = userId). */
export function userKeyFor(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId).digest('hex');
}

export interface SignUserTokenOptions {
  secret: string;
  appId: string;
  userId: string;
  expiresInSeconds?: number;
}

/** A user token as a customer's backend would mint it: HS256 JWT signed with the app secret. */
export async function signUserToken(options: SignUserTokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ app: options.appId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.userId)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
    .sign(new TextEncoder().encode(options.secret));
}

export function newSecret(): string {
  return `sk_${randomBytes(24).toString('base64url')}`;
}
