// @belfry/node against a real server: every method, typed errors, retries that honour Retry-After and
// reuse the generated idempotencyKey (so a retried trigger never creates a second message),
// userKey/userToken accepted by the inbox session exchange, and webhook signature verification.
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { Belfry, BelfryError, isBelfryError } from '../src/index';
import { APP, useServer } from './server';

describe('@belfry/node', () => {
  const s = useServer();
  const client = (extra: Partial<ConstructorParameters<typeof Belfry>[0]> = {}) => new Belfry({ secretKey: APP.secret, appId: APP.id, baseUrl: s.url, ...extra });

  it('categories, users, trigger, preview, messages and timelines', async () => {
    const b = client();
    expect((await b.categories.upsert('comments', { label: 'Comments' })).category).toMatchObject({ key: 'comments', label: 'Comments' });
    expect((await b.categories.list()).categories.map((c) => c.key)).toContain('comments');
    expect((await b.users.upsert('alice', { name: 'Alice' })).user).toMatchObject({ id: 'alice', name: 'Alice' });
    const preview = await b.notifications.preview({ recipients: ['alice'], category: 'comments', title: 'Hi' });
    expect(preview.deliverCount).toBe(1);
    const sent = await b.notifications.trigger({ recipients: ['alice'], category: 'comments', title: 'Hi' });
    expect(sent.messageId).toMatch(/^msg_/);
    const message = await b.messages.get(sent.messageId);
    expect(message.idempotencyKey, 'a key is generated for every trigger').toMatch(/^[0-9a-f-]{36}$/);
    expect((await b.messages.list({ userId: 'alice' })).messages.map((m) => m.id)).toContain(sent.messageId);
    expect((await b.messages.events(sent.messageId)).events.map((e) => e.type)).toEqual(expect.arrayContaining(['triggered', 'delivered']));
    const id = sent.notifications[0]!.id;
    expect((await b.notifications.events(id)).events[0]!.notificationId).toBe(id);
    expect((await b.users.notifications('alice', { limit: 5 })).items.map((n) => n.id)).toContain(id);
    expect((await b.users.deleteNotification('alice', id)).counts.total).toBe(0);
  });

  it('a given idempotencyKey is kept: the second call replays the first', async () => {
    const b = client();
    const body = { recipients: ['bob'], category: 'general', title: 'Once', idempotencyKey: 'order-1-shipped' };
    const first = await b.notifications.trigger(body);
    const again = await b.notifications.trigger(body);
    expect(again).toMatchObject({ messageId: first.messageId, replayed: true });
  });

  it('a trigger whose answer was lost is retried with the same key and creates one message', async () => {
    let calls = 0;
    const losing: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (++calls === 1) throw new TypeError('fetch failed (connection reset)');
      return res;
    };
    const b = client({ fetch: losing });
    const sent = await b.notifications.trigger({ recipients: ['carol'], category: 'general', title: 'Retried' });
    expect(calls).toBe(2);
    expect(sent.replayed).toBe(true);
    const { messages } = await client().messages.list({ userId: 'carol' });
    expect(messages).toHaveLength(1);
  });

  it('errors are typed by code, with status and field', async () => {
    const b = client();
    const missing = await b.messages.get('msg_000000000000').catch((e: unknown) => e);
    expect(isBelfryError(missing, 'not_found')).toBe(true);
    expect((missing as BelfryError).status).toBe(404);
    const bad = await b.notifications.trigger({ recipients: ['x'], category: 'general', title: '' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(BelfryError);
    expect(bad).toMatchObject({ code: 'bad_request', status: 400, field: 'title' });
    const wrongKey = await client({ secretKey: 'sk_wrong' }).categories.list().catch((e: unknown) => e);
    expect(wrongKey).toMatchObject({ code: 'unauthorized', status: 401 });
    const down = await client({ baseUrl: 'http://127.0.0.1:9', maxRetries: 1 }).categories.list().catch((e: unknown) => e);
    expect(down).toMatchObject({ code: 'network_error', status: 0 });
  });

  it('userKey and userToken are accepted by POST /v1/inbox/session', async () => {
    const b = client();
    for (const proof of [{ userKey: b.userKey('dora') }, { userToken: await b.userToken('dora', 120) }]) {
      const res = await fetch(`${s.url}/v1/inbox/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ appId: APP.id, userId: 'dora', ...proof }) });
      expect(res.status, JSON.stringify(proof)).toBe(200);
      expect(await res.json()).toMatchObject({ userId: 'dora', appId: APP.id });
    }
    expect(() => new Belfry({ secretKey: APP.secret }).userToken('x')).toThrow(/appId/);
  });

  it('webhooks: create, list, get, update, rotate, deliveries, replay, delete; verify accepts signed and refuses altered deliveries', async () => {
    const b = client();
    const { webhook, secret } = await b.webhooks.create({ url: 'https://example.com/hook', events: ['*'] });
    expect(secret).toMatch(/^whsec_/);
    expect((await b.webhooks.list()).webhooks.map((w) => w.id)).toContain(webhook.id);
    expect((await b.webhooks.get(webhook.id)).webhook.url).toBe('https://example.com/hook');
    expect((await b.webhooks.update(webhook.id, { description: 'audit' })).webhook.description).toBe('audit');
    await b.notifications.trigger({ recipients: ['erin'], category: 'general', title: 'Hook' });
    const { deliveries } = await b.webhooks.deliveries(webhook.id, { limit: 10 });
    expect(deliveries.length).toBeGreaterThan(0);
    const replay = await b.webhooks.replay(webhook.id, deliveries[0]!.id);
    expect(replay.delivery.replayOf).toBe(deliveries[0]!.id);
    const rotated = await b.webhooks.rotateSecret(webhook.id, { graceSeconds: 0 });
    expect(rotated.secret).not.toBe(secret);

    const payload = JSON.stringify({ type: 'delivered', timestamp: new Date().toISOString(), data: { id: 'evt_1' } });
    const at = new Date();
    const signature = new StandardWebhook(rotated.secret).sign('evt_1', at, payload);
    const headers = { 'webhook-id': 'evt_1', 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature };
    expect(b.webhooks.verify(payload, headers, rotated.secret)).toMatchObject({ type: 'delivered' });
    expect(b.webhooks.verify(Buffer.from(payload), new Headers(headers), rotated.secret).type).toBe('delivered');
    expect(() => b.webhooks.verify(payload.replace('delivered', 'read'), headers, rotated.secret)).toThrow();
    expect(() => b.webhooks.verify(payload, headers, secret)).toThrow();
    expect(await b.webhooks.delete(webhook.id)).toEqual({ deleted: true });
  });
});

describe('@belfry/node retries', () => {
  const s = useServer({ rateLimit: { max: 2, timeWindowMs: 1000 } });

  it('waits out a 429 for as long as Retry-After says, then succeeds', async () => {
    const seen: Array<{ status: number; retryAfter: string | null }> = [];
    const recording: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      seen.push({ status: res.status, retryAfter: res.headers.get('retry-after') });
      return res;
    };
    const b = new Belfry({ secretKey: APP.secret, baseUrl: s.url, fetch: recording, maxRetries: 5 });
    for (let i = 0; i < 4; i++) expect((await b.categories.list()).categories).toEqual(expect.any(Array));
    const limited = seen.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0]!.retryAfter)).toBeGreaterThan(0);
    expect(seen.at(-1)!.status).toBe(200);
  });

  it('gives up after maxRetries with the last error', async () => {
    const b = new Belfry({ secretKey: APP.secret, baseUrl: s.url, maxRetries: 0 });
    const results = await Promise.all([1, 2, 3, 4].map(() => b.categories.list().then(() => 'ok', (e: unknown) => e)));
    expect(results.some((r) => isBelfryError(r, 'rate_limited'))).toBe(true);
  });
});
