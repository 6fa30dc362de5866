// Messages: one row per trigger call plus one per recipient (its outcome and channel decisions),
// and the trigger's own events (triggered, then delivered or suppressed, per recipient).
import type { ChannelDecisions, Message, MessageRecipient, MessageSource, SuppressionReason } from '@belfry/core/api';
import type { Transaction } from 'kysely';
import type { Db } from '../db/connect.js';
import type { Database, MessageRecipientsTable, MessagesTable } from '../db/schema.js';
import type { Work } from '../store/work.js';
import type { RecipientDecision } from './decide.js';

/** What the HTTP layer knows about the trigger call. */
export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

export async function messageRows(
  db: Db,
  trx: Transaction<Database>,
  message: MessagesTable,
  decisions: RecipientDecision[],
  notificationOf: Map<string, string>,
): Promise<void> {
  await trx.insertInto('messages').values(message).execute();
  const recipients: MessageRecipientsTable[] = decisions.map((d) => ({
    app_id: message.app_id,
    message_id: message.id,
    user_id: d.userId,
    outcome: d.outcome,
    reason: d.reason,
    notification_id: notificationOf.get(d.userId) ?? null,
    category: message.category,
    dedupe_key: message.dedupe_key,
    channels: JSON.stringify(d.channels),
    created_at: message.created_at,
  }));
  await db.bulkInsert(trx, 'message_recipients', recipients as unknown as Array<Record<string, unknown>>);
}

export function recordTriggerEvents(work: Work, message: MessagesTable, decisions: RecipientDecision[], notificationOf: Map<string, string>): void {
  const detail = { category: message.category, title: message.title, ...(message.dedupe_key ? { dedupeKey: message.dedupe_key } : {}) };
  for (const d of decisions) {
    const notificationId = notificationOf.get(d.userId);
    work.events.add({ type: 'triggered', messageId: message.id, notificationId, userId: d.userId, detail });
    if (notificationId) {
      const id = work.events.add({ type: 'delivered', messageId: message.id, notificationId, userId: d.userId, channel: 'in_app', reason: d.channels.in_app.reason });
      work.pushed.set(id, d.userId);
    } else {
      work.events.add({ type: 'suppressed', messageId: message.id, userId: d.userId, channel: 'in_app', reason: d.reason });
    }
  }
}

export function toMessage(row: MessagesTable): Message {
  return {
    id: row.id,
    requestId: row.request_id,
    source: JSON.parse(row.source) as MessageSource,
    idempotencyKey: row.idempotency_key,
    dedupeKey: row.dedupe_key,
    category: row.category,
    title: row.title,
    recipientCount: Number(row.recipient_count),
    deliveredCount: Number(row.delivered_count),
    suppressedCount: Number(row.suppressed_count),
    outcome: row.outcome as Message['outcome'],
    createdAt: row.created_at,
  };
}

export function toRecipient(row: MessageRecipientsTable): MessageRecipient {
  return {
    userId: row.user_id,
    outcome: row.outcome as MessageRecipient['outcome'],
    notificationId: row.notification_id,
    reason: row.reason as SuppressionReason | null,
    channels: JSON.parse(row.channels) as ChannelDecisions,
  };
}
