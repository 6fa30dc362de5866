// What "visible in the inbox" means, as one query fragment used by lists, counts and bulk filters:
// not snoozed into the future and not expired.
import type { ExpressionBuilder } from 'kysely';
import type { FeedFilter } from '@belfry/core/api';
import type { Database } from '../db/schema.js';

type Eb = ExpressionBuilder<Database, 'notifications'>;

export function visibleAt(now: string) {
  return (eb: Eb) =>
    eb.and([
      eb.or([eb('snoozed_until', 'is', null), eb('snoozed_until', '<=', now)]),
      eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]),
    ]);
}

/** The feed filter; `archived` defaults to false (the archive is its own view). */
export function matchesFilter(filter: FeedFilter) {
  return (eb: Eb) => {
    const parts = [eb('archived_at', filter.archived ? 'is not' : 'is', null)];
    if (filter.read !== undefined) parts.push(eb('read_at', filter.read ? 'is not' : 'is', null));
    if (filter.category !== undefined) parts.push(eb('category', '=', filter.category));
    if (filter.groupKey !== undefined) parts.push(eb('group_key', '=', filter.groupKey));
    return eb.and(parts);
  };
}
