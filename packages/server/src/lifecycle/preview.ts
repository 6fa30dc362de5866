// POST /v1/notifications/preview: what the trigger would decide for each recipient and channel, and
// which webhook endpoints would hear about it — computed by the trigger's own decision function, with
// nothing written (no category, user, message or event is created).
import type { EventType, PreviewResponse, PreviewWebhook, TriggerRequest, TriggerResponse } from '@belfry/core/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { allOn, toCategory, type CategoryRecord } from '../store/categories.js';
import { activeEndpoints, wants, type EndpointFilter } from '../webhooks/fanout.js';
import { decide, knownUsers, type RecipientDecision } from './decide.js';

export async function previewTrigger(db: Kysely<Database>, appId: string, req: TriggerRequest): Promise<PreviewResponse> {
  if (req.idempotencyKey !== undefined) {
    const stored = await db.selectFrom('idempotency').select('response').where('app_id', '=', appId).where('key', '=', req.idempotencyKey).executeTakeFirst();
    const messageId = stored?.response ? (JSON.parse(stored.response) as Partial<TriggerResponse>).messageId : undefined;
    if (messageId) return { replayOf: messageId, recipients: [], deliverCount: 0, suppressCount: 0 };
  }
  const row = await db.selectFrom('categories').selectAll().where('app_id', '=', appId).where('key', '=', req.category).executeTakeFirst();
  // An unknown category is what the trigger would create: unlocked, every channel on.
  const category: CategoryRecord = row ? toCategory(row) : { key: req.category, label: null, locked: false, defaultChannels: allOn(), throttle: null };
  const decisions = await decide(db, appId, {
    category,
    recipients: req.recipients,
    known: await knownUsers(db, appId, req.recipients),
    expiresAt: req.expiresAt,
    dedupeKey: req.dedupeKey,
    dedupeWindowSeconds: req.dedupeWindowSeconds,
    now: Date.now(),
  });
  const endpoints = await activeEndpoints(db, appId);
  const recipients = decisions.map((d) => ({ userId: d.userId, outcome: d.outcome, reason: d.reason, channels: d.channels, webhooks: webhooksFor(endpoints, d) }));
  const deliverCount = decisions.filter((d) => d.outcome === 'delivered').length;
  return { replayOf: null, recipients, deliverCount, suppressCount: decisions.length - deliverCount };
}

/** The events the trigger writes for one recipient, and the endpoints subscribed to any of them. */
function webhooksFor(endpoints: EndpointFilter[], d: RecipientDecision): PreviewWebhook[] {
  const types: EventType[] = ['triggered', d.outcome === 'delivered' ? 'delivered' : 'suppressed'];
  const out: PreviewWebhook[] = [];
  for (const endpoint of endpoints) {
    const events = types.filter((type) => wants(endpoint, { type }));
    if (events.length > 0) out.push({ webhookId: endpoint.id, url: endpoint.url, events });
  }
  return out;
}
