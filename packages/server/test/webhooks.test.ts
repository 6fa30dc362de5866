// Webhooks against real receivers on loopback, signatures verified with the `standardwebhooks`
// package: CRUD, retries (5xx, 408, 429 + Retry-After, timeouts), permanent failures, redirects not
// followed, replay, secret rotation, disable/enable, event filters. The retry schedule is compressed.
import { afterEach, describe, expect, it } from 'vitest';
import type { EventListResponse, Webhook, WebhookDelivery, WebhookDeliveryListResponse, WebhookSecretResponse } from '@belfry/core/api';
import { databases, rid, useServer } from './harness';
import { startReceiver, type Receiver } from './receiver';

const RETRY = { initialDelayMs: 40, factor: 2, jitter: 0, maxAttempts: 4 };

describe.each(databases())('webhooks (%s)', (kind) => {
  const h = useServer(kind, { dev: true, webhooks: { retry: RETRY, pollIntervalMs: 50, timeoutMs: 800 } });
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0)) await f();
  });

  async function endpoint(events: string[], receiver?: Receiver, path = '/hook'): Promise<{ receiver: Receiver; webhook: Webhook; secret: string }> {
    const r = receiver ?? (await startReceiver());
    const res = await h.secret<WebhookSecretResponse>('POST', '/v1/webhooks', { url: `${r.url}${path}`, events, description: 'test receiver' });
    expect(res.status, res.text).toBe(201);
    r.secrets.push(res.body.secret);
    cleanup.push(() => h.secret('DELETE', `/v1/webhooks/${res.body.webhook.id}`), () => r.close());
    return { receiver: r, webhook: res.body.webhook, secret: res.body.secret };
  }

  const deliveries = async (webhookId: string, q = '') =>
    (await h.secret<WebhookDeliveryListResponse>('GET', `/v1/webhooks/${webhookId}/deliveries?limit=100${q}`)).body.deliveries;
  const settled = (webhookId: string, n = 1) =>
    expect
      .poll(async () => (await deliveries(webhookId)).filter((d) => d.status !== 'pending').length, { timeout: 15_000, interval: 50 })
      .toBeGreaterThanOrEqual(n);

  it('creates, lists, updates and deletes endpoints; the secret is shown once; other apps see nothing', async () => {
    const { webhook, secret } = await endpoint(['delivered', 'read']);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    expect(webhook).toMatchObject({ id: expect.stringMatching(/^wh_/), events: ['delivered', 'read'], enabled: true, description: 'test receiver', previousSecretExpiresAt: null });
    const listed = await h.secret<{ webhooks: Webhook[] }>('GET', '/v1/webhooks');
    expect(listed.body.webhooks.map((w) => w.id)).toContain(webhook.id);
    expect(listed.text).not.toContain(secret.slice(6));
    const patched = await h.secret<{ webhook: Webhook }>('PATCH', `/v1/webhooks/${webhook.id}`, { events: ['*'], description: null, enabled: false });
    expect(patched.body.webhook).toMatchObject({ events: ['*'], description: null, enabled: false });
    expect((await h.secret<{ webhook: Webhook }>('GET', `/v1/webhooks/${webhook.id}`)).body.webhook.enabled).toBe(false);
    expect((await h.secret('GET', `/v1/webhooks/${webhook.id}`, undefined, h.appB)).status).toBe(404);
    expect((await h.secret('PATCH', `/v1/webhooks/${webhook.id}`, { enabled: true }, h.appB)).status).toBe(404);
    expect((await h.secret('DELETE', `/v1/webhooks/${webhook.id}`)).status).toBe(200);
    expect((await h.secret('GET', `/v1/webhooks/${webhook.id}`)).status).toBe(404);
  });

  it('receiver answers 500, 500, 200: delivered on attempt 3, two failures logged, every request verified', async () => {
    const { receiver, webhook } = await endpoint(['triggered']);
    receiver.respond = (_r, n) => (n < 3 ? { status: 500, body: 'boom' } : { status: 200 });
    const t = await h.trigger({ recipients: [rid()] });
    await settled(webhook.id);
    const [d] = (await deliveries(webhook.id)) as [WebhookDelivery];
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, eventType: 'triggered', nextAttemptAt: null, finishedAt: expect.any(String) });
    expect(d.attemptLog.map((a) => [a.attempt, a.statusCode, a.outcome])).toEqual([
      [1, 500, 'retry'],
      [2, 500, 'retry'],
      [3, 200, 'delivered'],
    ]);
    expect(d.attemptLog[0]!.error).toBe('HTTP 500: boom');
    for (const a of d.attemptLog) expect(a.durationMs).toBeGreaterThanOrEqual(0);
    expect(receiver.received.map((r) => [r.verified, r.id])).toEqual([
      [true, d.eventId],
      [true, d.eventId],
      [true, d.eventId],
    ]);
    const body = receiver.received[2]!.payload;
    expect(body).toMatchObject({ type: 'triggered', data: { id: d.eventId, type: 'triggered', messageId: t.body.messageId } });
    // The attempts are on the notification's timeline too.
    const timeline = await h.secret<EventListResponse>('GET', `/v1/notifications/${t.body.notifications[0]!.id}/events`);
    const hookEvents = timeline.body.events.filter((e) => e.type.startsWith('webhook.'));
    expect(hookEvents.map((e) => [e.type, e.detail?.attempt, e.detail?.statusCode])).toEqual([
      ['webhook.attempted', 1, 500],
      ['webhook.attempted', 2, 500],
      ['webhook.delivered', 3, 200],
    ]);
  });

  it('retries 408 and 429, honouring Retry-After, and a timeout; gives up after maxAttempts with webhook.failed', async () => {
    const { receiver, webhook } = await endpoint(['triggered']);
    const script: Array<{ status: number; headers?: Record<string, string>; delayMs?: number }> = [
      { status: 408 },
      { status: 429, headers: { 'retry-after': '1' } },
      { status: 200, delayMs: 1500 }, // past the 800 ms deadline: a timeout
      { status: 503 },
    ];
    receiver.respond = (_r, n) => script[n - 1] ?? { status: 200 };
    await h.trigger({ recipients: [rid()] });
    await settled(webhook.id);
    const [d] = (await deliveries(webhook.id)) as [WebhookDelivery];
    expect(d.status).toBe('failed');
    expect(d.attemptLog.map((a) => [a.statusCode, a.outcome])).toEqual([
      [408, 'retry'],
      [429, 'retry'],
      [null, 'retry'],
      [503, 'failed'],
    ]);
    expect(d.attemptLog[2]!.error).toMatch(/timed out after 800 ms/);
    const gap = Date.parse(d.attemptLog[2]!.at) - Date.parse(d.attemptLog[1]!.at);
    expect(gap, 'Retry-After: 1 was honoured').toBeGreaterThanOrEqual(950);
    const events = await h.secret<EventListResponse>('GET', `/v1/messages/${(await h.secret<{ messages: Array<{ id: string }> }>('GET', '/v1/messages?limit=1')).body.messages[0]!.id}/events`);
    expect(events.body.events.at(-1)).toMatchObject({ type: 'webhook.failed', detail: { attempt: 4, maxAttempts: 4, statusCode: 503, nextAttemptAt: null } });
  });

  it('a 4xx fails at once and a redirect is not followed; both replay as new deliveries with the same webhook-id', async () => {
    const { receiver, webhook } = await endpoint(['triggered']);
    receiver.respond = (r, n) => {
      if (n > 1) return { status: 204 };
      return r.payload.data.userId.startsWith('redir') ? { status: 302, headers: { location: `${receiver.url}/elsewhere` } } : { status: 400, body: 'no thanks' };
    };
    await h.trigger({ recipients: [rid('bad')] });
    await h.trigger({ recipients: [rid('redir')] });
    await settled(webhook.id, 2);
    const list = await deliveries(webhook.id);
    expect(list.map((d) => [d.status, d.attempts])).toEqual([
      ['failed', 1],
      ['failed', 1],
    ]);
    const errors = list.map((d) => d.attemptLog[0]!.error);
    expect(errors).toEqual(expect.arrayContaining(['HTTP 400: no thanks', expect.stringMatching(/^redirects are not followed/)]));
    // Two requests in all: the Location was never fetched.
    expect(receiver.received.map((r) => r.id)).toHaveLength(2);

    const replayed = await h.secret<{ delivery: WebhookDelivery }>('POST', `/v1/webhooks/${webhook.id}/deliveries/${list[0]!.id}/replay`);
    expect(replayed.status, replayed.text).toBe(202);
    expect(replayed.body.delivery).toMatchObject({ status: 'pending', replayOf: list[0]!.id, eventId: list[0]!.eventId, attempts: 0 });
    await expect.poll(async () => (await deliveries(webhook.id)).find((d) => d.id === replayed.body.delivery.id)?.status, { timeout: 10_000 }).toBe('delivered');
    expect(receiver.received.filter((r) => r.id === list[0]!.eventId).map((r) => r.status)).toEqual([expect.any(Number), 204]);
    expect(receiver.received.at(-1)!.body).toBe(receiver.received.find((r) => r.id === list[0]!.eventId)!.body);
    expect((await h.secret('POST', `/v1/webhooks/${webhook.id}/deliveries/whd_nope/replay`)).status).toBe(404);
  });

  it('a rotated secret signs alongside the old one during its grace period, then alone', async () => {
    const { receiver, webhook, secret: old } = await endpoint(['triggered']);
    const rotated = await h.secret<WebhookSecretResponse>('POST', `/v1/webhooks/${webhook.id}/rotate-secret`, { graceSeconds: 3600 });
    expect(rotated.status, rotated.text).toBe(200);
    expect(rotated.body.secret).not.toBe(old);
    expect(rotated.body.webhook.previousSecretExpiresAt).toEqual(expect.any(String));
    receiver.secrets = [rotated.body.secret];
    await h.trigger({ recipients: [rid()] });
    await settled(webhook.id, 1);
    receiver.secrets = [old];
    await h.trigger({ recipients: [rid()] });
    await settled(webhook.id, 2);
    expect(receiver.received.map((r) => r.verified)).toEqual([true, true]);
    expect(receiver.received[0]!.signature.split(' ')).toHaveLength(2);

    const immediate = await h.secret<WebhookSecretResponse>('POST', `/v1/webhooks/${webhook.id}/rotate-secret`, { graceSeconds: 0 });
    expect(immediate.body.webhook.previousSecretExpiresAt).toBeNull();
    receiver.secrets = [rotated.body.secret]; // the secret before this rotation: no longer valid
    await h.trigger({ recipients: [rid()] });
    await settled(webhook.id, 3);
    expect(receiver.received[2]!.verified).toBe(false);
    expect(receiver.received[2]!.signature.split(' ')).toHaveLength(1);
    // The receiver refused it (401): replayed once the receiver knows the new secret, it verifies.
    receiver.secrets = [immediate.body.secret];
    const refused = (await deliveries(webhook.id, '&status=failed'))[0]!;
    expect((await h.secret('POST', `/v1/webhooks/${webhook.id}/deliveries/${refused.id}/replay`)).status).toBe(202);
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(4);
    expect(receiver.received[3]).toMatchObject({ verified: true, id: refused.eventId, status: 200 });
  });

  it('a disabled endpoint gets no new events; its pending deliveries wait and resume when enabled; filters pick types', async () => {
    const { receiver, webhook } = await endpoint(['read']);
    receiver.respond = (_r, n) => (n === 1 ? { status: 503, headers: { 'retry-after': '1' } } : { status: 200 });
    const user = await h.user();
    const [id, other] = (await h.notify(user.id, 2)) as [string, string];
    await user.call('PATCH', `/v1/inbox/notifications/${id}`, { read: true, seen: true });
    await expect.poll(() => receiver.received.length, { timeout: 5000 }).toBe(1);
    expect((await h.secret('PATCH', `/v1/webhooks/${webhook.id}`, { enabled: false })).status).toBe(200);
    await user.call('PATCH', `/v1/inbox/notifications/${other}`, { read: true });
    await new Promise((r) => setTimeout(r, 1500)); // past the Retry-After: still nothing while disabled
    expect(receiver.received).toHaveLength(1);
    expect((await deliveries(webhook.id)).map((d) => [d.eventType, d.status, d.attempts])).toEqual([['read', 'pending', 1]]);
    expect((await h.secret('PATCH', `/v1/webhooks/${webhook.id}`, { enabled: true })).status).toBe(200);
    await settled(webhook.id);
    expect(receiver.received.map((r) => [r.payload.type, r.status])).toEqual([
      ['read', 503],
      ['read', 200],
    ]);
    expect(receiver.received[1]!.payload.data).toMatchObject({ type: 'read', notificationId: id, userId: user.id, channel: 'in_app' });
  });

  it('webhook.* events reach endpoints that name them, never the endpoint they are about, and never about another webhook.* event', async () => {
    const failing = await endpoint(['triggered']);
    failing.receiver.respond = () => ({ status: 410 });
    const watcher = await endpoint(['webhook.failed']);
    watcher.receiver.respond = () => ({ status: 400 }); // the watcher fails too: that must not loop back
    await h.trigger({ recipients: [rid()] });
    await settled(failing.webhook.id);
    await settled(watcher.webhook.id);
    await new Promise((r) => setTimeout(r, 500));
    const got = watcher.receiver.received.map((r) => [r.payload.type, r.payload.data.detail?.webhookId]);
    expect(got).toEqual([['webhook.failed', failing.webhook.id]]);
    expect(failing.receiver.received.map((r) => r.payload.type)).toEqual(['triggered']);
    expect(await deliveries(watcher.webhook.id)).toHaveLength(1);
  });
});
