// SSR: no window/document here (Node). Importing and creating a client must neither throw nor open
// anything; reading state works and returns stable objects.
import { describe, expect, it } from 'vitest';
import { createBelfry } from '../src/index.js';

describe('SSR', () => {
  it('imports and creates a client without window, opens nothing', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const before = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap').length;
    let fetches = 0;
    let sockets = 0;
    const client = createBelfry({
      apiUrl: 'http://127.0.0.1:9',
      appId: 'demo',
      userId: 'u1',
      userKey: 'x',
      fetch: (async () => {
        fetches++;
        throw new Error('no network during SSR');
      }) as typeof fetch,
      environment: {
        webSocket: () => {
          sockets++;
          throw new Error('no sockets during SSR');
        },
      },
    });
    const feed = client.feed({ read: false });
    expect(feed.getState()).toBe(feed.getState());
    expect(feed.getState()).toMatchObject({ items: [], status: 'idle', hasMore: false });
    expect(client.counts.getState()).toMatchObject({ total: 0, unread: 0, status: 'idle' });
    expect(client.connection.getState()).toMatchObject({ status: 'idle', leader: false });
    expect(client.feed({ read: false })).toBe(feed);
    await new Promise((r) => setTimeout(r, 50));
    expect(fetches).toBe(0);
    expect(sockets).toBe(0);
    client.destroy();
    const after = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap').length;
    expect(after).toBeLessThanOrEqual(before);
  });
});

describe('runtime without WebSocket', () => {
  it('reports a clear connection error instead of retrying', async () => {
    const client = createBelfry({
      apiUrl: 'http://127.0.0.1:9',
      appId: 'demo',
      userId: 'u1',
      userKey: 'x',
      fetch: (async () => new Response('{}', { status: 503 })) as typeof fetch,
      environment: { webSocket: null },
    });
    const off = client.connection.subscribe(() => {});
    expect(client.connection.getState()).toMatchObject({ status: 'error', error: { code: 'network' } });
    expect(client.connection.getState().error?.message).toMatch(/no WebSocket/);
    off();
    client.destroy();
  });
});
