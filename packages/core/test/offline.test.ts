// Offline: mutations made while offline wait (no request leaves), then go out in order when the
// network is back, none lost. Focus and reconnect refetch through query-core's managers, fed by the
// injected environment adapters.
import { describe, expect, it } from 'vitest';
import { makeClient, newUser, serverItems, sleep, trigger, triggerMany, useProxiedServer, waitFor } from './harness.js';
import { createConnectivity } from './memoryEnv.js';

const env = useProxiedServer();

const mutationLines = (from: number) =>
  env.proxy.log.slice(from).filter((l) => l.startsWith('PATCH') || l.startsWith('POST /v1/inbox/notifications') || l.startsWith('DELETE'));

describe('offline', () => {
  it('mutations made offline are sent in order when back online, none lost', async () => {
    const user = newUser();
    const [c, b, a] = await triggerMany(env.server.url, user, 3); // a newest
    const net = createConnectivity();
    const client = makeClient(env.proxy.url, user, { realtime: false, environment: { onOnlineChange: net.onOnlineChange, onFocus: net.onFocus } });
    env.cleanups.push(() => client.destroy());
    const feed = client.feed();
    const unread = client.feed({ read: false });
    env.cleanups.push(feed.subscribe(() => {}), unread.subscribe(() => {}), client.counts.subscribe(() => {}));
    await waitFor(() => feed.getState().items.length === 3 && client.counts.getState().status === 'success');

    net.setOnline(false);
    const start = env.proxy.log.length;
    const done = [
      client.markRead(a!),
      client.markUnread(a!),
      client.archive(b!),
      client.markRead(a!),
      client.markRead([b!, c!]),
      client.remove(c!),
    ];
    let settled = 0;
    done.forEach((p) => p.then(() => settled++));
    // Optimistic state is there at once.
    expect(feed.getState().items.map((n) => n.id)).toEqual([a]);
    expect(unread.getState().items).toEqual([]);
    expect(client.counts.getState()).toMatchObject({ total: 1, unread: 0 });
    await sleep(500);
    expect(mutationLines(start)).toEqual([]);
    expect(settled).toBe(0);

    net.setOnline(true);
    await Promise.all(done);
    expect(mutationLines(start)).toEqual([
      `PATCH /v1/inbox/notifications/${a}`,
      `PATCH /v1/inbox/notifications/${a}`,
      `PATCH /v1/inbox/notifications/${b}`,
      `PATCH /v1/inbox/notifications/${a}`,
      'POST /v1/inbox/notifications/bulk',
      `DELETE /v1/inbox/notifications/${c}`,
    ]);
    const live = await serverItems(env.server.url, user);
    expect(live.map((n) => [n.id, n.readAt !== null])).toEqual([[a, true]]);
    const archived = await serverItems(env.server.url, user, 'archived=true');
    expect(archived.map((n) => [n.id, n.readAt !== null])).toEqual([[b, true]]);
    expect(feed.getState().items.map((n) => n.id)).toEqual([a]);
  });

  it('refetches on focus and when the network comes back', async () => {
    const user = newUser();
    await trigger(env.server.url, user, { title: 'first' });
    const net = createConnectivity();
    const client = makeClient(env.proxy.url, user, { realtime: false, environment: { onOnlineChange: net.onOnlineChange, onFocus: net.onFocus } });
    env.cleanups.push(() => client.destroy());
    const feed = client.feed();
    env.cleanups.push(feed.subscribe(() => {}));
    await waitFor(() => feed.getState().items.length === 1);
    await trigger(env.server.url, user, { title: 'second' });
    net.focus();
    await waitFor(() => feed.getState().items.length === 2, { message: 'refetch on focus' });
    net.setOnline(false);
    await trigger(env.server.url, user, { title: 'third' });
    net.setOnline(true);
    await waitFor(() => feed.getState().items.length === 3, { message: 'refetch on reconnect' });
    expect(feed.getState().items.map((n) => n.title)).toEqual(['third', 'second', 'first']);
  });

  it('destroy() while offline settles waiting mutations (rejected as aborted), sending nothing', async () => {
    const user = newUser();
    const [a] = await triggerMany(env.server.url, user, 1);
    const net = createConnectivity();
    const client = makeClient(env.proxy.url, user, { realtime: false, environment: { onOnlineChange: net.onOnlineChange, onFocus: net.onFocus } });
    const feed = client.feed();
    const off = feed.subscribe(() => {});
    await waitFor(() => feed.getState().items.length === 1);
    net.setOnline(false);
    const start = env.proxy.log.length;
    const waiting = client.markRead(a!);
    off();
    client.destroy();
    await expect(waiting).rejects.toMatchObject({ code: 'aborted' });
    net.setOnline(true);
    await sleep(200);
    expect(mutationLines(start)).toEqual([]);
  });
});
