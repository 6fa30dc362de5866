// The client against a real server: list, counts, realtime arrival, mark read.
import { describe, expect, it } from 'vitest';
import type { Notification } from '../src/api/types.js';
import { makeClient, newUser, serverCounts, trigger, triggerMany, useServer, waitFor } from './harness.js';

const env = useServer();

describe('basic client', () => {
  it('lists, counts, receives live notifications and marks read', async () => {
    const user = newUser();
    await triggerMany(env.server.url, user, 3);
    const client = makeClient(env.server.url, user);
    const arrived: Notification[] = [];
    client.on('notification', (n) => arrived.push(n));
    const feed = client.feed();
    const unread = client.feed({ read: false });
    const offFeed = feed.subscribe(() => {});
    const offUnread = unread.subscribe(() => {});
    const offCounts = client.counts.subscribe(() => {});
    await waitFor(() => feed.getState().status === 'success' && feed.getState().items.length === 3, { message: 'first page' });
    expect(feed.getState().items.map((n) => n.title)).toEqual(['n2', 'n1', 'n0']);
    await waitFor(() => client.counts.getState().unread === 3, { message: 'counts' });
    await waitFor(() => client.connection.getState().status === 'online', { message: 'online' });

    const res = await trigger(env.server.url, user, { title: 'live' });
    const liveId = res.notifications[0]!.id;
    await waitFor(() => feed.getState().items[0]?.id === liveId, { message: 'live item' });
    expect(arrived.map((n) => n.id)).toEqual([liveId]);
    expect(client.counts.getState().unread).toBe(4);

    const p = client.markRead(liveId);
    // Synchronous: before the request leaves.
    expect(client.notification(liveId).getState()?.readAt).not.toBeNull();
    expect(unread.getState().items.map((n) => n.id)).not.toContain(liveId);
    expect(feed.getState().items.map((n) => n.id)).toContain(liveId);
    expect(client.counts.getState().unread).toBe(3);
    await p;
    await waitFor(async () => (await serverCounts(env.server.url, user)).unread === 3);
    expect(client.counts.getState()).toMatchObject({ unread: 3, total: 4 });
    offFeed();
    offUnread();
    offCounts();
    client.destroy();
  });
});
