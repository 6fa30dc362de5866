// socket.io delivery: each change reaches exactly the sockets of its (app, user), in seq order,
// with the new counts; other users and the same user id in another app receive nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { PatchResponse } from '@belfry/core/api';
import { Harness, databases, sleep, useServer, waitFor, type TestSocket } from './harness';

describe.each(databases())('realtime (%s)', (db) => {
  const h = useServer(db);
  const open: TestSocket[] = [];
  const connect = async (token: string) => {
    const s = await h.socket(token);
    open.push(s);
    return s;
  };
  afterEach(() => open.splice(0).forEach((s) => s.close()));

  it('events reach only the right user’s sockets, in seq order, with counts', async () => {
    const alice = await h.user();
    const bob = await h.user();
    const twin = await h.user(alice.id, h.appB); // same user id, other app
    const [a1, a2, b1, t1] = await Promise.all([connect(alice.token), connect(alice.token), connect(bob.token), connect(twin.token)]);

    const ids = await h.notify(alice.id, 3, { category: 'news' });
    const patch = await alice.call<PatchResponse>('PATCH', `/v1/inbox/notifications/${ids[0]}`, { read: true });
    expect(patch.body.seq).toBe(4);
    await alice.call('DELETE', `/v1/inbox/notifications/${ids[1]}`);

    for (const s of [a1!, a2!]) {
      await waitFor(() => s.events.length >= 5, 5000, 'five events');
      expect(s.events.map((e) => [e.change.seq, e.change.type])).toEqual([
        [1, 'created'], [2, 'created'], [3, 'created'], [4, 'updated'], [5, 'deleted'],
      ]);
      expect(s.events[0]).toMatchObject({ change: { notification: { id: ids[0], userId: alice.id } }, counts: { total: 1, unread: 1 } });
      expect(s.events[3]?.counts).toMatchObject({ total: 3, unread: 2 });
      expect(s.events[4]?.counts).toMatchObject({ total: 2, unread: 1 });
      expect(s.events[4]?.counts.categories?.news).toMatchObject({ total: 2, unread: 1 });
    }
    await sleep(300);
    expect(a1!.events).toHaveLength(5);
    expect(b1!.events, 'another user receives nothing').toHaveLength(0);
    expect(t1!.events, 'the same user id in another app receives nothing').toHaveLength(0);

    await h.notify(bob.id, 1);
    await waitFor(() => b1!.events.length === 1, 5000, 'bob event');
    await sleep(200);
    expect(a1!.events).toHaveLength(5);
    expect(t1!.events).toHaveLength(0);
  });

  it('concurrent writes to one user arrive over the socket in seq order without gaps', async () => {
    const u = await h.user();
    const s = await connect(u.token);
    const res = await Promise.all(Array.from({ length: 15 }, () => h.trigger({ recipients: [u.id] })));
    expect(res.map((r) => r.status)).toEqual(Array(15).fill(201));
    await Promise.all(res.slice(0, 5).map((r) => u.call('PATCH', `/v1/inbox/notifications/${r.body.notifications[0]!.id}`, { read: true })));
    await waitFor(() => s.events.length >= 20, 8000, '20 events');
    expect(s.events.map((e) => e.change.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(s.events[19]?.counts).toMatchObject({ total: 15, unread: 10 });
  });

  it('close() ends connected sockets and returns promptly', async () => {
    const own = new Harness(db);
    await own.start();
    let closed = false;
    try {
      const u = await own.user();
      const s = await own.socket(u.token);
      const gone = new Promise<string>((r) => s.socket.once('disconnect', (reason) => r(String(reason))));
      const t0 = Date.now();
      await own.stop();
      closed = true;
      expect(Date.now() - t0).toBeLessThan(5000);
      await expect(Promise.race([gone, sleep(3000).then(() => 'still connected')])).resolves.not.toBe('still connected');
      s.close();
    } finally {
      if (!closed) await own.stop();
    }
  });

  it('a bulk update is one event carrying the ids; a trigger to many users reaches each once', async () => {
    const u1 = await h.user();
    const u2 = await h.user();
    const [s1, s2] = await Promise.all([connect(u1.token), connect(u2.token)]);
    await h.trigger({ recipients: [u1.id, u2.id] });
    await h.trigger({ recipients: [u1.id] });
    await waitFor(() => s1!.events.length === 2 && s2!.events.length === 1, 5000, 'created events');
    const bulk = await u1.call('POST', '/v1/inbox/notifications/bulk', { filter: {}, read: true });
    expect(bulk.status, bulk.text).toBe(200);
    await waitFor(() => s1!.events.length === 3, 5000, 'bulk event');
    const ev = s1!.events[2]!;
    expect(ev.change.type).toBe('bulk');
    if (ev.change.type === 'bulk') expect(ev.change.ids).toHaveLength(2);
    expect(ev.counts).toMatchObject({ total: 2, unread: 0 });
    await sleep(200);
    expect(s2!.events).toHaveLength(1);
  });
});
