// seq: every change to a user's inbox gets the next seq (no gaps, no repeats, also under concurrent
// writes); /changes?since=N returns exactly the changes after N, in order, paged by limit.
import { describe, expect, it } from 'vitest';
import type { ChangesResponse, DeleteResponse, PatchResponse, BulkResponse } from '@belfry/core/api';
import { databases, expectError, useServer, type InboxUser } from './harness';

describe.each(databases())('seq and /changes (%s)', (db) => {
  const h = useServer(db);
  const changes = (u: InboxUser, since: number, limit?: number) =>
    u.call<ChangesResponse>('GET', `/v1/inbox/changes?since=${since}${limit ? `&limit=${limit}` : ''}`);

  it('each kind of change takes the next seq; no-ops and other users take none', async () => {
    const u = await h.user();
    const other = await h.user();
    const [a, b, c] = await h.notify(u.id, 3);
    await h.notify(other.id, 2);
    const seqs: number[] = [];
    seqs.push((await u.call<PatchResponse>('PATCH', `/v1/inbox/notifications/${a}`, { read: true })).body.seq);
    const noop = await u.call<PatchResponse>('PATCH', `/v1/inbox/notifications/${a}`, { read: true });
    expect(noop.status).toBe(200);
    expect(noop.body.seq, 'a no-op patch creates no change').toBe(seqs[0]);
    seqs.push((await u.call<BulkResponse>('POST', '/v1/inbox/notifications/bulk', { ids: [b, c], seen: true })).body.seq);
    const none = await u.call<BulkResponse>('POST', '/v1/inbox/notifications/bulk', { ids: [b, c], seen: true });
    expect(none.body).toMatchObject({ updated: 0, seq: seqs[1] });
    seqs.push((await u.call<DeleteResponse>('DELETE', `/v1/inbox/notifications/${c}`)).body.seq);
    expect(seqs).toEqual([4, 5, 6]);

    const all = await changes(u, 0);
    expect(all.status, all.text).toBe(200);
    expect(all.body.seq).toBe(6);
    expect(all.body.hasMore).toBe(false);
    expect(all.body.changes.map((ch) => [ch.seq, ch.type])).toEqual([
      [1, 'created'], [2, 'created'], [3, 'created'], [4, 'updated'], [5, 'bulk'], [6, 'deleted'],
    ]);
    const [, , , upd, bulk, del] = all.body.changes;
    expect(upd).toMatchObject({ type: 'updated', notification: { id: a, readAt: expect.any(String) } });
    expect(bulk).toMatchObject({ type: 'bulk', ids: expect.arrayContaining([b, c]), patch: { seenAt: expect.any(String) } });
    expect(del).toEqual({ seq: 6, type: 'deleted', id: c });
    expect(all.body.counts).toMatchObject({ total: 2, unread: 1 });
    expect((await changes(other, 0)).body.changes.map((ch) => ch.seq)).toEqual([1, 2]);
    const list = await u.call<{ seq: number }>('GET', '/v1/inbox/notifications');
    expect(list.body.seq, 'a list page carries the current seq').toBe(6);
  });

  it('a new user starts at seq 0; a bulk change lists only the ids it changed, with the patch it applied', async () => {
    const u = await h.user();
    const list = await u.call<{ seq: number }>('GET', '/v1/inbox/notifications');
    expect(list.body.seq).toBe(0);
    const empty = await changes(u, 0);
    expect(empty.body).toMatchObject({ changes: [], seq: 0, hasMore: false });
    expectError(await changes(u, 1), 400, 'bad_request', 'since');
    const [a, b, c] = await h.notify(u.id, 3);
    await u.call('PATCH', `/v1/inbox/notifications/${a}`, { read: true, archived: true });
    const bulk = await u.call<BulkResponse>('POST', '/v1/inbox/notifications/bulk', { ids: [a, b], read: true });
    expect(bulk.body.updated).toBe(1);
    const unread = await u.call<BulkResponse>('POST', '/v1/inbox/notifications/bulk', { ids: [a, b, c], read: false, archived: false });
    expect(unread.body.updated, 'c was already unread and unarchived').toBe(2);
    const [first, second] = (await changes(u, 4)).body.changes;
    expect(first).toMatchObject({ seq: 5, type: 'bulk', ids: [b], patch: { readAt: expect.any(String) } });
    expect(second).toMatchObject({ seq: 6, type: 'bulk', patch: { readAt: null, archivedAt: null } });
    if (second?.type === 'bulk') expect([...second.ids].sort()).toEqual([a, b].sort());
  });

  it('/changes?since=N returns exactly the changes after N; limit pages with hasMore', async () => {
    const u = await h.user();
    await h.notify(u.id, 7);
    const all = (await changes(u, 0)).body.changes;
    for (const n of [0, 3, 6, 7]) {
      const res = await changes(u, n);
      expect(res.body.changes, `since=${n}`).toEqual(all.filter((ch) => ch.seq > n));
    }
    const p1 = await changes(u, 0, 3);
    expect(p1.body.changes.map((c) => c.seq)).toEqual([1, 2, 3]);
    expect(p1.body.hasMore).toBe(true);
    expect(p1.body.seq).toBe(7);
    const p3 = await changes(u, 6, 3);
    expect(p3.body.changes.map((c) => c.seq)).toEqual([7]);
    expect(p3.body.hasMore).toBe(false);
    expectError(await changes(u, 8), 400, 'bad_request', 'since');
  });

  it('concurrent writes to one user still get seq 1..N with no gaps or repeats', async () => {
    const u = await h.user();
    const ids = await Promise.all(Array.from({ length: 20 }, () => h.trigger({ recipients: [u.id] })));
    expect(ids.map((r) => r.status)).toEqual(Array(20).fill(201));
    const created = ids.map((r) => r.body.notifications[0]!.id);
    const patches = await Promise.all(created.slice(0, 10).map((id) => u.call<PatchResponse>('PATCH', `/v1/inbox/notifications/${id}`, { read: true })));
    expect(patches.map((p) => p.status)).toEqual(Array(10).fill(200));
    const patchSeqs = patches.map((p) => p.body.seq);
    expect(new Set(patchSeqs).size).toBe(10);
    const all = (await changes(u, 0)).body.changes;
    expect(all.map((c) => c.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(all.slice(0, 20).every((c) => c.type === 'created')).toBe(true);
    expect(new Set(all.slice(0, 20).map((c) => (c.type === 'created' ? c.notification.id : ''))).size).toBe(20);
  });
});
