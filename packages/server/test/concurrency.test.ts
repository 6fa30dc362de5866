// Races a real deployment sees: overlapping recipient sets (lock-order deadlocks on PostgreSQL),
// first use of a user or category by many requests at once, and mixed mutations on one inbox —
// every request succeeds (or is a clean 404 for an item deleted first) and seq stays gap-free.
import { describe, expect, it } from 'vitest';
import type { ChangesResponse, ListResponse, Preferences } from '@belfry/core/api';
import { databases, rid, useServer, type InboxUser } from './harness';

const gapFree = (seqs: number[]) => expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));

describe.each(databases())('concurrency (%s)', (db) => {
  const h = useServer(db);
  const seqs = async (u: InboxUser) =>
    (await u.call<ChangesResponse>('GET', '/v1/inbox/changes?since=0&limit=1000')).body.changes.map((c) => c.seq);

  it('16 concurrent triggers to the same users in opposite orders all succeed, seq 1..16 each', async () => {
    const users = await Promise.all([h.user(), h.user(), h.user()]);
    const ids = users.map((u) => u.id);
    const res = await Promise.all(Array.from({ length: 16 }, (_, i) => h.trigger({ recipients: i % 2 ? ids : [...ids].reverse() })));
    expect(res.map((r) => r.status), res.find((r) => r.status !== 201)?.text).toEqual(Array(16).fill(201));
    for (const u of users) {
      const s = await seqs(u);
      expect(s).toHaveLength(16);
      gapFree(s);
    }
  });

  it('first use of a new category and of a new user by 10 requests at once', async () => {
    const cat = rid('cat');
    const user = rid();
    const res = await Promise.all(Array.from({ length: 10 }, () => h.trigger({ recipients: [user], category: cat })));
    expect(res.map((r) => r.status), res.find((r) => r.status !== 201)?.text).toEqual(Array(10).fill(201));
    const cats = await h.secret<{ categories: Array<{ key: string }> }>('GET', '/v1/categories');
    expect(cats.body.categories.filter((c) => c.key === cat)).toHaveLength(1);
    const list = await h.secret<ListResponse>('GET', `/v1/users/${user}/notifications?limit=100`);
    expect(list.body.items).toHaveLength(10);
    const ups = await Promise.all(Array.from({ length: 10 }, (_, i) => h.secret('PUT', `/v1/users/${user}`, { name: `n${i}` })));
    expect(ups.map((r) => r.status)).toEqual(Array(10).fill(200));
    const catUps = await Promise.all(Array.from({ length: 10 }, (_, i) => h.secret('PUT', `/v1/categories/${cat}`, { label: `l${i}` })));
    expect(catUps.map((r) => r.status)).toEqual(Array(10).fill(200));
    const u = await h.user(user);
    const prefs = await Promise.all(Array.from({ length: 10 }, (_, i) => u.call('PUT', '/v1/inbox/preferences', { categories: { [cat]: { channels: { email: i % 2 === 0 } } } })));
    expect(prefs.map((r) => r.status)).toEqual(Array(10).fill(200));
    const final = await u.call<Preferences>('GET', '/v1/inbox/preferences');
    expect(typeof final.body.categories[cat]?.channels.email).toBe('boolean');
  });

  it('patches, bulks and deletes racing on one inbox: no 5xx, seq gap-free, state consistent', async () => {
    const u = await h.user();
    const ids = await Promise.all(Array.from({ length: 10 }, () => h.trigger({ recipients: [u.id] }))).then((r) => r.map((x) => x.body.notifications[0]!.id));
    const res = await Promise.all([
      ...ids.map((id) => u.call('PATCH', `/v1/inbox/notifications/${id}`, { read: true })),
      u.call('POST', '/v1/inbox/notifications/bulk', { filter: {}, seen: true }),
      u.call('POST', '/v1/inbox/notifications/bulk', { ids, archived: true }),
      ...ids.slice(0, 3).map((id) => u.call('DELETE', `/v1/inbox/notifications/${id}`)),
    ]);
    // a patch may lose the race to the delete of its item: that is a clean 404
    res.forEach((r, i) => expect(i < 3 ? [200, 404] : [200], r.text).toContain(r.status));
    gapFree(await seqs(u));
    const archived = await u.call<ListResponse>('GET', '/v1/inbox/notifications?archived=true&limit=100');
    expect(archived.body.items.map((n) => n.id).sort()).toEqual(ids.slice(3).sort());
    expect(archived.body.items.every((n) => n.readAt !== null)).toBe(true);
  });
});
