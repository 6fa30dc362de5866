// Categories: app-defined (label, locked, default channels) or created implicitly by a trigger.
import type { CategoryThrottle, Channel } from '@belfry/core/api';
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
  /** At most `limit` deliveries per recipient per `windowSeconds`; null: unthrottled. */
  throttle: CategoryThrottle | null;
}

export const allOn = (): Channels => Object.fromEntries(CHANNELS.map((c) => [c, true])) as Channels;

export function parseChannels(json: string): Channels {
  return { ...allOn(), ...(JSON.parse(json) as Partial<Channels>) };
}

export function toCategory(row: Database['categories']): CategoryRecord {
  const throttle =
    row.throttle_limit === null || row.throttle_window_seconds === null
      ? null
      : { limit: Number(row.throttle_limit), windowSeconds: Number(row.throttle_window_seconds) };
  return { key: row.key, label: row.label, locked: row.locked === 1, defaultChannels: parseChannels(row.channels), throttle };
}

/** Creates the category (unlocked, every channel on) unless it exists. */
export async function ensureCategory(db: Kysely<Database>, appId: string, key: string): Promise<CategoryRecord> {
  await db
    .insertInto('categories')
    .values({
      app_id: appId,
      key,
      label: null,
      locked: 0,
      channels: JSON.stringify(allOn()),
      created_at: nowIso(),
      throttle_limit: null,
      throttle_window_seconds: null,
    })
    .onConflict((oc) => oc.columns(['app_id', 'key']).doNothing())
    .execute();
  const row = await db.selectFrom('categories').selectAll().where('app_id', '=', appId).where('key', '=', key).executeTakeFirstOrThrow();
  return toCategory(row);
}

export async function upsertCategory(
  db: Kysely<Database>,
  appId: string,
  key: string,
  input: {
    label?: string | undefined;
    locked?: boolean | undefined;
    defaultChannels?: Partial<Channels> | undefined;
    throttle?: CategoryThrottle | null | undefined;
  },
): Promise<CategoryRecord> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('categories').selectAll().where('app_id', '=', appId).where('key', '=', key).executeTakeFirst();
    const current: CategoryRecord = existing ? toCategory(existing) : { key, label: null, locked: false, defaultChannels: allOn(), throttle: null };
    const next: CategoryRecord = {
      key,
      label: input.label ?? current.label,
      locked: input.locked ?? current.locked,
      defaultChannels: { ...current.defaultChannels, ...input.defaultChannels },
      throttle: input.throttle === undefined ? current.throttle : input.throttle,
    };
    const values = {
      label: next.label,
      locked: next.locked ? 1 : 0,
      channels: JSON.stringify(next.defaultChannels),
      throttle_limit: next.throttle?.limit ?? null,
      throttle_window_seconds: next.throttle?.windowSeconds ?? null,
    };
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
