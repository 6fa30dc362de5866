// Grouped notifications: a notification may carry a group key and the actor who caused it.
// Same portable rules as 0001: text columns, plain indexes.
import type { Kysely, Migration } from 'kysely';

export const groups: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('notifications').addColumn('group_key', 'text').execute();
    await db.schema.alterTable('notifications').addColumn('actor_id', 'text').execute();
    await db.schema.alterTable('notifications').addColumn('actor_name', 'text').execute();
    // A group's members, newest first: its state after a change and its bulk actions.
    await db.schema
      .createIndex('notifications_group_idx')
      .on('notifications')
      .columns(['app_id', 'user_id', 'group_key', 'created_at desc', 'id desc'])
      .execute();
  },
};
