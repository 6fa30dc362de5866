// Inbox writes by the user (patch, bulk, delete) and by the app (admin delete). Each locks the user,
// changes rows, and records one change under the user's next seq — or nothing when nothing changed.
import type { BulkPatch, BulkRequest, BulkResponse, DeleteResponse, NotificationPatch, PatchResponse } from '@belfry/core/api';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import { nowIso } from '../ids.js';
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
    const now = nowIso();
    const next: Row = {
      ...row,
      read_at: flag(row.read_at, patch.read, now),
      seen_at: flag(row.seen_at, patch.seen, now),
      archived_at: flag(row.archived_at, patch.archived, now),
      snoozed_until:
        patch.snoozedUntil === undefined ? row.snoozed_until : patch.snoozedUntil === null ? null : new Date(patch.snoozedUntil).toISOString(),
    };
    const changed = (['read_at', 'seen_at', 'archived_at', 'snoozed_until'] as const).filter((k) => next[k] !== row[k]);
    if (changed.length === 0) {
      return { notification: toNotification(row), seq: await currentSeq(work.trx, appId, userId), counts: await work.counts(userId) };
    }
    await work.trx
      .updateTable('notifications')
      .set({ read_at: next.read_at, seen_at: next.seen_at, archived_at: next.archived_at, snoozed_until: next.snoozed_until })
      .where('id', '=', id)
      .execute();
    const [seq] = await work.allocSeqs(userId, 1);
    const notification = toNotification(next);
    work.record(userId, seq!, { type: 'updated', notification });
    return { notification, seq: seq!, counts: await work.counts(userId) };
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

    const ids: string[] = [];
    const targets = req.ids ? chunks(req.ids, 500) : [undefined];
    for (const chunk of targets) {
      let query = work.trx
        .selectFrom('notifications')
        .select('id')
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
      ids.push(...(await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute()).map((r) => r.id));
    }
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
    const [seq] = await work.allocSeqs(userId, 1);
    work.record(userId, seq!, { type: 'bulk', ids, patch });
    return { updated: ids.length, seq: seq!, counts: await work.counts(userId) };
  });
}

export async function deleteNotification(deps: WorkDeps, appId: string, userId: string, id: string): Promise<DeleteResponse> {
  return runWork(deps, appId, async (work) => {
    await work.lock([userId]);
    const row = await findRow(work, userId, id);
    if (!row) throw notFound();
    await work.trx.deleteFrom('notifications').where('id', '=', id).execute();
    const [seq] = await work.allocSeqs(userId, 1);
    work.record(userId, seq!, { type: 'deleted', id });
    return { seq: seq!, counts: await work.counts(userId) };
  });
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
