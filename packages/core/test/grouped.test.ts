// Grouped feeds against the real server: one row per groupKey with exact counts, kept current by
// realtime (a new member moves its group to the top), group actions optimistic with exact rollback,
// the same rows in a second tab, and a group's members as an ordinary feed.
import { describe, expect, it } from 'vitest';
import { groupedFeed } from '../src/grouped.js';
import type { BelfryClient, GroupedFeedView, GroupRow } from '../src/index.js';
import { makeClient, newUser, serverCounts, trigger, useProxiedServer, waitFor } from './harness.js';
import { createMemoryBrowser } from './memoryEnv.js';

const env = useProxiedServer();

function open(client: BelfryClient) {
  const grouped = groupedFeed(client);
  env.cleanups.push(grouped.subscribe(() => {}), client.counts.subscribe(() => {}), () => client.destroy());
  return grouped;
}

const rows = (v: GroupedFeedView) => v.getState().groups.map((g) => [g.groupKey ?? g.latest.title, g.count, g.unreadCount]);
const row = (v: GroupedFeedView, key: string) => v.getState().groups.find((g) => g.groupKey === key) as GroupRow;

async function comments(user: string, key: string, names: string[]) {
  const ids: string[] = [];
  for (const name of names) {
    const res = await trigger(env.server.url, user, { category: 'comments', title: `${name} commented`, groupKey: key, actor: { id: name, name } });
    ids.push(res.notifications[0]!.id);
  }
  return ids;
}

describe('grouped feed', () => {
  it('one row per group with exact counts; a realtime member moves its group to the top', async () => {
    const user = newUser();
    await comments(user, 'post:1', ['Ada', 'Grace', 'Linus', 'Barbara', 'Ken']);
    await trigger(env.server.url, user, { title: 'solo' });
    const client = makeClient(env.proxy.url, user);
    const grouped = open(client);
    await waitFor(() => grouped.getState().status === 'success' && grouped.getState().groups.length === 2, { message: 'loaded' });
    expect(rows(grouped)).toEqual([
      ['solo', 1, 1],
      ['post:1', 5, 5],
    ]);
    expect(row(grouped, 'post:1')).toMatchObject({ key: 'g:post:1', actorCount: 5, actors: [{ name: 'Ken' }, { name: 'Barbara' }, { name: 'Linus' }] });
    await waitFor(() => client.counts.getState().unread === 6);
    await waitFor(() => client.connection.getState().status === 'online', { message: 'online' });
    const [late] = await comments(user, 'post:1', ['Edsger']);
    await waitFor(() => grouped.getState().groups[0]?.groupKey === 'post:1', { message: 'group moved to the top' });
    expect(rows(grouped)).toEqual([
      ['post:1', 6, 6],
      ['solo', 1, 1],
    ]);
    expect(row(grouped, 'post:1').latest.id).toBe(late);
    // a new group appears at the top, a new ungrouped notification as a group of one
    await comments(user, 'post:2', ['Ada']);
    await trigger(env.server.url, user, { title: 'solo 2' });
    await waitFor(() => grouped.getState().groups.length === 4, { message: 'new rows' });
    expect(rows(grouped).map((r) => r[0])).toEqual(['solo 2', 'post:2', 'post:1', 'solo']);
  });

  it('mark-group-read and archive-group are optimistic, exact for unloaded members, and roll back exactly', async () => {
    const user = newUser();
    await comments(user, 'g', ['A', 'B', 'C', 'D', 'E']);
    await comments(user, 'h', ['A', 'B']);
    const client = makeClient(env.proxy.url, user, { realtime: false });
    const grouped = open(client);
    await waitFor(() => grouped.getState().groups.length === 2 && client.counts.getState().status === 'success', { message: 'loaded' });
    env.proxy.latencyMs = 300;
    const done = client.markGroupRead(row(grouped, 'g'));
    // at once, before the request completes: the group's five are read, the badge drops by five
    expect(row(grouped, 'g').unreadCount).toBe(0);
    expect(client.counts.getState().unread).toBe(2);
    await done;
    env.proxy.latencyMs = 0;
    expect(row(grouped, 'g')).toMatchObject({ count: 5, unreadCount: 0 });
    expect((await serverCounts(env.server.url, user)).unread).toBe(2);

    // a refused archive-group comes back exactly, the other group untouched
    // a 4xx is not retried: one injected answer fails the action
    env.proxy.inject({ match: /POST \/v1\/inbox\/notifications\/bulk/, status: 409, code: 'conflict', times: 1 });
    const errors: string[] = [];
    client.on('error', (e) => errors.push(e.code));
    const failed = client.archiveGroup(row(grouped, 'h'));
    expect(rows(grouped)).toEqual([['g', 5, 0]]);
    expect(client.counts.getState()).toMatchObject({ total: 5, unread: 0 });
    await expect(failed).rejects.toBeTruthy();
    expect(rows(grouped)).toEqual([
      ['h', 2, 2],
      ['g', 5, 0],
    ]);
    expect(client.counts.getState()).toMatchObject({ total: 7, unread: 2 });
    expect(errors.length).toBeGreaterThan(0);
  });

  it('a group action in one tab shows in the other before its request completes; members are a feed of their own', async () => {
    const user = newUser();
    await comments(user, 'k', ['A', 'B', 'C']);
    const browser = createMemoryBrowser();
    const a = makeClient(env.proxy.url, user, { environment: browser.environment() });
    const b = makeClient(env.proxy.url, user, { environment: browser.environment() });
    const ga = open(a);
    const gb = open(b);
    await waitFor(() => ga.getState().groups.length === 1 && gb.getState().groups.length === 1, { message: 'both loaded' });
    const members = b.feed({ groupKey: 'k' });
    env.cleanups.push(members.subscribe(() => {}));
    await waitFor(() => members.getState().items.length === 3, { message: 'members' });
    env.proxy.latencyMs = 400;
    const done = a.markGroupRead(row(ga, 'k'));
    await waitFor(() => row(gb, 'k').unreadCount === 0, { timeout: 300, interval: 5, message: 'b sees it' });
    expect(members.getState().items.every((n) => n.readAt !== null)).toBe(true);
    await done;
    env.proxy.latencyMs = 0;
    await waitFor(() => b.counts.getState().unread === 0);
    expect(row(gb, 'k')).toMatchObject({ count: 3, unreadCount: 0 });
    // archiving one member from the members list shrinks the group everywhere once the server answers
    await b.archive(members.getState().items[0]!.id);
    await waitFor(() => row(ga, 'k')?.count === 2 && row(gb, 'k')?.count === 2, { message: 'group shrank' });
  });
});

describe('groupedFeed()', () => {
  it('caches a view per client and filter, and refuses what is not a client', async () => {
    const client = makeClient(env.server.url, newUser());
    env.cleanups.push(() => client.destroy());
    expect(groupedFeed(client)).toBe(groupedFeed(client, {}));
    expect(groupedFeed(client, { category: 'comments' })).not.toBe(groupedFeed(client));
    expect(() => groupedFeed({} as BelfryClient)).toThrow(/createBelfry/);
  });
});
