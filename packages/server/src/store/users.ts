// Users exist implicitly (first trigger or session) and can be upserted with a name and locale.
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { nowIso } from '../ids.js';

export async function ensureUsers(db: Kysely<Database>, appId: string, userIds: string[]): Promise<void> {
  const created_at = nowIso();
  for (let i = 0; i < userIds.length; i += 500) {
    await db
      .insertInto('users')
      .values(userIds.slice(i, i + 500).map((id) => ({ app_id: appId, id, name: null, locale: null, created_at })))
      .onConflict((oc) => oc.columns(['app_id', 'id']).doNothing())
      .execute();
  }
}

/** ensureUsers for a fan-out inside a transaction (thousands of recipients). */
export async function ensureUsersBulk(db: Db, trx: Transaction<Database>, appId: string, userIds: string[]): Promise<void> {
  const created_at = nowIso();
  const rows = userIds.map((id) => ({ app_id: appId, id, name: null, locale: null, created_at }));
  await db.bulkInsert(trx, 'users', rows, ['app_id', 'id']);
}

export interface UserRecord {
  id: string;
  name: string | null;
  locale: string | null;
  createdAt: string;
}

export async function upsertUser(
  db: Kysely<Database>,
  appId: string,
  userId: string,
  input: { name?: string | undefined; locale?: string | undefined },
): Promise<UserRecord> {
  await ensureUsers(db, appId, [userId]);
  const set: { name?: string; locale?: string } = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.locale !== undefined) set.locale = input.locale;
  if (Object.keys(set).length > 0) {
    await db.updateTable('users').set(set).where('app_id', '=', appId).where('id', '=', userId).execute();
  }
  const row = await db.selectFrom('users').selectAll().where('app_id', '=', appId).where('id', '=', userId).executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, locale: row.locale, createdAt: row.created_at };
}
