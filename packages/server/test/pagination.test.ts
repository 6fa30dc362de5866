// Keyset pagination: stable under concurrent inserts, no duplicates, nothing skipped, strict order.
import { describe, expect, it } from 'vitest';
import type { ListResponse, Notification } from '@belfry/core/api';
import { databases, expectError, rid, useServer, type Res } from './harness';

/** createdAt DESC, id DESC: a negative number when a comes first. */
const order = (a: Notification, b: Notification) =>
  a.createdAt === b.createdAt ? (a.id > b.id ? -1 : a.id < b.id ? 1 : 0) : a.createdAt > b.createdAt ? -1 : 1;

describe.each(databases())('pagination (%s)', (db) => {
  const h = useServer(db);

  it('250 items paged by 20 while new ones arrive: each original exactly once, in order', async () => {
    const user = await h.user();
    // 25 parallel writers: many items share a createdAt millisecond, which exercises the id tie-break.
    const initial = new Set<string>();
    for (let batch = 0; batch < 10; batch++) {
      const res = await Promise.all(Array.from({ length: 25 }, (_, i) => h.trigger({ recipients: [user.id], title: `n${batch}-${i}` })));
      for (const r of res) {
        expect(r.status, r.text).toBe(201);
        initial.add(r.body.notifications[0]!.id);
      }
    }
    expect(initial.size).toBe(250);

    const seen: Notification[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: Res<ListResponse> = await user.call<ListResponse>('GET', `/v1/inbox/notifications?limit=20${q}`);
      expect(page.status, page.text).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(20);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
      pages++;
      // newer notifications arrive between pages
      await Promise.all([0, 1, 2].map(() => h.notify(user.id, 1, { title: 'late' })));
      expect(pages).toBeLessThan(30);
    } while (cursor);

    const ids = seen.map((n) => n.id);
    expect(new Set(ids).size, 'no item twice').toBe(ids.length);
    const originals = ids.filter((id) => initial.has(id));
    expect(originals.length, 'every original item once').toBe(250);
    for (let i = 1; i < seen.length; i++) expect(order(seen[i - 1]!, seen[i]!), `order at ${i}`).toBeLessThan(0);
    expect(pages).toBeGreaterThanOrEqual(13);
    // late arrivals are newer than the first page, so a fresh first page starts with them
    const fresh = await user.call<ListResponse>('GET', '/v1/inbox/notifications?limit=5');
    expect(fresh.body.items.every((n) => n.title === 'late')).toBe(true);
  });

  it('items sharing one createdAt page by id desc across page boundaries: none twice, none skipped', async () => {
    const user = await h.user();
    const ids = await h.notify(user.id, 35);
    // equal timestamps can't be forced through the API, so set them in the database
    const tied = ids.slice(0, 25).map((id) => `'${id}'`).join(',');
    await h.exec(`UPDATE notifications SET created_at = '2026-01-01T00:00:00.000Z' WHERE id IN (${tied})`);
    const seen: Notification[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const page: Res<ListResponse> = await user.call<ListResponse>('GET', `/v1/inbox/notifications?limit=7${q}`);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const expected = [...ids.slice(25).reverse(), ...ids.slice(0, 25).sort().reverse()];
    expect(seen.map((n) => n.id)).toEqual(expected);
    expect(seen.filter((n) => n.createdAt === '2026-01-01T00:00:00.000Z')).toHaveLength(25);
  });

  it('paging the unread filter while marking each page read still yields every unread item once', async () => {
    const user = await h.user();
    const ids = await h.notify(user.id, 45);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const page: Res<ListResponse> = await user.call<ListResponse>('GET', `/v1/inbox/notifications?read=false&limit=10${q}`);
      const pageIds = page.body.items.map((n) => n.id);
      seen.push(...pageIds);
      // the page leaves the filter before the next one is read
      if (pageIds.length) await user.call('POST', '/v1/inbox/notifications/bulk', { ids: pageIds, read: true });
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('limit defaults to 20, caps at 100; last page has nextCursor null; filters compose with the cursor', async () => {
    const user = rid();
    const ids = await h.notify(user, 25, { category: 'alpha' });
    await h.notify(user, 5, { category: 'beta' });
    const u = await h.user(user);
    const first = await u.call<ListResponse>('GET', '/v1/inbox/notifications');
    expect(first.body.items).toHaveLength(20);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const all = await u.call<ListResponse>('GET', '/v1/inbox/notifications?limit=100');
    expect(all.body.items).toHaveLength(30);
    expect(all.body.nextCursor).toBeNull();
    const a1 = await u.call<ListResponse>('GET', '/v1/inbox/notifications?category=alpha&limit=20');
    const a2 = await u.call<ListResponse>('GET', `/v1/inbox/notifications?category=alpha&limit=20&cursor=${a1.body.nextCursor}`);
    const alpha = [...a1.body.items, ...a2.body.items].map((n) => n.id);
    expect(alpha.sort()).toEqual([...ids].sort());
    expect(a2.body.nextCursor).toBeNull();
  });

  it('a cursor that is not one of ours is a 400 naming cursor', async () => {
    const u = await h.user();
    for (const cursor of ['%%%', 'bm90LWEtY3Vyc29y', 'eyJ4IjoxfQ']) {
      expectError(await u.call('GET', `/v1/inbox/notifications?cursor=${cursor}`), 400, 'bad_request', 'cursor');
    }
  });
});
