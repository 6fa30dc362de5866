// Schema migrations, written once for both dialects: only portable column types (text, integer)
// and plain indexes, so the same migration runs on SQLite and PostgreSQL.
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { lifecycle } from './migrations/0002_lifecycle.js';
import { groups } from './migrations/0003_groups.js';

const initial: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('apps')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
      .addColumn('secret_enc', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('locale', 'text')
      .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('pruned_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('users_pk', ['app_id', 'id'])
      .execute();

    await db.schema
      .createTable('categories')
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('label', 'text')
      .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('channels', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('categories_pk', ['app_id', 'key'])
      .execute();

    await db.schema
      .createTable('preferences')
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('preferences_pk', ['app_id', 'user_id', 'category', 'channel'])
      .execute();

    await db.schema
      .createTable('notifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text')
      .addColumn('action_url', 'text')
      .addColumn('actions', 'text', (c) => c.notNull())
      .addColumn('avatar_url', 'text')
      .addColumn('data', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .addColumn('seen_at', 'text')
      .addColumn('archived_at', 'text')
      .addColumn('snoozed_until', 'text')
      .addColumn('expires_at', 'text')
      .execute();
    await db.schema
      .createIndex('notifications_feed_idx')
      .on('notifications')
      .columns(['app_id', 'user_id', 'created_at desc', 'id desc'])
      .execute();
    await db.schema.createIndex('notifications_snooze_idx').on('notifications').column('snoozed_until').execute();
    await db.schema.createIndex('notifications_expiry_idx').on('notifications').column('expires_at').execute();

    await db.schema
      .createTable('changes')
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('changes_pk', ['app_id', 'user_id', 'seq'])
      .execute();
    await db.schema.createIndex('changes_created_idx').on('changes').column('created_at').execute();

    await db.schema
      .createTable('idempotency')
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('response', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_pk', ['app_id', 'key'])
      .execute();
    await db.schema.createIndex('idempotency_created_idx').on('idempotency').column('created_at').execute();
  },
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return { '0001_initial': initial, '0002_lifecycle': lifecycle, '0003_groups': groups };
  },
};
