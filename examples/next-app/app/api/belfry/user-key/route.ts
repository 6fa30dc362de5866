// GET /api/belfry/user-key → { appId, userId, userKey } for the signed-in user, computed here on the
// server: the secret never reaches the browser. For client-side code that needs the key (a client
// component mounted later, the <belfry-inbox> element on a non-React page of the same site).
import { belfryConfig, currentUser, userKeyFor } from '@/lib/belfry';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await currentUser();
  return Response.json(
    { appId: belfryConfig.appId, userId: user.id, userKey: userKeyFor(user.id) },
    { headers: { 'cache-control': 'private, no-store' } },
  );
}
