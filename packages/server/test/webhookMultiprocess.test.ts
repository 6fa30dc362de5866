// Two server processes dispatching one PostgreSQL outbox: over 500 events (some retried after a 503),
// no webhook-id is ever being sent by both at once, each event arrives exactly as often as the receiver
// made it (once, or twice when its first answer was a 503), and every delivery ends delivered.
import { afterAll, describe, expect, it } from 'vitest';
import type { WebhookDeliveryListResponse, WebhookSecretResponse } from '@belfry/core/api';
import { createBelfryServer } from '../src/index';
import { startChild, type Child } from './child';
import { call, databases, freshDatabase, rid } from './harness';
import { startReceiver, type Receiver } from './receiver';

const APP = { id: 'multi', secret: 'sk_test_multi' };
const EVENTS = 500;

describe.skipIf(!databases().includes('postgres'))('two processes on one PostgreSQL outbox', () => {
  const children: Child[] = [];
  let receiver: Receiver | undefined;
  let drop: (() => Promise<void>) | undefined;
  let closeQueue: (() => Promise<void>) | undefined;
  afterAll(async () => {
    for (const c of children) await c.stop();
    await closeQueue?.();
    await receiver?.close();
    await drop?.();
  });

  it(`sends no attempt twice at once over ${EVENTS} events`, async () => {
    const db = await freshDatabase('postgres');
    drop = db.drop;
    // A server in this process only queues (it takes the triggers); two child processes dispatch.
    const base = {
      ...db.options,
      dev: true,
      allowedOrigins: ['*'],
      seedApps: [{ ...APP, name: 'Multi' }],
      masterKey: 'multi-master-key',
      webhooks: { retry: { initialDelayMs: 30, factor: 1, jitter: 0.5, maxAttempts: 5 }, pollIntervalMs: 20, concurrency: 8 },
    };
    const a = await createBelfryServer({ ...base, port: 0, rateLimit: false, webhooks: { ...base.webhooks, dispatch: false } });
    closeQueue = () => a.close();
    receiver = await startReceiver();
    const api = <T>(method: string, path: string, body?: unknown) => call<T>(a.url, method, path, { token: APP.secret, body });
    const hook = await api<WebhookSecretResponse>('POST', '/v1/webhooks', { url: `${receiver.url}/hook`, events: ['triggered'] });
    expect(hook.status, hook.text).toBe(201);
    receiver.secrets.push(hook.body.secret);
    // One in five events is refused once (503): its retry may be claimed by either process.
    const flaky = (id: string) => id.charCodeAt(id.length - 1) % 5 === 0;
    receiver.respond = (r, n) => (flaky(r.id) && n === 1 ? { status: 503, delayMs: 5 } : { status: 200, delayMs: Math.floor(Math.random() * 15) });

    for (let i = 0; i < EVENTS / 100; i++) {
      const res = await api('POST', '/v1/notifications', { recipients: Array.from({ length: 100 }, () => rid()), category: 'general', title: `batch ${i}` });
      expect(res.status, res.text).toBe(201);
    }
    children.push(...(await Promise.all([startChild(base), startChild(base)])));

    const delivered = async () => {
      let n = 0;
      let cursor: string | null = null;
      do {
        const page: WebhookDeliveryListResponse = (await api<WebhookDeliveryListResponse>('GET', `/v1/webhooks/${hook.body.webhook.id}/deliveries?limit=100&status=delivered${cursor ? `&cursor=${cursor}` : ''}`)).body;
        n += page.deliveries.length;
        cursor = page.nextCursor;
      } while (cursor);
      return n;
    };
    await expect.poll(delivered, { timeout: 60_000, interval: 250 }).toBe(EVENTS);

    expect(receiver.maxConcurrentPerId, 'one webhook-id in flight twice at once').toBe(1);
    const counts = new Map<string, number>();
    for (const r of receiver.received) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
    expect(counts.size).toBe(EVENTS);
    for (const [id, n] of counts) expect(n, id).toBe(flaky(id) ? 2 : 1);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
  }, 120_000);
});
