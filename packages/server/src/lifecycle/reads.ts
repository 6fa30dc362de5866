// Reads of the lifecycle: messages (newest first, keyset on createdAt + id) and timelines (oldest
// first, keyset on the event id, which grows with time).
import type { EventListResponse, MessageDetail, MessageListQuery, MessageListResponse } from '@belfry/core/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import { decodeCursor, decodeIdCursor, encodeCursor, encodeIdCursor } from '../store/cursor.js';
import { toEvent } from './events.js';
import { toMessage, toRecipient } from './messages.js';

type Q = Kysely<Database>;

export async function listMessages(db: Q, appId: string, query: MessageListQuery & { limit: number }): Promise<MessageListResponse> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  let q = db.selectFrom('messages').selectAll('messages').where('messages.app_id', '=', appId);
  if (query.category !== undefined) q = q.where('messages.category', '=', query.category);
  if (query.from !== undefined) q = q.where('messages.created_at', '>=', new Date(query.from).toISOString());
  if (query.to !== undefined) q = q.where('messages.created_at', '<', new Date(query.to).toISOString());
  if (query.userId !== undefined) {
    const userId = query.userId;
    const outcome = query.outcome;
    // With a user, outcome is that recipient's own (a partial message was delivered to some, suppressed for others).
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('message_recipients')
          .select('message_recipients.user_id')
          .whereRef('message_recipients.message_id', '=', 'messages.id')
          .where('message_recipients.user_id', '=', userId)
          .$if(outcome === 'delivered' || outcome === 'suppressed', (sq) => sq.where('message_recipients.outcome', '=', outcome!)),
      ),
    );
    if (outcome === 'partial') q = q.where('messages.outcome', '=', 'partial');
  } else if (query.outcome !== undefined) {
    q = q.where('messages.outcome', '=', query.outcome);
  }
  if (after) {
    q = q.where((eb) =>
      eb.or([eb('messages.created_at', '<', after.createdAt), eb.and([eb('messages.created_at', '=', after.createdAt), eb('messages.id', '<', after.id)])]),
    );
  }
  const rows = await q.orderBy('messages.created_at', 'desc').orderBy('messages.id', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    messages: page.map(toMessage),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  };
}

export async function getMessage(db: Q, appId: string, id: string): Promise<MessageDetail> {
  const row = await db.selectFrom('messages').selectAll().where('app_id', '=', appId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('message');
  const recipients = await db.selectFrom('message_recipients').selectAll().where('message_id', '=', id).orderBy('user_id').execute();
  return { ...toMessage(row), recipients: recipients.map(toRecipient) };
}

export interface EventPage {
  limit: number;
  cursor?: string | undefined;
  userId?: string | undefined;
}

export async function messageEvents(db: Q, appId: string, messageId: string, page: EventPage): Promise<EventListResponse> {
  const exists = await db.selectFrom('messages').select('id').where('app_id', '=', appId).where('id', '=', messageId).executeTakeFirst();
  if (!exists) throw notFound('message');
  return eventsWhere(db, appId, 'message_id', messageId, page);
}

export async function notificationEvents(db: Q, appId: string, notificationId: string, page: EventPage): Promise<EventListResponse> {
  const result = await eventsWhere(db, appId, 'notification_id', notificationId, page);
  if (result.events.length === 0 && page.cursor === undefined) {
    // No events: a notification that exists but predates event recording, or none at all.
    const row = await db.selectFrom('notifications').select('id').where('app_id', '=', appId).where('id', '=', notificationId).executeTakeFirst();
    if (!row) throw notFound('notification');
  }
  return result;
}

async function eventsWhere(db: Q, appId: string, column: 'message_id' | 'notification_id', value: string, page: EventPage): Promise<EventListResponse> {
  let q = db.selectFrom('events').selectAll().where('app_id', '=', appId).where(column, '=', value);
  if (page.userId !== undefined) q = q.where('user_id', '=', page.userId);
  if (page.cursor !== undefined) q = q.where('id', '>', decodeIdCursor(page.cursor, 'evt'));
  const rows = await q.orderBy('id', 'asc').limit(page.limit + 1).execute();
  const events = rows.slice(0, page.limit).map(toEvent);
  const last = events[events.length - 1];
  return { events, nextCursor: rows.length > page.limit && last ? encodeIdCursor(last.id) : null };
}
