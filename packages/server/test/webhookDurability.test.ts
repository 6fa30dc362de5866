// Durable, at-least-once delivery across crashes: the receiver is down, the server is SIGKILLed while
// deliveries wait in backoff, restarted on the same database, SIGKILLed again while attempts are in
// flight, restarted — and in the end every event was delivered, an idempotent receiver processed each
// event id exactly once, and nothing is reported delivered that the receiver did not answer 2xx to.
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventListResponse, MessageListResponse, WebhookDeliveryListResponse, WebhookSecretResponse } from '@belfry/core/api';
import { startChild, type Child } from './child';
import { call, databases, freshDatabase, rid } from './harness';
import { startReceiver, type Receiver } from './receiver';

const APP = { id: 'durable', secret: 'sk_test_durable' };
const TRIGGERS = 12;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

describe.each(databases())('webhook delivery survives SIGKILL (%s)', (kind) => {
  const children: Child[] = [];
  const receivers: Receiver[] = [];
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    for (const c of children) await c.kill9();
    for (const r of receivers) await r.close().catch(() => {});
    await drop?.();
  });

  it('delivers every event at least once, processes each exactly once, never reports an undelivered one', async () => {
    const db = await freshDatabase(kind);
    drop = db.drop;
    const options = {
      ...db.options,
      dev: true,
      seedApps: [{ ...APP, name: 'Durable' }],
      masterKey: 'durable-master-key',
      webhooks: { retry: { initialDelayMs: 300, factor: 1.2, jitter: 0.2, maxAttempts: 40 }, pollIntervalMs: 100, timeoutMs: 2000, leaseMs: 3000 },
    };
    const start = async () => {
      const c = await startChild(options);
      children.push(c);
      return c;
    };
    const api = <T>(c: Child, method: string, path: string, body?: unknown) => call<T>(c.url, method, path, { token: APP.secret, body });

    // The receiver's port is known, but nothing listens there yet: every attempt is a connection error.
    const port = await freePort();
    let server = await start();
    const hook = await api<WebhookSecretResponse>(server, 'POST', '/v1/webhooks', { url: `http://127.0.0.1:${port}/hook`, events: ['triggered', 'delivered'] });
    expect(hook.status, hook.text).toBe(201);
    const webhookId = hook.body.webhook.id;
    for (let i = 0; i < TRIGGERS; i++) expect((await api(server, 'POST', '/v1/notifications', { recipients: [rid()], category: 'general', title: `d${i}` })).status).toBe(201);
    const deliveries = async (c: Child) => {
      const all = [];
      let cursor: string | null = null;
      do {
        const page: WebhookDeliveryListResponse = (await api<WebhookDeliveryListResponse>(c, 'GET', `/v1/webhooks/${webhookId}/deliveries?limit=100${cursor ? `&cursor=${cursor}` : ''}`)).body;
        all.push(...page.deliveries);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    };
    // Every delivery failed at least once and waits in backoff: kill the server there.
    await expect.poll(async () => (await deliveries(server)).filter((d) => d.attempts >= 1).length, { timeout: 20_000, interval: 100 }).toBe(TRIGGERS * 2);
    await server.kill9();

    // An idempotent receiver: the first request for an event id is processed, repeats are acknowledged only.
    const receiver = await startReceiver(port);
    receivers.push(receiver);
    receiver.secrets.push(hook.body.secret);
    const processed = new Map<string, number>();
    receiver.respond = (r) => {
      if (!processed.has(r.id)) processed.set(r.id, 0);
      processed.set(r.id, processed.get(r.id)! + 1);
      return { status: 200, delayMs: 40 };
    };

    // Restart, and kill again while attempts are in flight.
    server = await start();
    await expect.poll(() => receiver.received.length, { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(5);
    await server.kill9();
    const beforeSecondRestart = new Set(receiver.received.filter((r) => r.status === 200).map((r) => r.id));

    server = await start();
    await expect.poll(async () => (await deliveries(server)).filter((d) => d.status === 'delivered').length, { timeout: 30_000, interval: 100 }).toBe(TRIGGERS * 2);

    // Every event of every message reached the receiver, verified; each was processed once however often it came.
    const messages = (await api<MessageListResponse>(server, 'GET', '/v1/messages?limit=100')).body.messages;
    expect(messages).toHaveLength(TRIGGERS);
    const eventIds: string[] = [];
    for (const m of messages) {
      const events = (await api<EventListResponse>(server, 'GET', `/v1/messages/${m.id}/events`)).body.events;
      eventIds.push(...events.filter((e) => e.type === 'triggered' || e.type === 'delivered').map((e) => e.id));
    }
    expect(eventIds).toHaveLength(TRIGGERS * 2);
    expect([...processed.keys()].sort()).toEqual([...eventIds].sort());
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    // Nothing is "delivered" without a 2xx the receiver actually sent.
    const acknowledged = new Set(receiver.received.filter((r) => r.status === 200).map((r) => r.id));
    for (const d of await deliveries(server)) {
      expect(acknowledged.has(d.eventId), `${d.eventId} reported delivered`).toBe(true);
      expect(d.attemptLog.at(-1)).toMatchObject({ outcome: 'delivered', statusCode: 200 });
    }
    expect(beforeSecondRestart.size).toBeGreaterThan(0);
  }, 180_000);
});
