// Snooze and expiry: a snoozed item is hidden (list and counts) until due, then returns with an
// 'updated' change; an expired item disappears with a 'deleted' change. The sweeper runs every 200 ms.
import { describe, expect, it } from 'vitest';
import type { ChangesResponse, Counts, ListResponse, PatchResponse } from '@belfry/core/api';
import { databases, expectError, useServer, waitFor, type InboxUser } from './harness';

describe.each(databases())('snooze and expiry (%s)', (db) => {
  const h = useServer(db);
  const ids = async (u: InboxUser) => (await u.call<ListResponse>('GET', '/v1/inbox/notifications')).body.items.map((n) => n.id);
  const changesAfter = async (u: InboxUser, since: number) => (await u.call<ChangesResponse>('GET', `/v1/inbox/changes?since=${since}`)).body.changes;

  it('a snoozed notification is hidden, then returns with an updated change and a socket event', async () => {
    const u = await h.user();
    const [keep, snoozed] = await h.notify(u.id, 2);
    const sock = await h.socket(u.token);
    try {
      const until = new Date(Date.now() + 1500).toISOString();
      const res = await u.call<PatchResponse>('PATCH', `/v1/inbox/notifications/${snoozed}`, { snoozedUntil: until });
      expect(res.status, res.text).toBe(200);
      expect(res.body.notification.snoozedUntil).toBe(until);
      expect(res.body.counts.total).toBe(1);
      expect(await ids(u)).toEqual([keep]);
      expect((await u.call<Counts>('GET', '/v1/inbox/counts')).body).toMatchObject({ total: 1, unread: 1 });
      const seqAfterSnooze = res.body.seq;

      await waitFor(async () => (await ids(u)).includes(snoozed!), 6000, 'the snoozed item to return');
      expect(await ids(u)).toEqual([snoozed, keep]);
      const woke = await waitFor(async () => (await changesAfter(u, seqAfterSnooze)).find((c) => c.type === 'updated'), 3000, 'wake change');
      expect(woke).toMatchObject({ seq: seqAfterSnooze + 1, type: 'updated', notification: { id: snoozed } });
      await waitFor(() => sock.events.some((e) => e.change.seq === seqAfterSnooze + 1), 3000, 'wake event');
      const ev = sock.events.find((e) => e.change.seq === seqAfterSnooze + 1)!;
      expect(ev.counts.total).toBe(2);
      expect((await changesAfter(u, seqAfterSnooze)).filter((c) => c.type === 'updated'), 'woken exactly once').toHaveLength(1);
    } finally {
      sock.close();
    }
  });

  it('a snooze that is cancelled, or whose item is deleted, wakes nothing later', async () => {
    const u = await h.user();
    const [cancelled, deleted] = await h.notify(u.id, 2);
    const soon = new Date(Date.now() + 1500).toISOString();
    await u.call('PATCH', `/v1/inbox/notifications/${cancelled}`, { snoozedUntil: soon });
    await u.call('PATCH', `/v1/inbox/notifications/${deleted}`, { snoozedUntil: soon });
    await u.call('PATCH', `/v1/inbox/notifications/${cancelled}`, { snoozedUntil: null });
    await u.call('DELETE', `/v1/inbox/notifications/${deleted}`);
    const seq = (await u.call<ChangesResponse>('GET', '/v1/inbox/changes?since=0')).body.seq;
    await new Promise((r) => setTimeout(r, 2300));
    expect(await changesAfter(u, seq)).toEqual([]);
    expect(await ids(u)).toEqual([cancelled]);
  });

  it('snoozedUntil null unsnoozes at once', async () => {
    const u = await h.user();
    const [n] = await h.notify(u.id, 1);
    await u.call('PATCH', `/v1/inbox/notifications/${n}`, { snoozedUntil: new Date(Date.now() + 3_600_000).toISOString() });
    expect(await ids(u)).toEqual([]);
    const res = await u.call<PatchResponse>('PATCH', `/v1/inbox/notifications/${n}`, { snoozedUntil: null });
    expect(res.body.notification.snoozedUntil).toBeNull();
    expect(await ids(u)).toEqual([n]);
  });

  it('an expired notification disappears with a deleted change', async () => {
    const u = await h.user();
    const [stay] = await h.notify(u.id, 1);
    const sock = await h.socket(u.token);
    const [gone] = await h.notify(u.id, 1, { expiresAt: new Date(Date.now() + 2000).toISOString() });
    expect(await ids(u)).toEqual([gone, stay]);
    const seq = (await u.call<ChangesResponse>('GET', '/v1/inbox/changes?since=0')).body.seq;
    await waitFor(async () => !(await ids(u)).includes(gone!), 6000, 'the expired item to go');
    expect((await u.call<Counts>('GET', '/v1/inbox/counts')).body.total).toBe(1);
    const del = await waitFor(async () => (await changesAfter(u, seq)).find((c) => c.type === 'deleted'), 3000, 'deleted change');
    expect(del).toEqual({ seq: seq + 1, type: 'deleted', id: gone });
    await waitFor(() => sock.events.some((e) => e.change.type === 'deleted'), 3000, 'deleted event');
    expect(sock.events.map((e) => e.change)).toContainEqual(del);
    sock.close();
    expectError(await u.call('PATCH', `/v1/inbox/notifications/${gone}`, { read: true }), 404, 'not_found');
  });
});
