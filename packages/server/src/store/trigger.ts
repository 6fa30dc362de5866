// POST /v1/notifications: one message per call, fanned out to its recipients in one transaction: the
// decision per recipient (preferences, dedupe, throttle, expiry), the notifications, the message with
// its recipients, and the lifecycle events — all committed together, or none of it.
import type { Notification, TriggerRequest, TriggerResponse } from '@belfry/core/api';
import type { MessagesTable, NotificationsTable } from '../db/schema.js';
import { ApiError } from '../errors.js';
import { newId, nowIso, orderedId } from '../ids.js';
import { decide, knownUsers } from '../lifecycle/decide.js';
import { messageRows, recordTriggerEvents, type RequestMeta } from '../lifecycle/messages.js';
import { ensureCategory } from './categories.js';
import { toNotification } from './rows.js';
import { ensureUsersBulk } from './users.js';
import { runWork, type WorkDeps } from './work.js';

export interface TriggerResult {
  response: TriggerResponse;
  created: number;
}

export async function triggerNotifications(deps: WorkDeps, appId: string, req: TriggerRequest, meta: RequestMeta): Promise<TriggerResult> {
  const key = req.idempotencyKey;
  if (key !== undefined) {
    const replay = await storedResponse(deps, appId, key);
    if (replay) return { response: replay, created: 0 };
  }
  return runWork(deps, appId, async (work) => {
    const { trx } = work;
    if (key !== undefined) {
      // Insert-first: a concurrent request with the same key waits here for ours to commit, then
      // finds the row taken and replays the stored response instead of creating anything.
      const claimed = await trx
        .insertInto('idempotency')
        .values({ app_id: appId, key, response: null, created_at: nowIso() })
        .onConflict((oc) => oc.columns(['app_id', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      if (!claimed) {
        const row = await trx.selectFrom('idempotency').select('response').where('app_id', '=', appId).where('key', '=', key).executeTakeFirst();
        if (row?.response) return { response: { ...(JSON.parse(row.response) as TriggerResponse), replayed: true }, created: 0 };
        throw new ApiError(409, 'conflict', 'a request with this idempotencyKey is still in progress', 'idempotencyKey');
      }
    }

    const category = await ensureCategory(trx, appId, req.category);
    const known = await knownUsers(trx, appId, req.recipients);
    await ensureUsersBulk(deps.db, trx, appId, req.recipients);
    // Every recipient is locked before deciding, so dedupe and throttle counts can't race a concurrent trigger.
    await work.lock(req.recipients);
    // Message ids grow with time in this process, so messages created in one millisecond still list in order.
    const { id: messageId, at: created_at } = orderedId('msg');
    const now = Date.parse(created_at);
    const decisions = await decide(trx, appId, {
      category,
      recipients: req.recipients,
      known,
      expiresAt: req.expiresAt,
      dedupeKey: req.dedupeKey,
      dedupeWindowSeconds: req.dedupeWindowSeconds,
      now,
    });
    const delivered = decisions.filter((d) => d.outcome === 'delivered').map((d) => d.userId);

    const seqs = await work.allocOneEach(delivered);
    const rows: NotificationsTable[] = delivered.map((userId) => ({
      id: newId('ntf'),
      app_id: appId,
      user_id: userId,
      category: req.category,
      title: req.title,
      body: req.body ?? null,
      action_url: req.actionUrl ?? null,
      actions: JSON.stringify(req.actions ?? []),
      avatar_url: req.avatarUrl ?? null,
      data: req.data === undefined ? null : JSON.stringify(req.data),
      created_at,
      read_at: null,
      seen_at: null,
      archived_at: null,
      clicked_at: null,
      snoozed_until: null,
      expires_at: req.expiresAt === undefined ? null : new Date(req.expiresAt).toISOString(),
      message_id: messageId,
      group_key: req.groupKey ?? null,
      actor_id: req.actor?.id ?? null,
      actor_name: req.actor?.name ?? null,
    }));
    await deps.db.bulkInsert(trx, 'notifications', rows as unknown as Array<Record<string, unknown>>);
    // Every row carries the same JSON, so parse it once (toNotification of the first row) and share
    // the parsed actions/data between the events; nothing downstream mutates them.
    const first = rows[0] ? toNotification(rows[0]) : undefined;
    for (const row of rows) {
      const notification: Notification = { ...first!, id: row.id, userId: row.user_id };
      work.record(row.user_id, seqs.get(row.user_id)!, { type: 'created', notification }, row.group_key);
    }

    const notificationOf = new Map(rows.map((r) => [r.user_id, r.id]));
    const message: MessagesTable = {
      id: messageId,
      app_id: appId,
      request_id: meta.requestId,
      source: JSON.stringify({ type: 'api', ip: meta.ip, userAgent: meta.userAgent }),
      idempotency_key: key ?? null,
      dedupe_key: req.dedupeKey ?? null,
      category: req.category,
      title: req.title,
      recipient_count: decisions.length,
      delivered_count: rows.length,
      suppressed_count: decisions.length - rows.length,
      outcome: rows.length === decisions.length ? 'delivered' : rows.length === 0 ? 'suppressed' : 'partial',
      created_at,
    };
    await messageRows(deps.db, trx, message, decisions, notificationOf);
    recordTriggerEvents(work, message, decisions, notificationOf);

    const response: TriggerResponse = {
      messageId,
      notifications: rows.map((r) => ({ userId: r.user_id, id: r.id })),
      suppressed: decisions.filter((d) => d.reason !== null).map((d) => ({ userId: d.userId, reason: d.reason! })),
      replayed: false,
    };
    if (key !== undefined) {
      await trx.updateTable('idempotency').set({ response: JSON.stringify(response) }).where('app_id', '=', appId).where('key', '=', key).execute();
    }
    return { response, created: rows.length };
  });
}

async function storedResponse(deps: WorkDeps, appId: string, key: string): Promise<TriggerResponse | undefined> {
  const row = await deps.db.kysely.selectFrom('idempotency').select('response').where('app_id', '=', appId).where('key', '=', key).executeTakeFirst();
  return row?.response ? { ...(JSON.parse(row.response) as TriggerResponse), replayed: true } : undefined;
}
