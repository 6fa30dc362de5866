// Grouped reads: the grouped feed page (groups keyed on their newest member's (createdAt, id)) and
// the state of groups after a change. A notification without a group key is a group of one.
import type { Actor, FeedFilter, GroupedListResponse, GroupState, NotificationGroup } from '@belfry/core/api';
import { sql, type Expression, type RawBuilder, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database, NotificationsTable } from '../db/schema.js';
import { nowIso } from '../ids.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { currentSeq, IN_LIST_MAX, olderThan } from './feed.js';
import { toNotification } from './rows.js';
import { matchesFilter, visibleAt } from './visibility.js';

type Q = Kysely<Database>;

/** Actors named in a row; the rest are "N others". */
const ACTORS_SHOWN = 3;

// The partition of a row: its group key, or its own id (prefixed so a key can't equal an id).
const partition = sql<string>`case when group_key is null then 'n:' || id else 'g:' || group_key end`;

/** Each row's rank in its group (1: the newest) and the group's aggregates, as window functions. */
function aggregates(by: RawBuilder<unknown>) {
  return [
    sql<number>`row_number() over (partition by ${by} order by created_at desc, id desc)`.as('rn'),
    sql<number>`count(*) over (partition by ${by})`.as('member_count'),
    sql<number>`sum(case when read_at is null then 1 else 0 end) over (partition by ${by})`.as('unread_count'),
    sql<number>`sum(case when seen_at is null then 1 else 0 end) over (partition by ${by})`.as('unseen_count'),
  ];
}

/** The newest row of each group (partitioned `by`) among the app's rows matching `where`, with the group's aggregates. */
function newestPerGroup(db: Q, appId: string, by: RawBuilder<unknown>, where: Cond) {
  const ranked = db.selectFrom('notifications').selectAll().select(aggregates(by)).where('app_id', '=', appId).where(where);
  return db.selectFrom(ranked.as('r')).selectAll().where('rn', '=', 1);
}

export async function listGroups(db: Q, appId: string, userId: string, filter: FeedFilter, page: { limit: number; cursor?: string | undefined }): Promise<GroupedListResponse> {
  const { limit, cursor } = page;
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  // seq first, as in listFeed: a change between the reads is replayed, never missed.
  const seq = await currentSeq(db, appId, userId);
  const now = nowIso();
  const matching: Cond = (eb) => eb.and([eb('user_id', '=', userId), visibleAt(now)(eb), matchesFilter(filter)(eb)]);
  let query = newestPerGroup(db, appId, partition, matching);
  if (after) query = query.where(olderThan(after));
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  const shown = rows.slice(0, limit);
  const keys = shown.flatMap((r) => (r.group_key === null ? [] : [r.group_key]));
  const actors = await actorsOf(db, appId, [userId], keys, matching);
  const groups: NotificationGroup[] = shown.map((row) => {
    const latest = toNotification(row);
    const named = row.group_key === null ? soleActor(row) : (actors.get(`${userId}\u0000${row.group_key}`) ?? { actors: [], actorCount: 0 });
    return {
      groupKey: row.group_key,
      latest,
      count: Number(row.member_count),
      unreadCount: Number(row.unread_count),
      unseenCount: Number(row.unseen_count),
      ...named,
    };
  });
  const last = shown[shown.length - 1];
  return { groups, nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null, seq };
}

function soleActor(row: NotificationsTable): { actors: Actor[]; actorCount: number } {
  return row.actor_id === null ? { actors: [], actorCount: 0 } : { actors: [{ id: row.actor_id, name: row.actor_name }], actorCount: 1 };
}

type Cond = (eb: ExpressionBuilder<Database, 'notifications'>) => Expression<SqlBool>;

/** Newest distinct actors and the distinct-actor count per (user, group key). */
async function actorsOf(
  db: Q,
  appId: string,
  userIds: string[],
  keys: string[],
  where: Cond,
): Promise<Map<string, { actors: Actor[]; actorCount: number }>> {
  const out = new Map<string, { actors: Actor[]; actorCount: number }>();
  if (keys.length === 0 || userIds.length === 0) return out;
  for (let i = 0; i < userIds.length; i += IN_LIST_MAX) {
    const rows = await db
      .selectFrom('notifications')
      .select((eb) => ['user_id', 'group_key', 'actor_id', eb.fn.max('actor_name').as('name'), eb.fn.max('created_at').as('at')])
      .where('app_id', '=', appId)
      .where('user_id', 'in', userIds.slice(i, i + IN_LIST_MAX))
      .where('group_key', 'in', [...new Set(keys)])
      .where('actor_id', 'is not', null)
      .where(where)
      .groupBy(['user_id', 'group_key', 'actor_id'])
      .orderBy('at', 'desc')
      .orderBy('actor_id', 'asc')
      .execute();
    for (const row of rows) {
      const key = `${row.user_id}\u0000${row.group_key}`;
      const entry = out.get(key) ?? { actors: [], actorCount: 0 };
      if (entry.actors.length < ACTORS_SHOWN) entry.actors.push({ id: row.actor_id!, name: row.name ?? null });
      entry.actorCount += 1;
      out.set(key, entry);
    }
  }
  return out;
}

/** The inbox state (visible, non-archived members) of each (user, group key), after this transaction's writes. */
export async function groupStates(db: Q, appId: string, pairs: Array<{ userId: string; groupKey: string }>): Promise<Map<string, GroupState>> {
  const out = new Map<string, GroupState>();
  if (pairs.length === 0) return out;
  const now = nowIso();
  const inbox = matchesFilter({});
  for (const { userId, groupKey } of pairs) {
    out.set(`${userId}\u0000${groupKey}`, { groupKey, latest: null, count: 0, unreadCount: 0, unseenCount: 0, actors: [], actorCount: 0 });
  }
  // One work touches one user's groups (a bulk action) or one group of many users (a trigger): query
  // the users × keys product in chunks and keep the pairs asked for.
  const userIds = [...new Set(pairs.map((p) => p.userId))];
  const keys = [...new Set(pairs.map((p) => p.groupKey))];
  const by = sql`user_id, group_key`;
  for (let i = 0; i < userIds.length; i += IN_LIST_MAX) {
    for (let j = 0; j < keys.length; j += IN_LIST_MAX) {
      const users = userIds.slice(i, i + IN_LIST_MAX);
      const someKeys = keys.slice(j, j + IN_LIST_MAX);
      const inInbox: Cond = (eb) => eb.and([visibleAt(now)(eb), inbox(eb)]);
      const members: Cond = (eb) => eb.and([eb('user_id', 'in', users), eb('group_key', 'in', someKeys), inInbox(eb)]);
      const rows = await newestPerGroup(db, appId, by, members).execute();
      const actors = await actorsOf(db, appId, users, someKeys, inInbox);
      for (const row of rows) {
        const key = `${row.user_id}\u0000${row.group_key}`;
        if (!out.has(key)) continue;
        out.set(key, {
          groupKey: row.group_key!,
          latest: toNotification(row),
          count: Number(row.member_count),
          unreadCount: Number(row.unread_count),
          unseenCount: Number(row.unseen_count),
          ...(actors.get(key) ?? { actors: [], actorCount: 0 }),
        });
      }
    }
  }
  return out;
}
