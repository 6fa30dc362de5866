// Cross-tab: two clients of one user in one "browser" (in-memory BroadcastChannel + Web Locks) hold
// one socket between them; a local change in one appears in the other without a network request;
// when the leader is destroyed the other takes over the socket.
import { describe, expect, it } from 'vitest';
import type { BelfryClient } from '../src/index.js';
import { makeClient, newUser, serverCounts, sleep, trigger, useProxiedServer, waitFor } from './harness.js';
import { createMemoryBrowser } from './memoryEnv.js';

const env = useProxiedServer();

function tab(browser: ReturnType<typeof createMemoryBrowser>, user: string) {
  let requests = 0;
  const countingFetch = ((...args: Parameters<typeof fetch>) => {
    requests++;
    return fetch(...args);
  }) as typeof fetch;
  const client: BelfryClient = makeClient(env.proxy.url, user, { environment: browser.environment(), fetch: countingFetch });
  const feed = client.feed();
  const unread = client.feed({ read: false });
  const arrived: string[] = [];
  client.on('notification', (n) => arrived.push(n.id));
  const offs = [feed.subscribe(() => {}), unread.subscribe(() => {}), client.counts.subscribe(() => {}), client.connection.subscribe(() => {})];
  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    offs.forEach((o) => o());
    client.destroy();
  };
  env.cleanups.push(destroy);
  return { client, feed, unread, arrived, destroy, requests: () => requests };
}

describe('cross-tab', () => {
  it('one socket for two tabs; local changes cross without a request; the follower takes over', async () => {
    const user = newUser();
    await trigger(env.server.url, user, { title: 'old' });
    const browser = createMemoryBrowser();
    const upgrades = env.proxy.upgrades;
    const a = tab(browser, user);
    const b = tab(browser, user);
    await waitFor(() => a.client.connection.getState().status === 'online' && b.client.connection.getState().status === 'online', { message: 'both online' });
    await waitFor(() => a.feed.getState().items.length === 1 && b.feed.getState().items.length === 1);
    expect(a.client.connection.getState().leader).toBe(true);
    expect(b.client.connection.getState().leader).toBe(false);
    await sleep(200);
    expect(env.proxy.upgrades - upgrades).toBe(1);

    // A live notification reaches both (b through a's socket).
    const id = (await trigger(env.server.url, user, { title: 'live' })).notifications[0]!.id;
    await waitFor(() => b.feed.getState().items[0]?.id === id && a.feed.getState().items[0]?.id === id, { message: 'live in both' });
    expect(a.arrived).toEqual([id]);
    expect(b.arrived).toEqual([id]);
    await waitFor(() => b.client.counts.getState().unread === 2);

    // b marks read while the network is slow: a shows it long before the request completes, with no request of its own.
    env.proxy.latencyMs = 400;
    const aRequests = a.requests();
    const done = b.client.markRead(id);
    await waitFor(() => a.client.notification(id).getState()?.readAt != null, { timeout: 200, interval: 5, message: 'a sees the change' });
    expect(a.unread.getState().items.map((n) => n.id)).not.toContain(id);
    expect(a.client.counts.getState().unread).toBe(1);
    expect(a.requests()).toBe(aRequests);
    await done;
    env.proxy.latencyMs = 0;
    await sleep(100);
    expect(a.client.counts.getState()).toMatchObject({ unread: 1, total: 2 });
    expect(a.requests()).toBe(aRequests);

    // A failed change rolls back in both tabs.
    env.proxy.inject({ match: /PATCH/, status: 400, code: 'bad_request' });
    const old = a.feed.getState().items[1]!.id;
    await expect(a.client.archive(old)).rejects.toMatchObject({ status: 400 });
    await sleep(50);
    expect(b.feed.getState().items.map((n) => n.id)).toEqual([id, old]);
    expect(b.client.counts.getState()).toMatchObject({ total: 2, unread: 1 });

    // The leader goes away: b takes the lock and opens its own socket.
    a.destroy();
    await waitFor(() => b.client.connection.getState().leader && b.client.connection.getState().status === 'online', { message: 'takeover' });
    expect(env.proxy.upgrades - upgrades).toBe(2);
    const id2 = (await trigger(env.server.url, user, { title: 'after takeover' })).notifications[0]!.id;
    await waitFor(() => b.feed.getState().items[0]?.id === id2, { message: 'live after takeover' });
    expect(b.client.counts.getState()).toMatchObject(await serverCounts(env.server.url, user).then((c) => ({ total: c.total, unread: c.unread })));
    b.destroy();
    expect(browser.openChannels()).toBe(0);
  }, 30_000);
});
