// Sessions: renewed before expiry and once on 401 without user-visible failure; a dead token source
// surfaces a clear error and status, with a bounded number of attempts (no loop).
import { join } from 'node:path';
import { signUserToken } from '@belfry/server';
import { describe, expect, it } from 'vitest';
import type { BelfryClient, BelfryErrorShape } from '../src/index.js';
import { APP, makeClient, newUser, sleep, startServer, trigger, useProxiedServer, waitFor } from './harness.js';

const env = useProxiedServer({ sessionTtlSeconds: 3, sessionSecret: 'core-test-key-a-0123456789abcdef' });

const sessionPosts = (from: number) => env.proxy.log.slice(from).filter((l) => l === 'POST /v1/inbox/session').length;
const unauthorized = (from: number) => env.proxy.responses.slice(from).filter((l) => l.startsWith('GET /v1/inbox') && l.endsWith(' 401'));

/** A realtime client that is online with its first page, recording its connection statuses. */
async function onlineClient() {
  const user = newUser();
  const client = makeClient(env.proxy.url, user);
  env.cleanups.push(() => client.destroy());
  const statuses: string[] = [];
  client.on('connection', (c) => statuses.push(c.status));
  const feed = client.feed();
  env.cleanups.push(feed.subscribe(() => {}));
  await waitFor(() => client.connection.getState().status === 'online' && feed.getState().status === 'success');
  return { user, client, statuses, feed };
}

describe('session', () => {
  it('is renewed before it expires, so no request is ever refused', async () => {
    const user = newUser();
    await trigger(env.server.url, user);
    const client = makeClient(env.proxy.url, user, { realtime: false });
    env.cleanups.push(() => client.destroy());
    const feed = client.feed();
    env.cleanups.push(feed.subscribe(() => {}));
    const start = env.proxy.log.length;
    const startResponses = env.proxy.responses.length;
    // Keep working for ~2.5 session lifetimes.
    const until = Date.now() + 7_500;
    while (Date.now() < until) {
      await feed.refresh();
      expect(feed.getState().status).toBe('success');
      await sleep(250);
    }
    expect(sessionPosts(start)).toBeGreaterThanOrEqual(3);
    expect(sessionPosts(start)).toBeLessThanOrEqual(5);
    expect(unauthorized(startResponses)).toEqual([]);
  }, 20_000);

  it('renews once on 401 (server restarted with another signing key) without a visible failure', async () => {
    const user = newUser();
    await trigger(env.server.url, user, { title: 'one' });
    const errors: BelfryErrorShape[] = [];
    const client = makeClient(env.proxy.url, user, { realtime: false });
    client.on('error', (e) => errors.push(e));
    env.cleanups.push(() => client.destroy());
    const feed = client.feed();
    env.cleanups.push(feed.subscribe(() => {}));
    await waitFor(() => feed.getState().items.length === 1);
    // Another server on the same database signs sessions with another key: our token is now refused.
    const other = await startServer({ sqlitePath: join(env.server.dir, 'belfry.db'), sessionSecret: 'core-test-key-b-0123456789abcdef' });
    env.cleanups.push(() => other.close());
    env.proxy.setTarget(other.url);
    env.cleanups.push(() => env.proxy.setTarget(env.server.url));
    await trigger(other.url, user, { title: 'two' });
    const start = env.proxy.log.length;
    const startResponses = env.proxy.responses.length;
    await feed.refresh();
    expect(feed.getState().items.map((n) => n.title)).toEqual(['two', 'one']);
    expect(unauthorized(startResponses)).toHaveLength(1);
    expect(sessionPosts(start)).toBe(1);
    await client.markRead(feed.getState().items[0]!.id);
    expect(errors).toEqual([]);
  });

  it('a reconnect after the session expired authenticates with a renewed token', async () => {
    const { user, client, statuses, feed } = await onlineClient();
    const start = env.proxy.log.length;
    await sleep(3_200); // the 3 s session is now expired
    env.proxy.cutAll();
    await waitFor(() => statuses.includes('offline'));
    await waitFor(() => client.connection.getState().status === 'online', { message: 'back online' });
    expect(sessionPosts(start)).toBeGreaterThanOrEqual(1);
    const id = (await trigger(env.server.url, user, { title: 'after renewal' })).notifications[0]!.id;
    await waitFor(() => feed.getState().items[0]?.id === id, { message: 'live after renewal' });
    expect(statuses).not.toContain('error');
  }, 20_000);

  it('works with a user token from getUserToken, asking for a new one on renewal', async () => {
    const user = newUser();
    await trigger(env.server.url, user);
    let calls = 0;
    const client = makeClient(env.proxy.url, user, {
      realtime: false,
      userKey: undefined,
      getUserToken: async () => {
        calls++;
        return signUserToken({ secret: APP.secret, appId: APP.id, userId: user, expiresInSeconds: 60 });
      },
    });
    env.cleanups.push(() => client.destroy());
    const feed = client.feed();
    env.cleanups.push(feed.subscribe(() => {}));
    await waitFor(() => feed.getState().items.length === 1);
    expect(calls).toBe(1);
    await sleep(3_000);
    await feed.refresh();
    expect(calls).toBe(2);
  });

  it('a dead token source surfaces a clear error and status, with bounded attempts', async () => {
    const user = newUser();
    let calls = 0;
    const errors: BelfryErrorShape[] = [];
    const client: BelfryClient = makeClient(env.proxy.url, user, {
      userKey: undefined,
      getUserToken: async () => {
        calls++;
        throw new Error('token backend is down');
      },
    });
    client.on('error', (e) => errors.push(e));
    env.cleanups.push(() => client.destroy());
    const feed = client.feed();
    env.cleanups.push(feed.subscribe(() => {}));
    env.cleanups.push(client.counts.subscribe(() => {}));
    env.cleanups.push(client.connection.subscribe(() => {}));
    await waitFor(() => feed.getState().status === 'error' && client.connection.getState().status === 'error', { message: 'error state' });
    expect(feed.getState().error).toMatchObject({ code: 'auth_source' });
    expect(feed.getState().error?.message).toMatch(/getUserToken failed: token backend is down/);
    expect(client.connection.getState().error).toMatchObject({ code: 'auth_source' });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.code === 'auth_source')).toBe(true);
    const settled = calls;
    await sleep(2_000);
    expect(calls).toBe(settled);
    expect(calls).toBeLessThanOrEqual(4);
  });

  it('a refused credential (wrong userKey) is a clear unauthorized error, not a loop', async () => {
    const user = newUser();
    const client = makeClient(env.proxy.url, user, { userKey: 'f'.repeat(64) });
    env.cleanups.push(() => client.destroy());
    const feed = client.feed();
    env.cleanups.push(feed.subscribe(() => {}));
    env.cleanups.push(client.connection.subscribe(() => {}));
    const start = env.proxy.log.length;
    await waitFor(() => feed.getState().status === 'error' && client.connection.getState().status === 'error', { message: 'error state' });
    expect(feed.getState().error).toMatchObject({ status: 401 });
    expect(feed.getState().error?.message).toMatch(/session refused/);
    await sleep(1_500);
    expect(sessionPosts(start)).toBeLessThanOrEqual(4);
  });

  it('a refused socket handshake (server restarted with another key) renews the session once and reconnects', async () => {
    const { user, client, statuses, feed } = await onlineClient();
    // The new server signs with another key: the cached session token is refused by its socket middleware.
    const other = await startServer({ sqlitePath: join(env.server.dir, 'belfry.db'), sessionSecret: 'core-test-key-c-0123456789abcdef' });
    env.cleanups.push(() => other.close());
    env.proxy.setTarget(other.url);
    env.cleanups.push(() => env.proxy.setTarget(env.server.url));
    const start = env.proxy.log.length;
    env.proxy.cutAll();
    await waitFor(() => statuses.includes('offline'));
    await waitFor(() => client.connection.getState().status === 'online', { message: 'back online' });
    // One renewal after the refusal (a timed renewal of the 3 s session may add one more).
    expect(sessionPosts(start)).toBeGreaterThanOrEqual(1);
    expect(sessionPosts(start)).toBeLessThanOrEqual(2);
    const id = (await trigger(other.url, user, { title: 'after refusal' })).notifications[0]!.id;
    await waitFor(() => feed.getState().items[0]?.id === id, { message: 'live after the renewed handshake' });
    expect(statuses).not.toContain('error');
  }, 20_000);

  it('a handshake that stays refused stops with an unauthorized error instead of looping', async () => {
    const user = newUser();
    // HTTP (and so the session) goes to our server; the socket to one that signs with another key.
    const other = await startServer({ sqlitePath: join(env.server.dir, 'belfry.db'), sessionSecret: 'core-test-key-d-0123456789abcdef' });
    env.cleanups.push(() => other.close());
    let sockets = 0;
    const client = makeClient(env.proxy.url, user, {
      environment: {
        webSocket: (url) => {
          sockets++;
          const u = new URL(url);
          u.host = new URL(other.url).host;
          return new WebSocket(u.toString()) as never;
        },
      },
    });
    env.cleanups.push(() => client.destroy());
    const feed = client.feed();
    env.cleanups.push(feed.subscribe(() => {}));
    env.cleanups.push(client.connection.subscribe(() => {}));
    const start = env.proxy.log.length;
    await waitFor(() => client.connection.getState().status === 'error', { message: 'error state' });
    expect(client.connection.getState().error).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(client.connection.getState().error?.message).toMatch(/realtime connection refused/);
    const settled = { sockets, posts: sessionPosts(start) };
    await sleep(2_000);
    expect({ sockets, posts: sessionPosts(start) }).toEqual(settled);
    expect(sockets).toBe(3);
    expect(feed.getState().status).toBe('success');
  }, 20_000);
});
