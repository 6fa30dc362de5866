// Categories: app-defined (label, locked, default channels) or created implicitly by a trigger.
import type { Channel } from '@belfry/core/api';
import { CHANNELS } from '../wire.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { nowIso } from '../ids.js';

export type Channels = Record<Channel, boolean>;

export interface CategoryRecord {
  key: string;
  label: string | null;
  locked: boolean;
  defaultChannels: Channels;
}

export const allOn = (): Channels => Object.fromEntries(CHANNELS.map((c) => [c, true])) as Channels;

export function parseChannels(json: string): Channels {
  return { ...allOn(), ...(JSON.parse(json) as Partial<Channels>) };
}

export function toCategory(row: Database['categories']): CategoryRecord {
  return { key: row.key, label: row.label, locked: row.locked === 1, defaultChannels: parseChannels(row.channels) };
}

/** Creates the category (unlocked, every channel on) unless it exists. */
export async function ensureCategory(db: Kysely<Database>, appId: string, key: string): Promise<CategoryRecord> {
  await db
    .insertInto('categories')
    .values({ app_id: appId, key, label: null, locked: 0, channels: JSON.stringify(allOn()), created_at: nowIso() })
    .onConflict((oc) => oc.columns(['app_id', 'key']).doNothing())
    .execute();
  const row = await db.selectFrom('categories').selectAll().where('app_id', '=', appId).where('key', '=', key).executeTakeFirstOrThrow();
  return toCategory(row);
}

export async function upsertCategory(
  db: Kysely<Database>,
  appId: string,
  key: string,
  input: { label?: string | undefined; locked?: boolean | undefined; defaultChannels?: Partial<Channels> | undefined },
): Promise<CategoryRecord> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('categories').selectAll().where('app_id', '=', appId).where('key', '=', key).executeTakeFirst();
    const current = existing ? toCategory(existing) : { key, label: null, locked: false, defaultChannels: allOn() };
    const next: CategoryRecord = {
      key,
      label: input.label ?? current.label,
      locked: input.locked ?? current.locked,
      defaultChannels: { ...current.defaultChannels, ...input.defaultChannels },
    };
    const values = { label: next.label, locked: next.locked ? 1 : 0, channels: JSON.stringify(next.defaultChannels) };
    await trx
      .insertInto('categories')
      .values({ app_id: appId, key, ...values, created_at: nowIso() })
      .onConflict((oc) => oc.columns(['app_id', 'key']).doUpdateSet(values))
      .execute();
    return next;
  });
}

export async function listCategories(db: Kysely<Database>, appId: string): Promise<CategoryRecord[]> {
  const rows = await db.selectFrom('categories').selectAll().where('app_id', '=', appId).orderBy('key').execute();
  return rows.map(toCategory);
}
