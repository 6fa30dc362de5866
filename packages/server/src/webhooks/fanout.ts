// Which endpoints want an event, and the outbox rows that promise its delivery. The rows are written
// in the transaction of the event itself, so a committed event always has its deliveries queued.
import type { LifecycleEvent, WebhookAttemptDetail, WebhookPayload } from '@belfry/core/api';
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../db/connect.js';
import type { Database, WebhookDeliveriesTable } from '../db/schema.js';
import { newId, nowIso } from '../ids.js';

export interface EndpointFilter {
  id: string;
  url: string;
  events: ReadonlySet<string>;
}

export async function activeEndpoints(q: Kysely<Database>, appId: string): Promise<EndpointFilter[]> {
  const rows = await q.selectFrom('webhooks').select(['id', 'url', 'events']).where('app_id', '=', appId).where('enabled', '=', 1).orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, url: r.url, events: new Set(JSON.parse(r.events) as string[]) }));
}

/**
 * `*` is every type but webhook.*; webhook.* events go only to endpoints naming them, never to the
 * endpoint they are about, and never about the delivery of another webhook.* event — so endpoints
 * that watch each other's deliveries cannot loop.
 */
export function wants(endpoint: EndpointFilter, event: Pick<LifecycleEvent, 'type' | 'detail'>): boolean {
  if (!event.type.startsWith('webhook.')) return endpoint.events.has('*') || endpoint.events.has(event.type);
  if (!endpoint.events.has(event.type)) return false;
  const about = event.detail as Partial<WebhookAttemptDetail> | undefined;
  return about?.webhookId !== endpoint.id && !String(about?.eventType ?? '').startsWith('webhook.');
}

export function payloadOf(event: LifecycleEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.at, data: event } satisfies WebhookPayload);
}

export function deliveryRow(appId: string, endpointId: string, event: LifecycleEvent, now: string, payload = payloadOf(event)): WebhookDeliveriesTable {
  return {
    id: newId('whd'),
    app_id: appId,
    webhook_id: endpointId,
    event_id: event.id,
    event_type: event.type,
    message_id: event.messageId,
    notification_id: event.notificationId ?? null,
    user_id: event.userId,
    payload,
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    lease_token: null,
    replay_of: null,
    created_at: now,
    finished_at: null,
  };
}

/** Returns how many deliveries were queued. */
export async function enqueueDeliveries(db: Db, trx: Transaction<Database>, appId: string, events: LifecycleEvent[]): Promise<number> {
  const endpoints = await activeEndpoints(trx, appId);
  if (endpoints.length === 0) return 0;
  const now = nowIso();
  const rows: WebhookDeliveriesTable[] = [];
  for (const event of events) {
    let payload: string | undefined;
    for (const endpoint of endpoints) {
      if (wants(endpoint, event)) rows.push(deliveryRow(appId, endpoint.id, event, now, (payload ??= payloadOf(event))));
    }
  }
  if (rows.length > 0) await db.bulkInsert(trx, 'webhook_deliveries', rows as unknown as Array<Record<string, unknown>>);
  return rows.length;
}
