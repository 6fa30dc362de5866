// Lifecycle events: collected while a transaction changes things, written in that same transaction
// together with their webhook outbox rows, so an event exists exactly when its change does.
import type { Channel, EventType, LifecycleEvent, ReasonCode } from '@belfry/core/api';
import type { Transaction } from 'kysely';
import type { Db } from '../db/connect.js';
import type { Database, EventsTable } from '../db/schema.js';
import { orderedId } from '../ids.js';
import { enqueueDeliveries } from '../webhooks/fanout.js';

export interface EventInput {
  type: EventType;
  messageId: string | null;
  notificationId?: string | null | undefined;
  userId: string;
  channel?: Channel | undefined;
  reason?: ReasonCode | null | undefined;
  detail?: Record<string, unknown> | null | undefined;
}

export function toEvent(row: EventsTable): LifecycleEvent {
  const event: LifecycleEvent = { id: row.id, type: row.type as EventType, at: row.at, messageId: row.message_id, userId: row.user_id };
  if (row.notification_id !== null) event.notificationId = row.notification_id;
  if (row.channel !== null) event.channel = row.channel as Channel;
  if (row.reason !== null) event.reason = row.reason as ReasonCode;
  if (row.detail !== null) event.detail = JSON.parse(row.detail) as Record<string, unknown>;
  return event;
}

export class EventLog {
  private readonly rows: EventsTable[] = [];
  /** Webhook deliveries enqueued by the last flush. */
  deliveries = 0;

  constructor(readonly appId: string) {}

  get size(): number {
    return this.rows.length;
  }

  add(input: EventInput): string {
    const { id, at } = orderedId('evt');
    this.rows.push({
      id,
      app_id: this.appId,
      type: input.type,
      at,
      message_id: input.messageId,
      notification_id: input.notificationId ?? null,
      user_id: input.userId,
      channel: input.channel ?? null,
      reason: input.reason ?? null,
      detail: input.detail ? JSON.stringify(input.detail) : null,
    });
    return id;
  }

  /** Inside the transaction: the events, then one outbox row per (event, subscribed endpoint). */
  async flush(db: Db, trx: Transaction<Database>): Promise<void> {
    if (this.rows.length === 0) return;
    await db.bulkInsert(trx, 'events', this.rows as unknown as Array<Record<string, unknown>>);
    this.deliveries = await enqueueDeliveries(db, trx, this.appId, this.rows.map(toEvent));
  }
}
