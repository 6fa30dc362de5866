// GET /v1/inbox/changes: the user's changes after `since`, ascending, from the retained history.
import type { Change, ChangesResponse } from '@belfry/core/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { ApiError, badRequest } from '../errors.js';
import { countsOf } from './feed.js';

export async function readChanges(db: Kysely<Database>, appId: string, userId: string, since: number, limit: number): Promise<ChangesResponse> {
  const user = await db.selectFrom('users').select(['seq', 'pruned_seq']).where('app_id', '=', appId).where('id', '=', userId).executeTakeFirst();
  const seq = user ? Number(user.seq) : 0;
  if (since > seq) throw badRequest('since', `querystring/since must be <= the current seq (${seq})`);
  if (user && since < Number(user.pruned_seq)) {
    throw new ApiError(410, 'seq_expired', 'changes before this seq are no longer retained; refetch everything', 'since');
  }
  const rows = await db
    .selectFrom('changes')
    .select(['seq', 'type', 'payload'])
    .where('app_id', '=', appId)
    .where('user_id', '=', userId)
    .where('seq', '>', since)
    .orderBy('seq', 'asc')
    .limit(limit + 1)
    .execute();
  const changes = rows.slice(0, limit).map((r) => ({ ...JSON.parse(r.payload), type: r.type, seq: Number(r.seq) }) as Change);
  const last = changes[changes.length - 1];
  return {
    changes,
    seq: Math.max(seq, last?.seq ?? 0),
    hasMore: rows.length > limit,
    counts: await countsOf(db, appId, userId),
  };
}
