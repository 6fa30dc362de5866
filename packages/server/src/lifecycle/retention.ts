// Retention of the lifecycle record: messages, events and webhook delivery logs older than the
// retention period are deleted by the sweeper, in batches so no statement holds the database long.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export const DEFAULT_RETENTION_DAYS = 30;
const BATCH = 5000;

async function deleteOlder(db: Kysely<Database>, table: keyof Database, column: string, cutoff: string, key = sql.ref('id'), extra = sql``) {
  for (;;) {
    const res = await sql`delete from ${sql.table(table)} where ${key} in (select ${key} from ${sql.table(table)} where ${sql.ref(column)} < ${cutoff} ${extra} limit ${BATCH})`.execute(db);
    if (Number(res.numAffectedRows ?? 0) < BATCH) return;
  }
}

export async function pruneLifecycle(db: Kysely<Database>, retentionMs: number, now = Date.now()): Promise<void> {
  const cutoff = new Date(now - retentionMs).toISOString();
  await deleteOlder(db, 'events', 'at', cutoff);
  await deleteOlder(db, 'webhook_attempts', 'at', cutoff);
  // A delivery still pending keeps its row (and its payload) until it ends, however old it is.
  await deleteOlder(db, 'webhook_deliveries', 'created_at', cutoff, sql.ref('id'), sql`and status <> 'pending'`);
  await deleteOlder(db, 'messages', 'created_at', cutoff);
  // Recipients share their message's created_at; they have no id of their own.
  await deleteOlder(db, 'message_recipients', 'created_at', cutoff, sql.ref('message_id'));
}
