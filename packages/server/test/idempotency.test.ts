// idempotencyKey: one notification per key per app, whether repeated in sequence or concurrently.
import { describe, expect, it } from 'vitest';
import type { ListResponse, TriggerResponse } from '@belfry/core/api';
import { databases, rid, useServer, type Res } from './harness';

describe.each(databases())('idempotency (%s)', (db) => {
  const h = useServer(db);
  const adminList = (userId: string, app = h.appA) =>
    h.secret<ListResponse>('GET', `/v1/users/${userId}/notifications?limit=100`, undefined, app);

  it('the same key twice creates one notification; the repeat is 200 replayed with the same ids', async () => {
    const [u1, u2] = [rid(), rid()];
    const req = { recipients: [u1, u2], title: 'Once', idempotencyKey: rid('idem') };
    const first = await h.trigger(req);
    expect(first.status, first.text).toBe(201);
    expect(first.body.replayed).toBe(false);
    expect(first.body.notifications).toHaveLength(2);
    const second = await h.trigger(req);
    expect(second.status, second.text).toBe(200);
    expect(second.body.replayed).toBe(true);
    expect(second.body.notifications).toEqual(first.body.notifications);
    expect(second.body.suppressed).toEqual(first.body.suppressed);
    for (const u of [u1, u2]) expect((await adminList(u)).body.items).toHaveLength(1);
    // a repeat with a different body is still the original result, and creates nothing
    const u3 = rid();
    const third = await h.trigger({ ...req, recipients: [u3], title: 'Changed' });
    expect(third.status, third.text).toBe(200);
    expect(third.body).toEqual({ ...first.body, replayed: true });
    expect((await adminList(u3)).body.items).toHaveLength(0);
  });

  it('10 concurrent requests with one key: exactly one 201, nine 200 replayed, one notification', async () => {
    const u = rid();
    const req = { recipients: [u], title: 'Race', idempotencyKey: rid('idem') };
    const all: Res<TriggerResponse>[] = await Promise.all(Array.from({ length: 10 }, () => h.trigger(req)));
    const statuses = all.map((r) => r.status).sort();
    expect(statuses, all.map((r) => r.text).join('\n')).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(all.map((r) => r.body.notifications[0]?.id));
    expect(ids.size).toBe(1);
    expect(all.filter((r) => r.body.replayed)).toHaveLength(9);
    expect((await adminList(u)).body.items).toHaveLength(1);
    const inbox = await (await h.user(u)).call<{ changes: unknown[] }>('GET', '/v1/inbox/changes?since=0');
    expect(inbox.body.changes).toHaveLength(1);
  });

  it('the key is scoped per app, and different keys are different notifications', async () => {
    const u = rid();
    const key = rid('idem');
    const a = await h.trigger({ recipients: [u], idempotencyKey: key });
    const b = await h.trigger({ recipients: [u], idempotencyKey: key }, h.appB);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.replayed).toBe(false);
    const c = await h.trigger({ recipients: [u], idempotencyKey: rid('idem') });
    expect(c.status).toBe(201);
    expect((await adminList(u)).body.items).toHaveLength(2);
    expect((await adminList(u, h.appB)).body.items).toHaveLength(1);
  });
});
