// Inbox writes by the user (patch, bulk, delete) and by the app (admin delete). Each locks the user,
// changes rows, and records one change under the user's next seq — or nothing when nothing changed —
// plus a lifecycle event per flag that moved (and per click), in the same transaction.
import type { BulkPatch, BulkRequest, BulkResponse, DeleteResponse, GroupState, NotificationPatch, PatchResponse } from '@belfry/core/api';
import type { Database } from '../db/schema.js';
import { badRequest, notFound } from '../errors.js';
import { nowIso } from '../ids.js';
import { recordTransitions } from '../lifecycle/transitions.js';
import { currentSeq } from './feed.js';
import { toNotification } from './rows.js';
import { matchesFilter, visibleAt } from './visibility.js';
import { runWork, type Work, type WorkDeps } from './work.js';

type Row = Database['notifications'];

function findRow(work: Work, userId: string, id: string): Promise<Row | undefined> {
  return work.trx
    .selectFrom('notifications')
    .selectAll()
    .where('app_id', '=', work.appId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', nowIso())]))
    .executeTakeFirst();
}

const flag = (current: string | null, on: boolean | undefined, now: string) => (on === undefined ? current : on ? (current ?? now) : null);

export async function patchNotification(deps: WorkDeps, appId: string, userId: string, id: string, patch: NotificationPatch): Promise<PatchResponse> {
  return runWork(deps, appId, async (work) => {
    await work.lock([userId]);
    const row = await findRow(work, userId, id);
    if (!row) throw notFound();
    if (patch.action !== undefined && !toNotification(row).actions.some((a) => a.id === patch.action)) {
      throw badRequest('action', `body/action is not an action of this notification`);
    }
    const now = nowIso();
    const next: Row = {
      ...row,
      read_at: flag(row.read_at, patch.read, now),
      seen_at: flag(row.seen_at, patch.seen, now),
      archived_at: flag(row.archived_at, patch.archived, now),
      clicked_at: flag(row.clicked_at, patch.clicked, now),
      snoozed_until:
        patch.snoozedUntil === undefined ? row.snoozed_until : patch.snoozedUntil === null ? null : new Date(patch.snoozedUntil).toISOString(),
    };
    recordTransitions(work.events, row, next, patch.clicked ? { action: patch.action } : undefined);
    const changed = (['read_at', 'seen_at', 'archived_at', 'clicked_at', 'snoozed_until'] as const).filter((k) => next[k] !== row[k]);
    if (changed.length === 0) {
      return { notification: toNotification(row), seq: await currentSeq(work.trx, appId, userId), counts: await work.counts(userId) };
    }
    await work.trx
      .updateTable('notifications')
      .set({ read_at: next.read_at, seen_at: next.seen_at, archived_at: next.archived_at, clicked_at: next.clicked_at, snoozed_until: next.snoozed_until })
      .where('id', '=', id)
      .execute();
    const [seq] = await work.allocSeqs(userId, 1);
    const notification = toNotification(next);
    work.record(userId, seq!, { type: 'updated', notification }, row.group_key);
    return withGroups({ notification, seq: seq!, counts: await work.counts(userId) }, await work.groupsOf(userId, [row.group_key]));
  });
}

export async function bulkUpdate(deps: WorkDeps, appId: string, userId: string, req: BulkRequest): Promise<BulkResponse> {
  return runWork(deps, appId, async (work) => {
    await work.lock([userId]);
    const now = nowIso();
    const patch: BulkPatch = {};
    if (req.read !== undefined) patch.readAt = req.read ? now : null;
    if (req.seen !== undefined) patch.seenAt = req.seen ? now : null;
    if (req.archived !== undefined) patch.archivedAt = req.archived ? now : null;

    const affected: Array<Pick<Row, 'id' | 'user_id' | 'message_id' | 'seen_at' | 'read_at' | 'archived_at' | 'snoozed_until' | 'group_key'>> = [];
    const targets = req.ids ? chunks(req.ids, 500) : [undefined];
    for (const chunk of targets) {
      let query = work.trx
        .selectFrom('notifications')
        .select(['id', 'user_id', 'message_id', 'seen_at', 'read_at', 'archived_at', 'snoozed_until', 'group_key'])
        .where('app_id', '=', appId)
        .where('user_id', '=', userId)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        // Only rows the patch actually changes count as affected.
        .where((eb) => {
          const differs = [];
          if (req.read !== undefined) differs.push(eb('read_at', req.read ? 'is' : 'is not', null));
          if (req.seen !== undefined) differs.push(eb('seen_at', req.seen ? 'is' : 'is not', null));
          if (req.archived !== undefined) differs.push(eb('archived_at', req.archived ? 'is' : 'is not', null));
          return eb.or(differs);
        });
      query = chunk ? query.where('id', 'in', chunk) : query.where(visibleAt(now)).where(matchesFilter(req.filter ?? {}));
      if (req.groupKey !== undefined) query = query.where('group_key', '=', req.groupKey);
      affected.push(...(await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute()));
    }
    const ids = affected.map((r) => r.id);
    if (ids.length === 0) {
      return { updated: 0, seq: await currentSeq(work.trx, appId, userId), counts: await work.counts(userId) };
    }
    const set: Partial<Row> = {};
    if ('readAt' in patch) set.read_at = patch.readAt ?? null;
    if ('seenAt' in patch) set.seen_at = patch.seenAt ?? null;
    if ('archivedAt' in patch) set.archived_at = patch.archivedAt ?? null;
    for (const chunk of chunks(ids, 500)) {
      await work.trx.updateTable('notifications').set(set).where('app_id', '=', appId).where('id', 'in', chunk).execute();
    }
    for (const row of affected) {
      recordTransitions(work.events, row, {
        seen_at: 'seenAt' in patch ? (patch.seenAt ?? null) : row.seen_at,
        read_at: 'readAt' in patch ? (patch.readAt ?? null) : row.read_at,
        archived_at: 'archivedAt' in patch ? (patch.archivedAt ?? null) : row.archived_at,
        snoozed_until: row.snoozed_until,
      });
    }
    const [seq] = await work.allocSeqs(userId, 1);
    const keys = affected.map((r) => r.group_key);
    work.record(userId, seq!, { type: 'bulk', ids, patch }, keys);
    return withGroups({ updated: ids.length, seq: seq!, counts: await work.counts(userId) }, await work.groupsOf(userId, keys));
  });
}

/** `by`: who deleted it, the user (inbox) or the app (secret key); the `deleted` event says so. */
export async function deleteNotification(deps: WorkDeps, appId: string, userId: string, id: string, by: 'user' | 'app'): Promise<DeleteResponse> {
  return runWork(deps, appId, async (work) => {
    await work.lock([userId]);
    const row = await findRow(work, userId, id);
    if (!row) throw notFound();
    await work.trx.deleteFrom('notifications').where('id', '=', id).execute();
    work.events.add({ type: 'deleted', messageId: row.message_id, notificationId: id, userId, channel: 'in_app', detail: { by } });
    const [seq] = await work.allocSeqs(userId, 1);
    work.record(userId, seq!, { type: 'deleted', id }, row.group_key);
    return { seq: seq!, counts: await work.counts(userId) };
  });
}

const withGroups = <T extends object>(response: T, groups: GroupState[] | undefined): T & { groups?: GroupState[] } =>
  groups ? { ...response, groups } : response;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
