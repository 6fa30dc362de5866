// Announcing new notifications: every client of a user announces each new notification exactly once,
// the first one included — also a follower tab that holds no feed (a closed inbox shows only the
// bell), whose first live event makes it read its baseline.
import { describe, expect, it } from 'vitest';
import type { BelfryClient } from '../src/index.js';
import { makeClient, newUser, sleep, trigger, useProxiedServer, waitFor } from './harness.js';
import { createMemoryBrowser } from './memoryEnv.js';

const env = useProxiedServer();

/** A client showing only a bell: counts and connection, no feed. */
function bellOnly(browser: ReturnType<typeof createMemoryBrowser>, user: string) {
  const client: BelfryClient = makeClient(env.proxy.url, user, { environment: browser.environment() });
  const arrived: string[] = [];
  client.on('notification', (n) => arrived.push(n.id));
  const offs = [client.counts.subscribe(() => {}), client.connection.subscribe(() => {})];
  const destroy = () => {
    offs.forEach((o) => o());
    client.destroy();
  };
  env.cleanups.push(destroy);
  return { client, arrived };
}

describe('announcing new notifications', () => {
  it('leader and follower each announce the first and later notifications once', async () => {
    const user = newUser();
    const browser = createMemoryBrowser();
    const a = bellOnly(browser, user);
    const b = bellOnly(browser, user);
    await waitFor(() => a.client.connection.getState().status === 'online' && b.client.connection.getState().status === 'online', { message: 'both online' });
    expect(a.client.connection.getState().leader).toBe(true);
    expect(b.client.connection.getState().leader).toBe(false);

    const first = (await trigger(env.server.url, user, { title: 'first' })).notifications[0]!.id;
    await waitFor(() => a.arrived.length === 1 && b.arrived.length === 1, { message: 'first announced in both' });
    expect(a.arrived).toEqual([first]);
    expect(b.arrived).toEqual([first]);
    await waitFor(() => b.client.counts.getState().unread === 1);

    const second = (await trigger(env.server.url, user, { title: 'second' })).notifications[0]!.id;
    await waitFor(() => a.arrived.length === 2 && b.arrived.length === 2, { message: 'second announced in both' });
    await sleep(200);
    expect(a.arrived).toEqual([first, second]);
    expect(b.arrived).toEqual([first, second]);
  }, 30_000);

  it('the first one is announced in both when it arrives while the leader reads its baseline', async () => {
    const user = newUser();
    const browser = createMemoryBrowser();
    // Slow HTTP: the leader is online (socket up) long before its baseline read comes back.
    env.proxy.latencyMs = 600;
    try {
      const a = bellOnly(browser, user);
      const b = bellOnly(browser, user);
      await waitFor(() => a.client.connection.getState().status === 'online' && b.client.connection.getState().status === 'online', { message: 'both online' });
      expect(a.client.connection.getState().seq).toBe(0);
      const first = (await trigger(env.server.url, user, { title: 'first' })).notifications[0]!.id;
      await waitFor(() => a.arrived.length === 1 && b.arrived.length === 1, { message: 'first announced in both' });
      await sleep(300);
      expect(a.arrived).toEqual([first]);
      expect(b.arrived).toEqual([first]);
    } finally {
      env.proxy.latencyMs = 0;
    }
  }, 30_000);
  it("a follower's counts follow what the leader caught up after a disconnect", async () => {
    const user = newUser();
    const browser = createMemoryBrowser();
    const a = bellOnly(browser, user);
    const b = bellOnly(browser, user);
    await waitFor(() => a.client.connection.getState().status === 'online' && b.client.connection.getState().status === 'online', { message: 'both online' });
    await waitFor(() => b.client.counts.getState().status === 'success', { message: 'follower counts' });
    env.proxy.down = true;
    env.proxy.cutAll();
    await waitFor(() => a.client.connection.getState().status === 'offline', { message: 'leader offline' });
    // Created while the socket was down: no event carries it, only the leader's /changes catch-up.
    const missed = (await trigger(env.server.url, user, { title: 'missed' })).notifications[0]!.id;
    env.proxy.down = false;
    await waitFor(() => a.client.counts.getState().unread === 1, { message: 'leader counts 1', timeout: 20_000 });
    await waitFor(() => b.client.counts.getState().unread === 1, { message: `follower counts 1 (now ${b.client.counts.getState().unread})` });
    expect(b.client.counts.getState().total).toBe(1);
    expect(a.arrived).toEqual([missed]);
    expect(b.arrived).toEqual([missed]);
  }, 40_000);
});
