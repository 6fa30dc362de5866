// Server-only: the app secret lives here and in the route handler, never in a client bundle.
import 'server-only';
import { createHmac } from 'node:crypto';
import { cookies } from 'next/headers';

export const belfryConfig = {
  apiUrl: process.env.BELFRY_API_URL ?? 'http://localhost:4000',
  appId: process.env.BELFRY_APP_ID ?? 'demo',
};

/** hex HMAC-SHA256(appSecret, userId): proves to the Belfry API who the browser's user is. */
export function userKeyFor(userId: string): string {
  const secret = process.env.BELFRY_SECRET ?? 'sk_test_demo';
  return createHmac('sha256', secret).update(userId).digest('hex');
}

/**
 * The signed-in user. This example has no login: a `demo_user` cookie stands in for your session
 * (auth.js, Clerk, your own cookie …). Never take the user id from the request's query or body.
 */
export async function currentUser(): Promise<{ id: string }> {
  const id = (await cookies()).get('demo_user')?.value;
  return { id: id && /^[\w.:-]{1,128}$/.test(id) ? id : 'demo-user' };
}
