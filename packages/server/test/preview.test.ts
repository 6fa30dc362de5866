// The dry run tells the truth: over a table of cases, POST /v1/notifications/preview answers per
// recipient and channel exactly what the real trigger then records, and names exactly the webhook
// endpoints that then get deliveries queued — and the preview itself writes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  EventListResponse,
  MessageDetail,
  MessageListResponse,
  PreviewResponse,
  TriggerRequest,
  WebhookDeliveryListResponse,
  WebhookSecretResponse,
} from '@belfry/core/api';
import { databases, rid, useServer, type Harness } from './harness';

interface Case {
  name: string;
  /** Prepares the state; returns the trigger body. */
  setup(h: Harness, users: string[]): Promise<Partial<TriggerRequest>>;
  /** The first recipient's outcome and in_app reason code (the table's point; the trigger must then agree). */
  expect: { outcome: 'delivered' | 'suppressed'; reason: string | null };
}

const optOut = async (h: Harness, user: string, category: string, channels: Record<string, boolean>) => {
  const u = await h.user(user);
  const res = await u.call('PUT', '/v1/inbox/preferences', { categories: { [category]: { channels } } });
  expect(res.status, res.text).toBe(200);
};

const cases: Case[] = [
  { name: 'a known user, nothing special', setup: async (h, [u]) => (await h.notify(u!, 1), {}), expect: { outcome: 'delivered', reason: null } },
  { name: 'an unknown user', setup: async () => ({}), expect: { outcome: 'delivered', reason: 'new_user' } },
  {
    name: 'opted out of the category',
    setup: async (h, [u]) => {
      await h.notify(u!, 1, { category: 'promo' });
      await optOut(h, u!, 'promo', { in_app: false });
      return { category: 'promo' };
    },
    expect: { outcome: 'suppressed', reason: 'opted_out' },
  },
  {
    name: 'opted out of email only',
    setup: async (h, [u]) => {
      await h.notify(u!, 1, { category: 'news' });
      await optOut(h, u!, 'news', { email: false });
      return { category: 'news' };
    },
    expect: { outcome: 'delivered', reason: null },
  },
  {
    name: 'opted out, then the category was locked',
    setup: async (h, [u]) => {
      const key = `sec${rid('')}`;
      await h.notify(u!, 1, { category: key });
      await optOut(h, u!, key, { in_app: false, email: false });
      expect((await h.secret('PUT', `/v1/categories/${key}`, { locked: true })).status).toBe(200);
      return { category: key };
    },
    expect: { outcome: 'delivered', reason: 'category_locked' },
  },
  {
    name: 'a duplicate inside the dedupe window',
    setup: async (h, [u]) => {
      await h.notify(u!, 1, { dedupeKey: 'order-1' });
      return { dedupeKey: 'order-1', dedupeWindowSeconds: 3600 };
    },
    expect: { outcome: 'suppressed', reason: 'duplicate' },
  },
  {
    name: 'throttled by the category',
    setup: async (h, [u]) => {
      const key = `thr${rid('')}`;
      expect((await h.secret('PUT', `/v1/categories/${key}`, { throttle: { limit: 1, windowSeconds: 600 } })).status).toBe(200);
      await h.notify(u!, 1, { category: key });
      return { category: key };
    },
    expect: { outcome: 'suppressed', reason: 'throttled' },
  },
  { name: 'already expired', setup: async () => ({ expiresAt: '2020-01-01T00:00:00.000Z' }), expect: { outcome: 'suppressed', reason: 'expired' } },
];

const strip = (r: { userId: string; outcome: string; reason: string | null; channels: unknown }) => ({ userId: r.userId, outcome: r.outcome, reason: r.reason, channels: r.channels });
const byUser = <T extends { userId: string }>(list: T[]) => [...list].sort((a, b) => a.userId.localeCompare(b.userId));

describe.each(databases())('preview ≡ trigger (%s)', (kind) => {
  // Deliveries are queued but never sent (no dispatcher), so the outbox can be compared as it is.
  const h = useServer(kind, { dev: true, webhooks: { dispatch: false } });
  const hooks: Record<string, string> = {};

  beforeAll(async () => {
    const make = async (events: string[], enabled = true) => {
      const res = await h.secret<WebhookSecretResponse>('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events, enabled });
      expect(res.status, res.text).toBe(201);
      return res.body.webhook.id;
    };
    hooks.all = await make(['*']);
    hooks.delivered = await make(['delivered']);
    hooks.suppressed = await make(['suppressed', 'webhook.failed']);
    hooks.disabled = await make(['*'], false);
  });

  /** Per recipient: which endpoints got deliveries queued for this message's events, and of which types. */
  async function queued(messageId: string) {
    const events = (await h.secret<EventListResponse>('GET', `/v1/messages/${messageId}/events?limit=500`)).body.events;
    const out = new Map<string, Array<{ webhookId: string; url: string; events: string[] }>>();
    for (const [, webhookId] of Object.entries(hooks)) {
      const list = (await h.secret<WebhookDeliveryListResponse>('GET', `/v1/webhooks/${webhookId}/deliveries?limit=100`)).body.deliveries;
      const delivered = new Set(list.map((d) => d.eventId));
      // In timeline order, so the event types read as the preview lists them.
      for (const e of events) {
        if (!delivered.has(e.id)) continue;
        const entries = out.get(e.userId) ?? [];
        let entry = entries.find((x) => x.webhookId === webhookId);
        if (!entry) entries.push((entry = { webhookId, url: 'http://127.0.0.1:9/hook', events: [] }));
        entry.events.push(e.type);
        out.set(e.userId, entries);
      }
    }
    return out;
  }

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const users = [rid(), rid()];
    const extra = await c.setup(h, users);
    const body = { recipients: users, category: 'general', title: 'Preview me', ...extra } as TriggerRequest;
    const messagesBefore = (await h.secret<MessageListResponse>('GET', `/v1/messages?userId=${users[0]}`)).body.messages.length;

    const preview = await h.secret<PreviewResponse>('POST', '/v1/notifications/preview', body);
    expect(preview.status, preview.text).toBe(200);
    const first = preview.body.recipients[0]!;
    expect({ outcome: first.outcome, reason: first.channels.in_app.reason }).toEqual(c.expect);
    expect(first.reason).toBe(c.expect.outcome === 'suppressed' ? c.expect.reason : null);
    // Nothing was written: no message, no user created for an unknown recipient.
    expect((await h.secret<MessageListResponse>('GET', `/v1/messages?userId=${users[0]}`)).body.messages.length).toBe(messagesBefore);

    const trigger = await h.trigger(body);
    expect(trigger.status, trigger.text).toBe(201);
    const message = await h.secret<MessageDetail>('GET', `/v1/messages/${trigger.body.messageId}`);
    expect(byUser(message.body.recipients).map(strip)).toEqual(byUser(preview.body.recipients).map(strip));
    expect(trigger.body.suppressed).toEqual(preview.body.recipients.filter((r) => r.reason).map((r) => ({ userId: r.userId, reason: r.reason })));
    expect({ deliver: trigger.body.notifications.length, suppress: trigger.body.suppressed.length }).toEqual({
      deliver: preview.body.deliverCount,
      suppress: preview.body.suppressCount,
    });

    const actual = await queued(trigger.body.messageId);
    for (const r of preview.body.recipients) {
      const sort = (l: Array<{ webhookId: string }>) => [...l].sort((a, b) => a.webhookId.localeCompare(b.webhookId));
      expect(sort(actual.get(r.userId) ?? []), `webhooks for ${r.userId}`).toEqual(sort(r.webhooks));
      expect(r.webhooks.some((w) => w.webhookId === hooks.disabled)).toBe(false);
    }
  });

  it('with an idempotencyKey already used, the preview says the trigger would replay', async () => {
    const body = { recipients: [rid()], category: 'general', title: 'once', idempotencyKey: `k-${rid()}` };
    const first = await h.trigger(body);
    const preview = await h.secret<PreviewResponse>('POST', '/v1/notifications/preview', body);
    expect(preview.body).toEqual({ replayOf: first.body.messageId, recipients: [], deliverCount: 0, suppressCount: 0 });
    expect((await h.trigger(body)).body).toMatchObject({ replayed: true, messageId: first.body.messageId });
  });
});
