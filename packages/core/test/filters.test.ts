import { describe, expect, it } from 'vitest';
import type { Notification } from '../src/api/types.js';
import { compareNotifications, filterKey, matchesFilter } from '../src/filters.js';

const n = (over: Partial<Notification> = {}): Notification => ({
  id: 'a', userId: 'u', category: 'general', title: 't', body: null, actionUrl: null, actions: [], avatarUrl: null, data: null,
  createdAt: '2026-01-01T00:00:00.000Z', readAt: null, seenAt: null, archivedAt: null, clickedAt: null, snoozedUntil: null, expiresAt: null,
  ...over,
});

describe('filters', () => {
  it('one predicate per field, archived defaults to false', () => {
    expect(matchesFilter(n(), {})).toBe(true);
    expect(matchesFilter(n({ archivedAt: '2026-01-02T00:00:00.000Z' }), {})).toBe(false);
    expect(matchesFilter(n({ archivedAt: '2026-01-02T00:00:00.000Z' }), { archived: true })).toBe(true);
    expect(matchesFilter(n({ readAt: '2026-01-02T00:00:00.000Z' }), { read: false })).toBe(false);
    expect(matchesFilter(n(), { read: false, category: 'general' })).toBe(true);
    expect(matchesFilter(n(), { category: 'other' })).toBe(false);
  });

  it('hides snoozed and expired items', () => {
    const future = new Date(Date.now() + 60_000).toISOString();
    const past = new Date(Date.now() - 60_000).toISOString();
    expect(matchesFilter(n({ snoozedUntil: future }), {})).toBe(false);
    expect(matchesFilter(n({ snoozedUntil: past }), {})).toBe(true);
    expect(matchesFilter(n({ expiresAt: past }), {})).toBe(false);
  });

  it('orders by createdAt desc, id desc and keys equal filters equally', () => {
    const list = [n({ id: 'a' }), n({ id: 'c' }), n({ id: 'b', createdAt: '2026-02-01T00:00:00.000Z' })];
    expect(list.sort(compareNotifications).map((x) => x.id)).toEqual(['b', 'c', 'a']);
    expect(filterKey({})).toBe(filterKey({ archived: false }));
    expect(filterKey({ read: false })).not.toBe(filterKey({}));
  });
});
