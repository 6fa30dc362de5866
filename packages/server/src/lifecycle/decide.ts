// The one decision function: for each recipient of a trigger, deliver or suppress (and why), and per
// channel what would happen. The real trigger calls it inside its transaction, under the recipients'
// row locks; the dry run calls it on the database as it is. Same inputs, same answer.
import type { Channel, ChannelDecision, ChannelDecisions, ReasonCode, SuppressionReason } from '@belfry/core/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { CategoryRecord } from '../store/categories.js';
import { IN_LIST_MAX } from '../store/feed.js';
import { channelOverrides, effective } from '../store/preferences.js';
import { CHANNELS } from '../wire.js';

export const DEFAULT_DEDUPE_WINDOW_SECONDS = 86_400;

export interface DecideInput {
  category: CategoryRecord;
  recipients: string[];
  /** Recipients that existed before this trigger (see knownUsers); the others are new users. */
  known: ReadonlySet<string>;
  expiresAt?: string | undefined;
  dedupeKey?: string | undefined;
  dedupeWindowSeconds?: number | undefined;
  now: number;
}

export interface RecipientDecision {
  userId: string;
  outcome: 'delivered' | 'suppressed';
  reason: SuppressionReason | null;
  channels: ChannelDecisions;
}

/** Which of these users exist already (read before the trigger creates the new ones). */
export async function knownUsers(q: Kysely<Database>, appId: string, userIds: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < userIds.length; i += IN_LIST_MAX) {
    const rows = await q.selectFrom('users').select('id').where('app_id', '=', appId).where('id', 'in', userIds.slice(i, i + IN_LIST_MAX)).execute();
    for (const r of rows) known.add(r.id);
  }
  return known;
}

export async function decide(q: Kysely<Database>, appId: string, input: DecideInput): Promise<RecipientDecision[]> {
  const { category, recipients, now } = input;
  const expired = input.expiresAt !== undefined && Date.parse(input.expiresAt) <= now;
  const overrides = await channelOverrides(q, appId, category.key, recipients);
  const duplicates = input.dedupeKey === undefined ? new Set<string>() : await dedupeHits(q, appId, input, now);
  const recent = category.throttle ? await deliveredSince(q, appId, category.key, recipients, now - category.throttle.windowSeconds * 1000) : new Map<string, number>();

  return recipients.map((userId) => {
    const own = overrides.get(userId) ?? new Map<string, boolean>();
    const on = effective(category, own);
    let reason: SuppressionReason | null = null;
    if (expired) reason = 'expired';
    else if (!on.in_app) reason = 'opted_out';
    else if (duplicates.has(userId)) reason = 'duplicate';
    else if (category.throttle && (recent.get(userId) ?? 0) >= category.throttle.limit) reason = 'throttled';

    const channels = {} as ChannelDecisions;
    for (const channel of CHANNELS) channels[channel] = channelDecision(channel, reason, on[channel], note(category, own, input.known.has(userId), channel));
    return { userId, outcome: reason === null ? 'delivered' : 'suppressed', reason, channels };
  });
}

/** Why a channel that is on is on, when that is worth saying. */
function note(category: CategoryRecord, own: Map<string, boolean>, known: boolean, channel: Channel): ReasonCode | null {
  if (category.locked && own.get(channel) === false) return 'category_locked';
  return known ? null : 'new_user';
}

function channelDecision(channel: Channel, recipientReason: SuppressionReason | null, on: boolean, why: ReasonCode | null): ChannelDecision {
  // A rule about the recipient (expired, duplicate, throttled) stops every channel.
  if (recipientReason !== null && recipientReason !== 'opted_out') return { decision: 'suppress', reason: recipientReason };
  if (!on) return { decision: 'suppress', reason: 'opted_out' };
  // Only the in-app inbox is delivered by this server; other channels have no provider yet.
  if (channel !== 'in_app') return { decision: 'skip', reason: 'no_provider' };
  return { decision: 'deliver', reason: why };
}

async function dedupeHits(q: Kysely<Database>, appId: string, input: DecideInput, now: number): Promise<Set<string>> {
  const since = new Date(now - (input.dedupeWindowSeconds ?? DEFAULT_DEDUPE_WINDOW_SECONDS) * 1000).toISOString();
  const hits = new Set<string>();
  for (let i = 0; i < input.recipients.length; i += IN_LIST_MAX) {
    const rows = await q
      .selectFrom('message_recipients')
      .select('user_id')
      .distinct()
      .where('app_id', '=', appId)
      .where('user_id', 'in', input.recipients.slice(i, i + IN_LIST_MAX))
      .where('dedupe_key', '=', input.dedupeKey!)
      .where('outcome', '=', 'delivered')
      .where('created_at', '>', since)
      .execute();
    for (const r of rows) hits.add(r.user_id);
  }
  return hits;
}

async function deliveredSince(q: Kysely<Database>, appId: string, category: string, userIds: string[], since: number): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const from = new Date(since).toISOString();
  for (let i = 0; i < userIds.length; i += IN_LIST_MAX) {
    const rows = await q
      .selectFrom('message_recipients')
      .select((eb) => ['user_id', eb.fn.countAll().as('n')])
      .where('app_id', '=', appId)
      .where('user_id', 'in', userIds.slice(i, i + IN_LIST_MAX))
      .where('category', '=', category)
      .where('outcome', '=', 'delivered')
      .where('created_at', '>', from)
      .groupBy('user_id')
      .execute();
    for (const r of rows) counts.set(r.user_id, Number(r.n));
  }
  return counts;
}
