// Optimistic mutations: the store changes before the request leaves, items move between open views
// by the filter predicates, counts follow; a failure rolls back exactly that change (concurrent
// changes on other items stay) and emits 'error'. markSeen batches within a tick.
import { afterEach, describe, expect, it } from 'vitest';
import type { BelfryClient, BelfryErrorShape } from '../src/index.js';
import { makeClient, newUser, serverCounts, serverItems, triggerMany, useProxiedServer, waitFor } from './harness.js';

const env = useProxiedServer();
const clients: BelfryClient[] = [];
const offs: Array<() => void> = [];

afterEach(() => {
  offs.splice(0).forEach((off) => off());
  clients.splice(0).forEach((c) => c.destroy());
});

async function setup(n: number, categories?: string[]) {
  const user = newUser();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(...(await triggerMany(env.server.url, user, 1, categories?.[i % categories.length] ?? 'general')));
  const client = makeClient(env.proxy.url, user, { realtime: false });
  clients.push(client);
  const all = client.feed();
  const unread = client.feed({ read: false });
  const archived = client.feed({ archived: true });
  for (const r of [all, unread, archived, client.counts]) offs.push(r.subscribe(() => {}));
  await waitFor(() => all.getState().items.length === n && client.counts.getState().status === 'success', { message: 'loaded' });
  await waitFor(() => unread.getState().status === 'success' && archived.getState().status === 'success');
  return { user, ids, client, all, unread, archived };
}

const idsOf = (v: { getState(): { items: Array<{ id: string }> } }) => v.getState().items.map((n) => n.id);

describe('optimistic mutations', () => {
  it('change the store synchronously, move items between views and adjust counts', async () => {
    const { ids, client, all, unread, archived } = await setup(4, ['a', 'b']);
    const [i0, i1] = ids.slice().reverse(); // newest first
    const before = all.getState();
    const p1 = client.markRead(i0!);
    expect(idsOf(unread)).not.toContain(i0);
    expect(idsOf(all)).toContain(i0);
    expect(all.getState()).not.toBe(before);
    expect(client.counts.getState()).toMatchObject({ total: 4, unread: 3 });
    const p2 = client.archive(i1!);
    expect(idsOf(all)).not.toContain(i1);
    expect(idsOf(archived)).toEqual([i1]);
    expect(client.counts.getState()).toMatchObject({ total: 3, unread: 2 });
    await Promise.all([p1, p2]);
    const server4 = await serverCounts(env.server.url, clients[0]!.options.userId!);
    expect(server4).toMatchObject({ total: 3, unread: 2 });
    expect(client.counts.getState()).toMatchObject({ total: 3, unread: 2, unseen: server4.unseen });
    expect(client.counts.getState().categories).toEqual(server4.categories);
  });

  it('a failure rolls back exactly that change; concurrent changes on other items stay', async () => {
    const { user, ids, client, all, unread } = await setup(3);
    const errors: BelfryErrorShape[] = [];
    client.on('error', (e) => errors.push(e));
    const [a, b, c] = ids;
    // Slow the network so the mutations overlap; make only a's request fail (500 four times = retries exhausted).
    env.proxy.latencyMs = 100;
    env.proxy.inject({ match: new RegExp(`PATCH /v1/inbox/notifications/${a}`), status: 500, times: 10 });
    const pa = client.markRead(a!);
    const pb = client.markRead(b!);
    const pc = client.archive(c!);
    expect(idsOf(unread)).toEqual([]);
    expect(client.counts.getState()).toMatchObject({ unread: 0, total: 2 });
    await expect(pa).rejects.toMatchObject({ code: 'internal', status: 500 });
    await Promise.all([pb, pc]);
    env.proxy.latencyMs = 0;
    // a is unread again, b stays read, c stays archived.
    expect(client.notification(a!).getState()?.readAt).toBeNull();
    expect(client.notification(b!).getState()?.readAt).not.toBeNull();
    expect(idsOf(unread)).toEqual([a]);
    expect(idsOf(all)).toEqual([b, a]);
    expect(client.counts.getState()).toMatchObject({ unread: 1, total: 2 });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ name: 'BelfryError', code: 'internal', status: 500 });
    const truth = await serverItems(env.server.url, user);
    expect(truth.map((n) => [n.id, n.readAt !== null])).toEqual([[b, true], [a, false]]);
  }, 30_000);

  it('retries a 429 after its Retry-After, then succeeds', async () => {
    const { ids, client } = await setup(1);
    env.proxy.inject({ match: /PATCH \/v1\/inbox\/notifications\//, status: 429, retryAfter: 1, times: 1 });
    const start = Date.now();
    await client.markRead(ids[0]!);
    expect(Date.now() - start).toBeGreaterThanOrEqual(950);
    const patches = env.proxy.log.filter((l) => l.startsWith(`PATCH /v1/inbox/notifications/${ids[0]}`));
    expect(patches).toHaveLength(2);
  });

  it('markSeen calls within one tick go out as one bulk request', async () => {
    const { ids, client } = await setup(5);
    const logStart = env.proxy.log.length;
    const ps = ids.map((id) => client.markSeen(id));
    expect(client.counts.getState().unseen).toBe(0);
    await Promise.all(ps);
    const sent = env.proxy.log.slice(logStart).filter((l) => !l.startsWith('POST /v1/inbox/session'));
    expect(sent).toEqual(['POST /v1/inbox/notifications/bulk']);
    expect(await serverCounts(env.server.url, client.options.userId!)).toMatchObject({ unseen: 0 });
    expect(client.counts.getState().unseen).toBe(0);
  });

  it('markAllRead, archiveAllRead, unread/unarchive, remove and snooze keep views and counts consistent', async () => {
    const { user, ids, client, all, unread, archived } = await setup(4, ['x', 'y']);
    await client.markAllRead({ category: 'x' });
    expect(client.counts.getState().categories?.x?.unread ?? 0).toBe(0);
    expect(client.counts.getState().unread).toBe(2);
    const p = client.archiveAllRead();
    expect(idsOf(archived).sort()).toEqual(ids.filter((_, i) => i % 2 === 0).sort());
    await p;
    await client.unarchive(ids[0]!);
    await client.markUnread(ids[0]!);
    expect(idsOf(unread)).toContain(ids[0]);
    await client.remove(ids[1]!);
    expect(idsOf(all)).not.toContain(ids[1]);
    await client.snooze(ids[3]!, new Date(Date.now() + 3_600_000));
    expect(idsOf(all)).not.toContain(ids[3]);
    const truth = await serverItems(env.server.url, user);
    expect(idsOf(all)).toEqual(truth.filter((n) => !n.snoozedUntil).map((n) => n.id));
    const sc = await serverCounts(env.server.url, user);
    expect(client.counts.getState()).toMatchObject({ total: sc.total, unread: sc.unread, unseen: sc.unseen });
    await client.unsnooze(ids[3]!);
    expect(idsOf(all)).toContain(ids[3]);
  });
});
