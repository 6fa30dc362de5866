// No leaks: after destroy() a client leaves no socket, timer or handle behind — measured with
// process.getActiveResourcesInfo() against a baseline, and by the proxy's count of open connections.
import { describe, expect, it } from 'vitest';
import { makeClient, newUser, sleep, trigger, triggerMany, useProxiedServer, waitFor } from './harness.js';
import { createConnectivity, createMemoryBrowser } from './memoryEnv.js';

const env = useProxiedServer();

const resources = () => {
  const counts: Record<string, number> = {};
  for (const r of process.getActiveResourcesInfo()) counts[r] = (counts[r] ?? 0) + 1;
  return counts;
};
const total = (r: Record<string, number>, kinds: string[]) => kinds.reduce((n, k) => n + (r[k] ?? 0), 0);
const KINDS = ['TCPSocketWrap', 'TCPWRAP', 'Timeout', 'Immediate', 'TCPConnectWrap'];

describe('no leaks', () => {
  it('destroy() frees sockets, timers, channels and listeners', async () => {
    const user = newUser();
    await triggerMany(env.server.url, user, 3);
    // Keep-alive pools belong to the runtime (fetch), not to the client: the proxy closes each HTTP
    // connection after its response, so only what the client itself keeps open could remain.
    env.proxy.noKeepAlive = true;
    try {
      await sleep(300);
      const baseline = resources();
      const browser = createMemoryBrowser();
      const net = createConnectivity();
      const client = makeClient(env.proxy.url, user, { environment: browser.environment({ onOnlineChange: net.onOnlineChange, onFocus: net.onFocus }) });
      const offs = [
        client.feed().subscribe(() => {}),
        client.feed({ read: false }).subscribe(() => {}),
        client.counts.subscribe(() => {}),
        client.connection.subscribe(() => {}),
        client.preferences.subscribe(() => {}),
      ];
      client.on('notification', () => {});
      await waitFor(() => client.connection.getState().status === 'online' && client.feed().getState().status === 'success');
      await trigger(env.server.url, user, { title: 'live' });
      await waitFor(() => client.feed().getState().items.length === 4, { message: `live item ${JSON.stringify(env.proxy.responses)} ${JSON.stringify(client.connection.getState())} ${client.feed().getState().items.length}` });
      const ids = client.feed().getState().items.map((n) => n.id);
      await Promise.all([client.markSeen(ids), client.markRead(ids[0]!), client.archive(ids[1]!)]);
      await waitFor(() => client.preferences.getState().status === 'success');
      expect(env.proxy.openSockets()).toBeGreaterThan(0);
      const during = resources();
      expect(total(during, KINDS)).toBeGreaterThan(total(baseline, KINDS));

      offs.forEach((off) => off());
      client.destroy();
      // Generous: a WebSocket close handshake on a loaded machine can take seconds; a leak never ends.
      await waitFor(() => env.proxy.openSockets() === 0, { timeout: 15_000, message: 'proxy connections closed' });
      await waitFor(() => total(resources(), KINDS) <= total(baseline, KINDS), {
        timeout: 5_000,
        message: `resources back to baseline ${JSON.stringify(baseline)} (now ${JSON.stringify(resources())})`,
      });
      expect(browser.openChannels()).toBe(0);
      // Nothing restarts later either.
      await sleep(1_500);
      expect(total(resources(), KINDS)).toBeLessThanOrEqual(total(baseline, KINDS));
      expect(env.proxy.openSockets()).toBe(0);
    } finally {
      env.proxy.noKeepAlive = false;
    }
  }, 45_000);
});
