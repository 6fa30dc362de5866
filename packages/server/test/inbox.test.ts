// Inbox state: counts (total/unread/unseen, per category), filters, patch, bulk by ids and by filter,
// mark-all-read, delete, and the admin list/delete.
import { describe, expect, it } from 'vitest';
import type { BulkResponse, CountsResponse, DeleteResponse, ListResponse, PatchResponse } from '@belfry/core/api';
import { databases, expectError, useServer, type InboxUser } from './harness';

describe.each(databases())('inbox (%s)', (db) => {
  const h = useServer(db);
  const counts = async (u: InboxUser, byCategory = false) =>
    (await u.call<CountsResponse>('GET', `/v1/inbox/counts${byCategory ? '?byCategory=true' : ''}`)).body;
  const list = async (u: InboxUser, q = '') => (await u.call<ListResponse>('GET', `/v1/inbox/notifications${q}`)).body.items.map((n) => n.id);

  it('counts are right overall and per category as items are read, seen, archived and deleted', async () => {
    const u = await h.user();
    const [a1, a2, a3] = await h.notify(u.id, 3, { category: 'alpha' });
    const [b1, b2] = await h.notify(u.id, 2, { category: 'beta' });
    // The seq they were read at comes with them: five creations so far.
    expect(await counts(u)).toEqual({ total: 5, unread: 5, unseen: 5, seq: 5 });
    await u.call('PATCH', `/v1/inbox/notifications/${a1}`, { read: true });
    await u.call('PATCH', `/v1/inbox/notifications/${a2}`, { seen: true });
    await u.call('PATCH', `/v1/inbox/notifications/${b1}`, { archived: true });
    const c = await counts(u, true);
    expect(c).toMatchObject({ total: 4, unread: 3, unseen: 3 });
    expect(c.categories).toEqual({ alpha: { total: 3, unread: 2, unseen: 2 }, beta: { total: 1, unread: 1, unseen: 1 } });
    const del = await u.call<DeleteResponse>('DELETE', `/v1/inbox/notifications/${a3}`);
    expect(del.status, del.text).toBe(200);
    expect(del.body.counts).toMatchObject({ total: 3, unread: 2, unseen: 2 });
    expect(await list(u)).toEqual([b2, a2, a1]);
    expect(await list(u, '?archived=true')).toEqual([b1]);
    expect(await list(u, '?read=false')).toEqual([b2, a2]);
    expect(await list(u, '?read=true')).toEqual([a1]);
    expect(await list(u, '?category=alpha')).toEqual([a2, a1]);
    expectError(await u.call('DELETE', `/v1/inbox/notifications/${a3}`), 404, 'not_found');
  });

  it('patch sets and clears timestamps and returns the notification, seq and counts', async () => {
    const u = await h.user();
    const [n] = await h.notify(u.id, 1, { body: 'Body', data: { k: 1 }, actions: [{ id: 'go', label: 'Go', url: 'https://x.test' }] });
    const [full] = (await u.call<ListResponse>('GET', '/v1/inbox/notifications')).body.items;
    expect(full).toMatchObject({ id: n, userId: u.id, category: 'general', actionUrl: null, avatarUrl: null, readAt: null, expiresAt: null });
    expect(Date.now() - Date.parse(full!.createdAt)).toBeLessThan(60_000);
    const rich = await h.trigger({
      recipients: [u.id], title: 'Rich', actionUrl: '/inbox/1', avatarUrl: 'https://cdn.test/a.png',
      actions: [{ id: 'ok', label: 'OK', style: 'primary' }], expiresAt: '2999-01-01T00:00:00.000Z',
    });
    const richItem = (await u.call<ListResponse>('GET', '/v1/inbox/notifications')).body.items.find((x) => x.id === rich.body.notifications[0]!.id);
    expect(richItem).toMatchObject({ actionUrl: '/inbox/1', avatarUrl: 'https://cdn.test/a.png', actions: [{ id: 'ok', label: 'OK', style: 'primary' }], expiresAt: '2999-01-01T00:00:00.000Z', body: null, data: null });
    await u.call('DELETE', `/v1/inbox/notifications/${richItem!.id}`);
    const read = await u.call<PatchResponse>('PATCH', `/v1/inbox/notifications/${n}`, { read: true, seen: true });
    expect(read.status, read.text).toBe(200);
    expect(read.body.notification).toMatchObject({ id: n, body: 'Body', data: { k: 1 }, readAt: expect.any(String), seenAt: expect.any(String) });
    expect(read.body.notification.actions).toEqual([{ id: 'go', label: 'Go', url: 'https://x.test' }]);
    expect(read.body.counts).toMatchObject({ total: 1, unread: 0, unseen: 0 });
    const unread = await u.call<PatchResponse>('PATCH', `/v1/inbox/notifications/${n}`, { read: false });
    expect(unread.body.notification.readAt).toBeNull();
    expect(unread.body.notification.seenAt).toEqual(expect.any(String));
    expect(unread.body.seq).toBe(read.body.seq + 1);
  });

  it('bulk by ids and by filter; mark-all-read; no change when nothing is affected', async () => {
    const u = await h.user();
    const [a1, a2] = await h.notify(u.id, 2, { category: 'alpha' });
    const [b1, b2] = await h.notify(u.id, 2, { category: 'beta' });
    const byIds = await u.call<BulkResponse>('POST', '/v1/inbox/notifications/bulk', { ids: [a1, b1, 'n_unknown'], seen: true });
    expect(byIds.status, byIds.text).toBe(200);
    expect(byIds.body).toMatchObject({ updated: 2, counts: { total: 4, unread: 4, unseen: 2 } });
    const byFilter = await u.call<BulkResponse>('POST', '/v1/inbox/notifications/bulk', { filter: { category: 'beta' }, archived: true });
    expect(byFilter.body).toMatchObject({ updated: 2, counts: { total: 2, unread: 2 } });
    expect(await list(u, '?archived=true')).toEqual([b2, b1]);
    const all = await u.call<BulkResponse>('POST', '/v1/inbox/notifications/bulk', { filter: {}, read: true });
    expect(all.body.updated).toBe(2);
    expect(all.body.counts).toMatchObject({ total: 2, unread: 0 });
    expect(await list(u, '?read=false')).toEqual([]);
    const again = await u.call<BulkResponse>('POST', '/v1/inbox/notifications/bulk', { filter: { read: false }, read: true });
    expect(again.body).toMatchObject({ updated: 0, seq: all.body.seq });
    expect(await list(u, '?read=true')).toEqual([a2, a1]);
  });

  it('admin list and delete (secret key) act on one user of the app', async () => {
    const u = await h.user();
    const [n1, n2] = await h.notify(u.id, 2);
    const upsert = await h.secret<{ user: { id: string; name: string } }>('PUT', `/v1/users/${u.id}`, { name: 'Ada', locale: 'en-GB' });
    expect(upsert.status, upsert.text).toBe(200);
    expect(upsert.body.user).toMatchObject({ id: u.id, name: 'Ada', locale: 'en-GB' });
    const admin = await h.secret<ListResponse>('GET', `/v1/users/${u.id}/notifications`);
    expect(admin.body.items.map((n) => n.id)).toEqual([n2, n1]);
    const [n3] = await h.notify(u.id, 1, { category: 'other' });
    await u.call('PATCH', `/v1/inbox/notifications/${n2}`, { read: true });
    const filtered = async (q: string) => (await h.secret<ListResponse>('GET', `/v1/users/${u.id}/notifications?${q}`)).body.items.map((n) => n.id);
    expect(await filtered('category=other')).toEqual([n3]);
    expect(await filtered('read=true')).toEqual([n2]);
    expect(await filtered('read=false')).toEqual([n3, n1]);
    const p1 = await h.secret<ListResponse>('GET', `/v1/users/${u.id}/notifications?limit=2`);
    const p2 = await h.secret<ListResponse>('GET', `/v1/users/${u.id}/notifications?limit=2&cursor=${p1.body.nextCursor}`);
    expect([...p1.body.items, ...p2.body.items].map((n) => n.id)).toEqual([n3, n2, n1]);
    await u.call('DELETE', `/v1/inbox/notifications/${n3}`);
    const del = await h.secret<DeleteResponse>('DELETE', `/v1/users/${u.id}/notifications/${n1}`);
    expect(del.status, del.text).toBe(200);
    expect(await list(u)).toEqual([n2]);
    const ch = await u.call<{ changes: Array<{ type: string; id?: string }> }>('GET', '/v1/inbox/changes?since=5');
    expect(ch.body.changes).toEqual([{ seq: 6, type: 'deleted', id: n1 }]);
    const cats = await h.secret<{ categories: Array<{ key: string }> }>('GET', '/v1/categories');
    expect(cats.body.categories.map((c) => c.key)).toContain('general');
  });
});
