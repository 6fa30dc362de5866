// Realtime: changes applied in seq order exactly once; a gap or a reconnect fetches /changes?since=.
// Changes are fed to a follower tab over the (in-memory) BroadcastChannel — the same path the
// leader's socket events take to other tabs — so the test controls order, gaps and replays; the
// reconnect test cuts the real socket through the fault proxy.
import { join } from 'node:path';
import { userKeyFor } from '@belfry/server';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Change, ChangesResponse, Counts } from '../src/api/types.js';
import type { BelfryClient, Notification } from '../src/index.js';
import { APP, makeClient, newUser, serverCounts, serverItems, sleep, trigger, useProxiedServer, waitFor } from './harness.js';
import { createMemoryBrowser } from './memoryEnv.js';

const env = useProxiedServer();

async function changesSince(user: string, since: number): Promise<ChangesResponse> {
  const { token } = (await fetch(`${env.server.url}/v1/inbox/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appId: APP.id, userId: user, userKey: userKeyFor(APP.secret, user) }),
  }).then((r) => r.json())) as { token: string };
  return (await fetch(`${env.server.url}/v1/inbox/changes?since=${since}`, { headers: { authorization: `Bearer ${token}` } }).then((r) =>
    r.json(),
  )) as ChangesResponse;
}

/** A client that stays a follower: the test holds the leader lock, and speaks on the channel as the leader. */
async function follower(user: string) {
  const browser = createMemoryBrowser();
  const name = `${env.proxy.url}|${APP.id}|${user}`;
  let releaseLock!: () => void;
  void browser.locks.request(`belfry-leader:${name}`, {}, () => new Promise<void>((r) => (releaseLock = r)));
  const channel = browser.channel(`belfry:${name}`);
  const client = makeClient(env.proxy.url, user, { environment: browser.environment() });
  const arrived: Notification[] = [];
  client.on('notification', (n) => arrived.push(n));
  const feed = client.feed();
  const offs = [feed.subscribe(() => {}), client.counts.subscribe(() => {})];
  env.cleanups.push(() => {
    offs.forEach((o) => o());
    client.destroy();
    channel.close();
    releaseLock();
  });
  await waitFor(() => feed.getState().status === 'success', { message: 'first page' });
  const send = (change: Change, counts?: Counts) => channel.postMessage({ type: 'change', event: counts ? { change, counts } : { change }, from: 'leader' });
  return { client, feed, arrived, send };
}

const changesRequests = () => env.proxy.log.filter((l) => l.startsWith('GET /v1/inbox/changes'));

describe('realtime seq stream', () => {
  it('applies events in seq order, ignores replays, and a gap triggers /changes catch-up', async () => {
    const user = newUser();
    const { client, feed, arrived, send } = await follower(user);
    expect(client.connection.getState()).toMatchObject({ leader: false, seq: 0 });
    for (let i = 0; i < 5; i++) await trigger(env.server.url, user, { title: `t${i}` });
    const { changes, counts } = await changesSince(user, 0);
    expect(changes.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5]);
    const before = changesRequests().length;

    // In order: applied one by one, no HTTP.
    for (const c of changes.slice(0, 3)) send(c);
    await waitFor(() => client.connection.getState().seq === 3, { message: 'seq 3' });
    expect(feed.getState().items.map((n) => n.title)).toEqual(['t2', 't1', 't0']);
    expect(arrived.map((n) => n.title)).toEqual(['t0', 't1', 't2']);
    expect(changesRequests().length).toBe(before);

    // Replays of what was applied change nothing (same state object, no events).
    const snapshot = feed.getState();
    for (const c of [...changes.slice(0, 3), changes[1]!, changes[0]!]) send(c);
    await sleep(50);
    expect(feed.getState()).toBe(snapshot);
    expect(arrived).toHaveLength(3);

    // A gap (5 without 4): catch up from 3.
    send(changes[4]!, counts);
    await waitFor(() => client.connection.getState().seq === 5, { message: 'seq 5' });
    expect(changesRequests().slice(before)).toEqual(['GET /v1/inbox/changes?since=3&limit=500']);
    expect(feed.getState().items.map((n) => n.title)).toEqual(['t4', 't3', 't2', 't1', 't0']);
    expect(arrived.map((n) => n.title)).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(client.counts.getState()).toMatchObject({ total: 5, unread: 5 });

    // Late duplicates of the gap's events are dropped.
    send(changes[3]!);
    send(changes[4]!, counts);
    await sleep(50);
    expect(feed.getState().items).toHaveLength(5);
    expect(arrived).toHaveLength(5);
  });

  it('updated / deleted / bulk changes out of order end in the server state, applied in seq order', async () => {
    const user = newUser();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await trigger(env.server.url, user, { title: `t${i}` })).notifications[0]!.id);
    const { client, feed, send } = await follower(user);
    const startSeq = client.connection.getState().seq;
    expect(startSeq).toBe(3);
    // Another device changes things: read one, bulk-archive one, delete one.
    const other = makeClient(env.server.url, user, { realtime: false });
    await other.markRead(ids[0]!);
    await other.archive([ids[1]!, ids[0]!]);
    await other.remove(ids[2]!);
    other.destroy();
    const { changes, counts } = await changesSince(user, startSeq);
    expect(changes.map((c) => c.type)).toEqual(['updated', 'bulk', 'deleted']);
    // Delivered in reverse: the first one that arrives is ahead of seq 4 → catch-up applies 4, 5, 6 in order.
    send(changes[2]!, counts);
    send(changes[1]!);
    send(changes[0]!);
    await waitFor(() => client.connection.getState().seq === 6, { message: 'seq 6' });
    await sleep(50);
    expect(feed.getState().items).toEqual([]);
    const archived = client.feed({ archived: true });
    env.cleanups.push(archived.subscribe(() => {}));
    await waitFor(() => archived.getState().status === 'success');
    const truth = await serverItems(env.server.url, user, 'archived=true');
    expect(archived.getState().items.map((n) => n.id)).toEqual(truth.map((n) => n.id));
    expect(client.counts.getState()).toMatchObject({ total: 0, unread: 0 });
  });
});

describe('realtime socket', () => {
  let client: BelfryClient;
  it('counts read before the first connect catch up with what arrived before the socket did', async () => {
    const user = newUser();
    env.proxy.holdUpgrades = true;
    env.cleanups.push(() => void (env.proxy.holdUpgrades = false));
    const c = makeClient(env.proxy.url, user);
    const arrived: string[] = [];
    c.on('notification', (n) => arrived.push(n.title));
    env.cleanups.push(() => c.destroy());
    env.cleanups.push(c.counts.subscribe(() => {}));
    await waitFor(() => c.counts.getState().status === 'success', { message: 'counts loaded' });
    expect(c.counts.getState().unread).toBe(0);
    // Created after the counts were read and before the socket exists: no event will ever carry it.
    await trigger(env.server.url, user, { title: 'between' });
    env.proxy.holdUpgrades = false;
    await waitFor(() => c.connection.getState().status === 'online', { message: 'online' });
    await waitFor(() => c.counts.getState().unread === 1, { message: 'unread 1 after the first connect' });
    // It arrived after what the page had read, so it is announced like any live notification.
    expect(arrived).toEqual(['between']);
    expect(c.counts.getState()).toMatchObject(await serverCounts(env.server.url, user).then((s) => ({ unread: s.unread, total: s.total })));
  });

  it('starts on the first subscriber, stops after the last', async () => {
    const user = newUser();
    client = makeClient(env.proxy.url, user);
    env.cleanups.push(() => client.destroy());
    const upgrades = env.proxy.upgrades;
    await sleep(100);
    expect(env.proxy.upgrades).toBe(upgrades);
    const off = client.counts.subscribe(() => {});
    await waitFor(() => client.connection.getState().status === 'online', { message: 'online' });
    expect(env.proxy.upgrades).toBe(upgrades + 1);
    off();
    await waitFor(() => client.connection.getState().status === 'idle' || client.connection.getState().status === 'offline');
    await sleep(200);
    expect(client.connection.getState().leader).toBe(false);
  });

  it('after a dropped connection it reconnects and catches up with /changes?since=', async () => {
    const user = newUser();
    client = makeClient(env.proxy.url, user);
    env.cleanups.push(() => client.destroy());
    const feed = client.feed();
    const arrived: string[] = [];
    client.on('notification', (n) => arrived.push(n.id));
    env.cleanups.push(feed.subscribe(() => {}));
    await waitFor(() => client.connection.getState().status === 'online' && feed.getState().status === 'success');
    const first = (await trigger(env.server.url, user, { title: 'before' })).notifications[0]!.id;
    await waitFor(() => feed.getState().items.length === 1);
    const before = changesRequests().length;
    // The network goes away; notifications are created meanwhile.
    env.proxy.down = true;
    env.proxy.cutAll();
    await waitFor(() => client.connection.getState().status === 'offline', { message: 'offline' });
    const missed: string[] = [];
    for (let i = 0; i < 3; i++) missed.push((await trigger(env.server.url, user, { title: `missed${i}` })).notifications[0]!.id);
    env.proxy.down = false;
    await waitFor(() => feed.getState().items.length === 4, { message: 'caught up', timeout: 15_000 });
    expect(changesRequests().length).toBeGreaterThan(before);
    expect(feed.getState().items.map((n) => n.id)).toEqual([...missed].reverse().concat(first));
    expect(arrived).toEqual([first, ...missed]);
  }, 30_000);

  it('410 seq_expired (history pruned while away) refetches every view and resumes live', async () => {
    const user = newUser();
    client = makeClient(env.proxy.url, user);
    env.cleanups.push(() => client.destroy());
    const feed = client.feed();
    const unread = client.feed({ read: false });
    env.cleanups.push(feed.subscribe(() => {}), unread.subscribe(() => {}), client.counts.subscribe(() => {}));
    await trigger(env.server.url, user, { title: 'a' });
    await waitFor(() => client.connection.getState().status === 'online' && feed.getState().items.length === 1);
    env.proxy.down = true;
    env.proxy.cutAll();
    await waitFor(() => client.connection.getState().status === 'offline');
    await trigger(env.server.url, user, { title: 'b' });
    await trigger(env.server.url, user, { title: 'c' });
    // The server's retention drops the history the client would need.
    const db = new Database(join(env.server.dir, 'belfry.db'));
    db.prepare('UPDATE users SET pruned_seq = seq WHERE app_id = ? AND id = ?').run(APP.id, user);
    db.close();
    const before = env.proxy.responses.length;
    env.proxy.down = false;
    // The reconnect's catch-up is refused with 410; after it every view is fetched again.
    const gone = await waitFor(() => {
      const i = env.proxy.responses.findIndex((l, j) => j >= before && l.startsWith('GET /v1/inbox/changes') && l.endsWith(' 410'));
      return i >= 0 ? i + 1 : null;
    }, { message: '410 from /changes', timeout: 15_000 });
    await waitFor(() => env.proxy.responses.slice(gone).some((l) => l.startsWith('GET /v1/inbox/notifications') && l.endsWith(' 200')), { message: 'views refetched after the 410' });
    await waitFor(() => feed.getState().items.length === 3 && unread.getState().items.length === 3, { message: 'refetched', timeout: 15_000 });
    expect(feed.getState().items.map((n) => n.title)).toEqual(['c', 'b', 'a']);
    await waitFor(() => client.counts.getState().total === 3);
    const d = (await trigger(env.server.url, user, { title: 'd' })).notifications[0]!.id;
    await waitFor(() => feed.getState().items[0]?.id === d, { message: 'live after reset' });
    expect(client.counts.getState()).toMatchObject({ total: 4, unread: 4 });
  }, 30_000);
});
