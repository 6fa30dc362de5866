// The request lifecycle, owned by query-core: in-flight dedupe, retries with backoff on 500s,
// timeouts as typed errors; and state identity: getState() changes only when content does.
import { afterEach, describe, expect, it } from 'vitest';
import type { BelfryClient } from '../src/index.js';
import { makeClient, newUser, sleep, trigger, triggerMany, useProxiedServer, waitFor } from './harness.js';

const env = useProxiedServer();
afterEach(() => {
  env.proxy.latencyMs = 0;
});

const pageRequests = (from: number) => env.proxy.log.slice(from).filter((l) => l.startsWith('GET /v1/inbox/notifications'));

function client(user: string, extra = {}): BelfryClient {
  const c = makeClient(env.proxy.url, user, { realtime: false, ...extra });
  env.cleanups.push(() => c.destroy());
  return c;
}

describe('requests', () => {
  it('dedupes concurrent page fetches: many subscribers and loadMore calls, one request per page', async () => {
    const user = newUser();
    await triggerMany(env.server.url, user, 30);
    const c = client(user);
    env.proxy.latencyMs = 150;
    const start = env.proxy.log.length;
    const views = [c.feed(), c.feed({}), c.feed({ archived: false })];
    expect(new Set(views).size).toBe(1);
    for (let i = 0; i < 3; i++) env.cleanups.push(views[i]!.subscribe(() => {}));
    await waitFor(() => views[0]!.getState().status === 'success');
    expect(pageRequests(start)).toHaveLength(1);
    await Promise.all([views[0]!.loadMore(), views[0]!.loadMore(), views[1]!.loadMore()]);
    expect(pageRequests(start)).toHaveLength(2);
    expect(views[0]!.getState().items).toHaveLength(30);
    expect(views[0]!.getState().hasMore).toBe(false);
  });

  it('retries a page fetch after 500s with backoff, then shows the data', async () => {
    const user = newUser();
    await trigger(env.server.url, user);
    const c = client(user);
    env.proxy.inject({ match: /GET \/v1\/inbox\/notifications/, status: 500, times: 2 });
    const start = env.proxy.log.length;
    const feed = c.feed();
    env.cleanups.push(feed.subscribe(() => {}));
    await waitFor(() => feed.getState().status === 'success', { message: 'loaded after retries' });
    expect(feed.getState().items).toHaveLength(1);
    expect(pageRequests(start)).toHaveLength(3);
  });

  it('gives up after bounded retries with a typed error, and recovers on refresh', async () => {
    const user = newUser();
    await trigger(env.server.url, user);
    const c = client(user);
    const errors: string[] = [];
    c.on('error', (e) => errors.push(e.code));
    env.proxy.inject({ match: /GET \/v1\/inbox\/notifications/, status: 500, times: 5 });
    const feed = c.feed();
    env.cleanups.push(feed.subscribe(() => {}));
    await waitFor(() => feed.getState().status === 'error', { timeout: 20_000, message: 'error state' });
    expect(feed.getState().error).toMatchObject({ name: 'BelfryError', code: 'internal', status: 500 });
    expect(errors).toEqual(['internal']);
    await feed.refresh();
    expect(feed.getState()).toMatchObject({ status: 'success', error: null });
    expect(feed.getState().items).toHaveLength(1);
  }, 30_000);

  it('a slow response is a timeout error', async () => {
    const user = newUser();
    await trigger(env.server.url, user);
    const c = client(user, { timeout: 200 });
    env.proxy.latencyMs = 1_000;
    await expect(c.markRead('nope')).rejects.toMatchObject({ code: 'timeout' });
  }, 30_000);

  it('getState() keeps its identity until its own content changes', async () => {
    const user = newUser();
    const [first] = await triggerMany(env.server.url, user, 2);
    const c = client(user);
    const all = c.feed();
    const archived = c.feed({ archived: true });
    env.cleanups.push(all.subscribe(() => {}), archived.subscribe(() => {}), c.counts.subscribe(() => {}));
    await waitFor(() => all.getState().status === 'success' && archived.getState().status === 'success' && c.counts.getState().status === 'success');
    const a1 = all.getState();
    const z1 = archived.getState();
    const one = c.notification(first!);
    const n1 = one.getState();
    let heard = 0;
    env.cleanups.push(archived.subscribe(() => heard++));
    await c.markSeen(all.getState().items[0]!.id === first ? all.getState().items[1]!.id : all.getState().items[0]!.id);
    expect(all.getState()).not.toBe(a1);
    expect(archived.getState()).toBe(z1);
    expect(one.getState()).toBe(n1);
    expect(heard).toBe(0);
    await sleep(20);
    expect(all.getState()).toBe(all.getState());
  });
});
