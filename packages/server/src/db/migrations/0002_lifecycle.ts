// The notification lifecycle: messages and their recipients, events, click state, category throttles,
// and the webhook endpoints with their durable outbox (deliveries) and attempt log.
// Same portable rules as 0001: text and integer columns, plain indexes.
import type { Kysely, Migration } from 'kysely';

export const lifecycle: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('notifications').addColumn('clicked_at', 'text').execute();
    await db.schema.alterTable('notifications').addColumn('message_id', 'text').execute();
    await db.schema.alterTable('categories').addColumn('throttle_limit', 'integer').execute();
    await db.schema.alterTable('categories').addColumn('throttle_window_seconds', 'integer').execute();

    await db.schema
      .createTable('messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text')
      .addColumn('dedupe_key', 'text')
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('recipient_count', 'integer', (c) => c.notNull())
      .addColumn('delivered_count', 'integer', (c) => c.notNull())
      .addColumn('suppressed_count', 'integer', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('messages_list_idx').on('messages').columns(['app_id', 'created_at desc', 'id desc']).execute();
    await db.schema.createIndex('messages_created_idx').on('messages').column('created_at').execute();

    await db.schema
      .createTable('message_recipients')
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('notification_id', 'text')
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text')
      .addColumn('channels', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('message_recipients_pk', ['message_id', 'user_id'])
      .execute();
    // Throttle counts and the per-user message filter; dedupe lookups.
    await db.schema
      .createIndex('message_recipients_user_idx')
      .on('message_recipients')
      .columns(['app_id', 'user_id', 'category', 'created_at'])
      .execute();
    await db.schema
      .createIndex('message_recipients_dedupe_idx')
      .on('message_recipients')
      .columns(['app_id', 'user_id', 'dedupe_key', 'created_at'])
      .execute();
    await db.schema.createIndex('message_recipients_created_idx').on('message_recipients').column('created_at').execute();

    await db.schema
      .createTable('events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text')
      .addColumn('notification_id', 'text')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text')
      .addColumn('reason', 'text')
      .addColumn('detail', 'text')
      .execute();
    await db.schema.createIndex('events_notification_idx').on('events').columns(['app_id', 'notification_id', 'id']).execute();
    await db.schema.createIndex('events_message_idx').on('events').columns(['app_id', 'message_id', 'id']).execute();
    await db.schema.createIndex('events_at_idx').on('events').column('at').execute();

    await db.schema
      .createTable('webhooks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('secret_enc', 'text', (c) => c.notNull())
      .addColumn('previous_secret_enc', 'text')
      .addColumn('previous_secret_expires_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('webhooks_app_idx').on('webhooks').columns(['app_id', 'created_at']).execute();

    // The outbox: one row per (event, endpoint), written in the event's transaction. A claimed row's
    // next_attempt_at is pushed to the end of its lease, so a crashed sender's row comes due again.
    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('webhook_id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text')
      .addColumn('notification_id', 'text')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text')
      .addColumn('lease_token', 'text')
      .addColumn('replay_of', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema.createIndex('webhook_deliveries_due_idx').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
    await db.schema
      .createIndex('webhook_deliveries_list_idx')
      .on('webhook_deliveries')
      .columns(['webhook_id', 'created_at desc', 'id desc'])
      .execute();
    await db.schema.createIndex('webhook_deliveries_created_idx').on('webhook_deliveries').column('created_at').execute();

    await db.schema
      .createTable('webhook_attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('delivery_id', 'text', (c) => c.notNull())
      .addColumn('webhook_id', 'text', (c) => c.notNull())
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('status_code', 'integer')
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('outcome', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('webhook_attempts_delivery_idx').on('webhook_attempts').columns(['delivery_id', 'attempt']).execute();
    await db.schema.createIndex('webhook_attempts_at_idx').on('webhook_attempts').column('at').execute();
  },
};
