// The lifecycle on a real server and database: every trigger is a message, every step an event on
// the notification's timeline; messages list with filters and a keyset cursor; dedupe, throttle and
// retention.
import { describe, expect, it } from 'vitest';
import type { EventListResponse, LifecycleEvent, MessageDetail, MessageListResponse, PatchResponse } from '@belfry/core/api';
import { databases, rid, sleep, useServer } from './harness';

describe.each(databases())('lifecycle (%s)', (kind) => {
  const h = useServer(kind);
  const timeline = async (id: string) => {
    const res = await h.secret<EventListResponse>('GET', `/v1/notifications/${id}/events`);
    expect(res.status, res.text).toBe(200);
    return res.body.events;
  };

  it('a delivered notification reads triggered → delivered → seen → read → clicked → archived', async () => {
    const user = await h.user();
    const socket = await h.socket(user.token);
    const t = await h.trigger({ recipients: [user.id], actions: [{ id: 'open', label: 'Open' }] });
    expect(t.status, t.text).toBe(201);
    expect(t.body.messageId).toMatch(/^msg_/);
    const id = t.body.notifications[0]!.id;
    await expect.poll(() => socket.events.length).toBe(1);

    expect((await user.call('POST', '/v1/inbox/notifications/bulk', { ids: [id], seen: true })).status).toBe(200);
    expect((await user.call('PATCH', `/v1/inbox/notifications/${id}`, { read: true })).status).toBe(200);
    const clicked = await user.call<PatchResponse>('PATCH', `/v1/inbox/notifications/${id}`, { clicked: true, action: 'open' });
    expect(clicked.status, clicked.text).toBe(200);
    expect(clicked.body.notification.clickedAt).toEqual(expect.any(String));
    expect((await user.call('PATCH', `/v1/inbox/notifications/${id}`, { archived: true })).status).toBe(200);

    const events = await timeline(id);
    expect(events.map((e) => e.type)).toEqual(['triggered', 'delivered', 'seen', 'read', 'clicked', 'archived']);
    for (const e of events) expect(e).toMatchObject({ messageId: t.body.messageId, notificationId: id, userId: user.id });
    expect(events[1]).toMatchObject({ channel: 'in_app' });
    expect(events[4]!.detail).toEqual({ action: 'open' });
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort());
    // The live push is measured after commit: one socket was connected.
    await expect.poll(async () => (await timeline(id))[1]!.detail, { timeout: 5000 }).toEqual({ sockets: 1 });
    socket.close();
  });

  it('a suppressed recipient reads triggered → suppressed with its reason; the message records both outcomes', async () => {
    const out = await h.user();
    const inn = rid();
    expect((await out.call('PUT', '/v1/inbox/preferences', { categories: { general: { channels: { in_app: false } } } })).status).toBe(200);
    const t = await h.trigger({ recipients: [out.id, inn] });
    expect(t.body.suppressed).toEqual([{ userId: out.id, reason: 'opted_out' }]);
    const msg = await h.secret<MessageDetail>('GET', `/v1/messages/${t.body.messageId}`);
    expect(msg.status, msg.text).toBe(200);
    expect(msg.body).toMatchObject({ id: t.body.messageId, outcome: 'partial', recipientCount: 2, deliveredCount: 1, suppressedCount: 1, category: 'general' });
    const byUser = new Map(msg.body.recipients.map((r) => [r.userId, r]));
    expect(byUser.get(out.id)).toMatchObject({ outcome: 'suppressed', reason: 'opted_out', notificationId: null, channels: { in_app: { decision: 'suppress', reason: 'opted_out' } } });
    expect(byUser.get(inn)).toMatchObject({ outcome: 'delivered', reason: null, notificationId: t.body.notifications[0]!.id, channels: { in_app: { decision: 'deliver', reason: 'new_user' }, email: { decision: 'skip', reason: 'no_provider' } } });

    const events = await h.secret<EventListResponse>('GET', `/v1/messages/${t.body.messageId}/events?userId=${out.id}`);
    expect(events.body.events.map((e) => [e.type, e.reason ?? null])).toEqual([['triggered', null], ['suppressed', 'opted_out']]);
    const all = await h.secret<EventListResponse>('GET', `/v1/messages/${t.body.messageId}/events?limit=2`);
    expect(all.body.events).toHaveLength(2);
    const rest = await h.secret<EventListResponse>('GET', `/v1/messages/${t.body.messageId}/events?limit=2&cursor=${all.body.nextCursor}`);
    expect([...all.body.events, ...rest.body.events].map((e) => e.type).sort()).toEqual(['delivered', 'suppressed', 'triggered', 'triggered']);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('lists messages newest first with filters and a keyset cursor, per app only', async () => {
    const a = rid();
    const b = rid();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await h.trigger({ recipients: i % 2 ? [a] : [a, b], category: i < 3 ? 'billing' : 'social', title: `m${i}` })).body.messageId);
      await sleep(2); // distinct createdAt, so the from/to filters below have exact answers
    }
    const other = await h.trigger({ recipients: [a], title: 'other app' }, h.appB);
    const page = async (q: string) => {
      const res = await h.secret<MessageListResponse>('GET', `/v1/messages?${q}`);
      expect(res.status, res.text).toBe(200);
      return res.body;
    };
    const first = await page(`userId=${a}&limit=2`);
    expect(first.messages.map((m) => m.id)).toEqual([ids[4], ids[3]]);
    const second = await page(`userId=${a}&limit=2&cursor=${first.nextCursor}`);
    const third = await page(`userId=${a}&limit=2&cursor=${second.nextCursor}`);
    expect([...second.messages, ...third.messages].map((m) => m.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(third.nextCursor).toBeNull();
    expect((await page(`userId=${b}`)).messages.map((m) => m.id)).toEqual([ids[4], ids[2], ids[0]]);
    expect((await page(`userId=${a}&category=billing`)).messages.map((m) => m.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect((await page(`userId=${b}&outcome=suppressed`)).messages).toEqual([]);
    const from = (await h.secret<MessageDetail>('GET', `/v1/messages/${ids[3]}`)).body.createdAt;
    expect((await page(`userId=${a}&from=${from}`)).messages.map((m) => m.id)).toEqual([ids[4], ids[3]]);
    expect((await page(`userId=${a}&to=${from}`)).messages.map((m) => m.id)).toEqual([ids[2], ids[1], ids[0]]);
    // App B's message is invisible to app A, and the other way round.
    expect((await h.secret('GET', `/v1/messages/${other.body.messageId}`)).status).toBe(404);
    expect((await h.secret('GET', `/v1/messages/${ids[0]}`, undefined, h.appB)).status).toBe(404);
    const t = await h.trigger({ recipients: [a] });
    expect((await h.secret('GET', `/v1/notifications/${t.body.notifications[0]!.id}/events`, undefined, h.appB)).status).toBe(404);
  });

  it('dedupeKey suppresses a repeat inside its window as duplicate; the idempotencyKey still replays', async () => {
    const u = rid();
    const first = await h.trigger({ recipients: [u], dedupeKey: 'invoice-7', dedupeWindowSeconds: 60, idempotencyKey: `i-${u}` });
    expect(first.body.notifications).toHaveLength(1);
    const replay = await h.trigger({ recipients: [u], dedupeKey: 'invoice-7', dedupeWindowSeconds: 60, idempotencyKey: `i-${u}` });
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ replayed: true, messageId: first.body.messageId });
    const again = await h.trigger({ recipients: [u, rid()], dedupeKey: 'invoice-7', dedupeWindowSeconds: 60 });
    expect(again.status).toBe(201);
    expect(again.body.suppressed).toEqual([{ userId: u, reason: 'duplicate' }]);
    expect(again.body.notifications).toHaveLength(1);
    expect((await h.trigger({ recipients: [u], dedupeKey: 'invoice-8' })).body.notifications).toHaveLength(1);
    // Outside the window the key no longer matches: backdate the first delivery by two minutes.
    await h.exec(`update message_recipients set created_at = '2000-01-01T00:00:00.000Z' where message_id = '${first.body.messageId}'`);
    expect((await h.trigger({ recipients: [u], dedupeKey: 'invoice-7', dedupeWindowSeconds: 60 })).body.notifications).toHaveLength(1);
  });

  it('a category throttle suppresses a recipient past its limit as throttled', async () => {
    expect((await h.secret('PUT', '/v1/categories/digest', { throttle: { limit: 2, windowSeconds: 3600 } })).status).toBe(200);
    const u = rid();
    const v = rid();
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await h.trigger({ recipients: [u], category: 'digest' })).body);
    expect(results.map((r) => r.suppressed.map((s) => s.reason))).toEqual([[], [], ['throttled']]);
    expect((await h.trigger({ recipients: [v, u], category: 'digest' })).body.suppressed).toEqual([{ userId: u, reason: 'throttled' }]);
    const listed = await h.secret<{ categories: Array<{ key: string; throttle: unknown }> }>('GET', '/v1/categories');
    expect(listed.body.categories.find((c) => c.key === 'digest')?.throttle).toEqual({ limit: 2, windowSeconds: 3600 });
    expect((await h.secret('PUT', '/v1/categories/digest', { throttle: null })).status).toBe(200);
    expect((await h.trigger({ recipients: [u], category: 'digest' })).body.suppressed).toEqual([]);
  });

  it('records unread, unarchived, snoozed, unsnoozed (by the user and by the clock) and deleted', async () => {
    const user = await h.user();
    const [id] = (await h.notify(user.id, 1)) as [string];
    const patch = (body: unknown) => user.call('PATCH', `/v1/inbox/notifications/${id}`, body);
    await patch({ read: true });
    await patch({ read: false });
    await patch({ archived: true });
    await patch({ archived: false });
    await patch({ snoozedUntil: new Date(Date.now() + 60_000).toISOString() });
    await patch({ snoozedUntil: null });
    await patch({ snoozedUntil: new Date(Date.now() + 300).toISOString() });
    await expect.poll(async () => (await timeline(id)).at(-1)?.detail, { timeout: 5000 }).toEqual({ by: 'schedule' });
    await patch({ clicked: true });
    expect((await user.call('DELETE', `/v1/inbox/notifications/${id}`)).status).toBe(200);
    const events = await timeline(id);
    expect(events.map((e) => e.type)).toEqual(['triggered', 'delivered', 'read', 'unread', 'archived', 'unarchived', 'snoozed', 'unsnoozed', 'snoozed', 'unsnoozed', 'clicked', 'deleted']);
    expect(events.map((e) => e.detail?.by).filter(Boolean)).toEqual(['user', 'schedule', 'user']);
    expect((events.find((e) => e.type === 'clicked') as LifecycleEvent).detail).toBeUndefined();
  });

  it('an expired notification gets an expired event; an already-past expiresAt is suppressed as expired', async () => {
    const u = rid();
    const t = await h.trigger({ recipients: [u], expiresAt: new Date(Date.now() + 300).toISOString() });
    const id = t.body.notifications[0]!.id;
    await expect.poll(async () => (await timeline(id)).map((e) => e.type), { timeout: 5000 }).toEqual(['triggered', 'delivered', 'expired']);
    const late = await h.trigger({ recipients: [u], expiresAt: '2001-01-01T00:00:00.000Z' });
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ notifications: [], suppressed: [{ userId: u, reason: 'expired' }] });
  });

  it('prunes messages, events and webhook logs past the retention period', async () => {
    const u = rid();
    const old = await h.trigger({ recipients: [u] });
    const fresh = await h.trigger({ recipients: [u] });
    const past = new Date(Date.now() - 31 * 86_400_000).toISOString();
    await h.exec(`update messages set created_at = '${past}' where id = '${old.body.messageId}';
      update message_recipients set created_at = '${past}' where message_id = '${old.body.messageId}';
      update events set at = '${past}' where message_id = '${old.body.messageId}'`);
    await h.server.sweep();
    expect((await h.secret('GET', `/v1/messages/${old.body.messageId}`)).status).toBe(404);
    expect((await h.secret('GET', `/v1/messages/${fresh.body.messageId}`)).status).toBe(200);
    // The notification itself stays in the inbox; only its record is gone.
    expect(await timeline(old.body.notifications[0]!.id)).toEqual([]);
    expect((await timeline(fresh.body.notifications[0]!.id)).length).toBeGreaterThan(0);
  });

  it('a trigger records its request id (the caller’s X-Request-Id when sane) and source', async () => {
    const res = await h.call<{ messageId: string }>('POST', '/v1/notifications', {
      token: h.appA.secret,
      body: { recipients: [rid()], category: 'general', title: 'x' },
      headers: { 'x-request-id': 'checkout-42', 'user-agent': 'billing-service/2.1' },
    });
    expect(res.headers.get('x-request-id')).toBe('checkout-42');
    const msg = await h.secret<MessageDetail>('GET', `/v1/messages/${res.body.messageId}`);
    expect(msg.body).toMatchObject({ requestId: 'checkout-42', source: { type: 'api', userAgent: 'billing-service/2.1', ip: '127.0.0.1' } });
    const generated = await h.trigger({ recipients: [rid()] });
    expect(generated.headers.get('x-request-id')).toMatch(/^req_/);
  });
});
