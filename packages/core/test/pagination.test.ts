// Paging 250 items by 20 while new ones arrive over the socket: every item exactly once, in server order.
import { describe, expect, it } from 'vitest';
import { makeClient, newUser, serverItems, trigger, triggerMany, useServer, waitFor } from './harness.js';

const env = useServer();

describe('pagination', () => {
  it('250 by 20 with live arrivals: each item exactly once, in server order', async () => {
    const user = newUser();
    await triggerMany(env.server.url, user, 250);
    const client = makeClient(env.server.url, user, { pageSize: 20 });
    const feed = client.feed();
    const off = feed.subscribe(() => {});
    const offConn = client.connection.subscribe(() => {});
    await waitFor(() => feed.getState().status === 'success' && client.connection.getState().status === 'online', { message: 'ready' });
    expect(feed.getState().items).toHaveLength(20);
    let live = 0;
    let pages = 1;
    while (feed.getState().hasMore) {
      // Two new notifications arrive between every page.
      await trigger(env.server.url, user, { title: `live${live++}` });
      const loading = feed.loadMore();
      await trigger(env.server.url, user, { title: `live${live++}` });
      await loading;
      pages++;
      const ids = feed.getState().items.map((n) => n.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const truth = await serverItems(env.server.url, user);
    expect(truth).toHaveLength(250 + live);
    await waitFor(() => feed.getState().items.length === truth.length, { message: 'all live items' });
    expect(feed.getState().items.map((n) => n.id)).toEqual(truth.map((n) => n.id));
    expect(pages).toBe(13);
    expect(feed.getState().newCount).toBe(live);
    feed.markViewed();
    expect(feed.getState().newCount).toBe(0);
    off();
    offConn();
    client.destroy();
  }, 60_000);
});
