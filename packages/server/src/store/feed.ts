// Reads: the feed page (keyset pagination on createdAt DESC, id DESC), counts and the user's seq.
import type { Counts, CountsBucket, FeedFilter, ListResponse } from '@belfry/core/api';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { nowIso } from '../ids.js';
import { decodeCursor, encodeCursor, type CursorKey } from './cursor.js';
import { toNotification } from './rows.js';
import { matchesFilter, visibleAt } from './visibility.js';

type Q = Kysely<Database>;

export async function currentSeq(db: Q, appId: string, userId: string): Promise<number> {
  const row = await db.selectFrom('users').select('seq').where('app_id', '=', appId).where('id', '=', userId).executeTakeFirst();
  return row ? Number(row.seq) : 0;
}

export async function listFeed(
  db: Q,
  appId: string,
  userId: string,
  filter: FeedFilter,
  limit: number,
  cursor: string | undefined,
): Promise<ListResponse> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  // seq first: a change landing between the two reads is then replayed (harmless), never missed.
  const seq = await currentSeq(db, appId, userId);
  const now = nowIso();
  let query = db
    .selectFrom('notifications')
    .selectAll()
    .where('app_id', '=', appId)
    .where('user_id', '=', userId)
    .where(visibleAt(now))
    .where(matchesFilter(filter));
  if (after) query = query.where(olderThan(after));
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toNotification),
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
    seq,
  };
}

/** Rows after a keyset cursor in (createdAt DESC, id DESC) order. */
export function olderThan(after: CursorKey) {
  return (eb: ExpressionBuilder<any, any>) =>
    eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]);
}

/**
 * Longest `in (...)` list per statement: a whole trigger call (≤ 1,000 recipients) in one statement,
 * far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
 */
export const IN_LIST_MAX = 1000;

/** Counts for several users at once (realtime events after a fan-out need one query, not N). */
export async function countsFor(db: Q, appId: string, userIds: string[]): Promise<Map<string, Counts>> {
  const result = new Map<string, Counts>();
  for (const id of userIds) result.set(id, { total: 0, unread: 0, unseen: 0, categories: {} });
  const now = nowIso();
  for (let i = 0; i < userIds.length; i += IN_LIST_MAX) {
    const chunk = userIds.slice(i, i + IN_LIST_MAX);
    const rows = await db
      .selectFrom('notifications')
      .select((eb) => [
        'user_id',
        'category',
        eb.fn.countAll().as('total'),
        eb.fn.sum(eb.case().when('read_at', 'is', null).then(1).else(0).end()).as('unread'),
        eb.fn.sum(eb.case().when('seen_at', 'is', null).then(1).else(0).end()).as('unseen'),
      ])
      .where('app_id', '=', appId)
      .where('user_id', 'in', chunk)
      .where('archived_at', 'is', null)
      .where(visibleAt(now))
      .groupBy(['user_id', 'category'])
      .execute();
    for (const row of rows) {
      const counts = result.get(row.user_id);
      if (!counts) continue;
      const bucket: CountsBucket = { total: Number(row.total), unread: Number(row.unread ?? 0), unseen: Number(row.unseen ?? 0) };
      counts.total += bucket.total;
      counts.unread += bucket.unread;
      counts.unseen += bucket.unseen;
      counts.categories![row.category] = bucket;
    }
  }
  return result;
}

export async function countsOf(db: Q, appId: string, userId: string, byCategory = true): Promise<Counts> {
  const counts = (await countsFor(db, appId, [userId])).get(userId)!;
  if (!byCategory) delete counts.categories;
  return counts;
}
