// Preferences: categories × channels. Effective value = the user's override ?? the category default;
// a locked category can't be turned off, so an "off" override never applies to it.
import type { Channel, Preferences, PreferencesUpdate } from '@belfry/core/api';
import { CHANNELS } from '../wire.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { ApiError, badRequest } from '../errors.js';
import { listCategories, type CategoryRecord, type Channels } from './categories.js';
import { IN_LIST_MAX } from './feed.js';

export function effective(category: CategoryRecord, overrides: Map<string, boolean>): Channels {
  const channels = { ...category.defaultChannels };
  for (const channel of CHANNELS) {
    const override = overrides.get(channel);
    if (override === undefined) continue;
    channels[channel] = category.locked ? channels[channel] || override : override;
  }
  return channels;
}

export async function getPreferences(db: Kysely<Database>, appId: string, userId: string): Promise<Preferences> {
  const [categories, rows] = await Promise.all([
    listCategories(db, appId),
    db.selectFrom('preferences').selectAll().where('app_id', '=', appId).where('user_id', '=', userId).execute(),
  ]);
  const byCategory = new Map<string, Map<string, boolean>>();
  for (const row of rows) {
    let map = byCategory.get(row.category);
    if (!map) byCategory.set(row.category, (map = new Map()));
    map.set(row.channel, row.enabled === 1);
  }
  const result: Preferences = { categories: {} };
  for (const category of categories) {
    result.categories[category.key] = {
      label: category.label,
      locked: category.locked,
      channels: effective(category, byCategory.get(category.key) ?? new Map()),
    };
  }
  return result;
}

export async function updatePreferences(db: Kysely<Database>, appId: string, userId: string, update: PreferencesUpdate): Promise<Preferences> {
  const categories = new Map((await listCategories(db, appId)).map((c) => [c.key, c]));
  const rows: Database['preferences'][] = [];
  for (const [key, { channels }] of Object.entries(update.categories)) {
    const category = categories.get(key);
    if (!category) throw badRequest(`categories.${key}`, `body/categories/${key} is not a category of this app`);
    for (const [channel, enabled] of Object.entries(channels) as Array<[Channel, boolean]>) {
      if (category.locked && !enabled) {
        throw new ApiError(409, 'category_locked', `category ${key} is locked and can't be turned off`, `categories.${key}`);
      }
      rows.push({ app_id: appId, user_id: userId, category: key, channel, enabled: enabled ? 1 : 0 });
    }
  }
  if (rows.length > 0) {
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        await trx
          .insertInto('preferences')
          .values(row)
          .onConflict((oc) => oc.columns(['app_id', 'user_id', 'category', 'channel']).doUpdateSet({ enabled: row.enabled }))
          .execute();
      }
    });
  }
  return getPreferences(db, appId, userId);
}

/** Each recipient's own channel settings for one category (absent: none set). Decisions apply `effective`. */
export async function channelOverrides(db: Kysely<Database>, appId: string, category: string, userIds: string[]): Promise<Map<string, Map<string, boolean>>> {
  const out = new Map<string, Map<string, boolean>>();
  for (let i = 0; i < userIds.length; i += IN_LIST_MAX) {
    const rows = await db
      .selectFrom('preferences')
      .select(['user_id', 'channel', 'enabled'])
      .where('app_id', '=', appId)
      .where('category', '=', category)
      .where('user_id', 'in', userIds.slice(i, i + IN_LIST_MAX))
      .execute();
    for (const row of rows) {
      let map = out.get(row.user_id);
      if (!map) out.set(row.user_id, (map = new Map()));
      map.set(row.channel, row.enabled === 1);
    }
  }
  return out;
}
