// The documented limits are limits, not off-by-one refusals: values exactly at each bound are accepted
// and stored intact (title 200, body 5000, ids 128, 1000 recipients, data just under 16 KB).
import { describe, expect, it } from 'vitest';
import type { ListResponse } from '@belfry/core/api';
import { databases, rid, useServer } from './harness';

describe.each(databases())('limits (%s)', (db) => {
  const h = useServer(db);

  it('title 200, body 5000, 128-char user id, ~15 KB data and unicode round-trip exactly', async () => {
    const userId = `u${'x'.repeat(127)}`;
    const title = `${'é'.repeat(198)}🔔`; // 200 UTF-16 code units
    const body = 'b'.repeat(5000);
    const data = { blob: 'd'.repeat(15 * 1024), nested: { ok: true, n: [1, 2, 3] } };
    const res = await h.trigger({ recipients: [userId], title, body, data, idempotencyKey: 'k'.repeat(128) });
    expect(res.status, res.text.slice(0, 300)).toBe(201);
    const upsert = await h.secret('PUT', `/v1/users/${userId}`, { name: 'Max' });
    expect(upsert.status, upsert.text).toBe(200);
    const u = await h.user(userId);
    const list = await u.call<ListResponse>('GET', '/v1/inbox/notifications');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ userId, title, body, data });
    const id = list.body.items[0]!.id;
    expect((await u.call('PATCH', `/v1/inbox/notifications/${id}`, { read: true })).status).toBe(200);
  });

  it('1000 recipients in one trigger each get one notification', async () => {
    const prefix = rid('r');
    const recipients = Array.from({ length: 1000 }, (_, i) => `${prefix}_${i}`);
    const res = await h.trigger({ recipients, title: 'Everyone' });
    expect(res.status, res.text.slice(0, 300)).toBe(201);
    expect(res.body.notifications).toHaveLength(1000);
    expect(new Set(res.body.notifications.map((n) => n.userId))).toEqual(new Set(recipients));
    expect(new Set(res.body.notifications.map((n) => n.id)).size).toBe(1000);
    const last = await h.secret<ListResponse>('GET', `/v1/users/${recipients[999]}/notifications`);
    expect(last.body.items.map((n) => n.title)).toEqual(['Everyone']);
  });
});
