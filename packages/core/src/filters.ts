import type { FeedFilter, Notification } from './api/types.js';

// View membership is decided here and only here (matchesFilter): one test per filter field, so
// marking an item read moves it the same way in every open view (all, unread, per category, archived).

/** Snoozed and expired items are hidden from every list (the server excludes them too). */
export function isVisible(n: Notification, now = Date.now()): boolean {
  // An unset date parses as NaN, which compares false either way.
  return !(Date.parse(n.snoozedUntil!) > now || Date.parse(n.expiresAt!) <= now);
}

export function matchesFilter(n: Notification, { read, archived, category, groupKey }: FeedFilter, now = Date.now()): boolean {
  return (
    isVisible(n, now) &&
    (groupKey === undefined || n.groupKey === groupKey) &&
    (read === undefined || !!n.readAt === read) &&
    // The server defaults `archived` to false, so an omitted filter means "not archived".
    !!n.archivedAt === !!archived &&
    (category === undefined || n.category === category)
  );
}

/** Normalised filter: `archived` made explicit, unknown keys dropped; equal filters → equal keys. */
export function normalizeFilter(filter: FeedFilter = {}): FeedFilter {
  const out: Record<string, unknown> = { archived: filter.archived ?? false };
  for (const k of ['read', 'category', 'groupKey'] as const) if (filter[k] !== undefined) out[k] = filter[k];
  return out;
}

/** Normalised fields come in one order, so equal filters give equal keys and different ones differ. */
export const filterKey = (filter: FeedFilter): string => JSON.stringify(normalizeFilter(filter));

/** Server order: createdAt DESC, id DESC. Negative when a sorts before b. */
export function compareNotifications(a: Pick<Notification, 'createdAt' | 'id'>, b: Pick<Notification, 'createdAt' | 'id'>): number {
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id > b.id ? -1 : 1;
}

