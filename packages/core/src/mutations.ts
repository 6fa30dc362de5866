import type { QueryClient } from '@tanstack/query-core';
import type { BulkRequest, BulkResponse, Counts, DeleteResponse, FeedFilter, Notification, NotificationPatch, PatchResponse } from './api/types.js';
import { deltaBetween, type CountsDelta } from './counts.js';
import { BelfryError, toBelfryError } from './errors.js';
import { normalizeFilter } from './filters.js';
import { overlayFrom, type OverlaySpec, type StatePatch } from './overlays.js';
import type { Session } from './session.js';
import type { Inbox } from './store.js';

/** What the server answered, enough for every tab to commit the change into server state. */
export interface CommitResult {
  seq: number;
  counts: Counts;
  notification?: Notification;
}

export interface MutationDeps {
  inbox: Inbox;
  queryClient: QueryClient;
  session: Session;
  tabId: string;
  onError(err: BelfryError): void;
  /** Cross-tab: tell other tabs about an optimistic change and how it ended. */
  broadcast(message: LocalMessage): void;
}

export type LocalMessage =
  | { type: 'apply'; key: string; spec: OverlaySpec; filterDelta?: FilterDeltaKind }
  | { type: 'commit'; key: string; spec: OverlaySpec; result: CommitResult }
  | { type: 'rollback'; key: string; spec: OverlaySpec };

/** Filter-wide operations whose count effect is known exactly from counts, not from loaded items. */
export type FilterDeltaKind = { op: 'allRead' | 'allSeen' | 'archiveRead'; filter: FeedFilter };

const idsOf = (spec: OverlaySpec, inbox: Inbox): string[] =>
  spec.kind === 'filter' ? inbox.baseIds(overlayFrom('probe', spec).matches) : spec.ids;

function exactDelta(inbox: Inbox, kind: FilterDeltaKind, known: CountsDelta): CountsDelta {
  const counts = inbox.store.getState().counts;
  const f = normalizeFilter(kind.filter);
  if (f.archived) return known; // archived items are not counted
  const scope = f.category === undefined ? counts : counts.categories?.[f.category];
  if (!scope) return known;
  const d: CountsDelta = { ...known, categories: { ...known.categories } };
  const cats = f.category === undefined ? Object.entries(counts.categories ?? {}) : [[f.category, scope] as const];
  if (kind.op === 'allRead' && f.read !== true) {
    d.unread = -scope.unread;
    for (const [k, b] of cats) d.categories[k] = { ...(d.categories[k] ?? { total: 0, unseen: 0 }), unread: -b.unread };
  } else if (kind.op === 'allSeen' && f.read !== true) {
    d.unseen = -scope.unseen;
    for (const [k, b] of cats) d.categories[k] = { ...(d.categories[k] ?? { total: 0, unread: 0 }), unseen: -b.unseen };
  } else if (kind.op === 'archiveRead') {
    d.total = -(scope.total - scope.unread);
    d.unread = 0;
    for (const [k, b] of cats) d.categories[k] = { ...(d.categories[k] ?? { unseen: 0 }), total: -(b.total - b.unread), unread: 0 };
  }
  return d;
}

/** Optimistic state changes, shared by the tab that made them and the tabs that hear about them. */
export function createLocalChanges(inbox: Inbox) {
  return {
    apply(key: string, spec: OverlaySpec, filterDelta?: FilterDeltaKind) {
      const ids = idsOf(spec, inbox);
      const pairs = inbox.addOverlay(overlayFrom(key, spec), ids);
      let delta = deltaBetween(pairs);
      if (filterDelta) delta = exactDelta(inbox, filterDelta, delta);
      inbox.applyCountsDelta(key, delta);
    },
    /** The server accepted: fold the change into server state at its seq, then drop the overlay. */
    commit(key: string, spec: OverlaySpec, result: CommitResult) {
      const ids = idsOf(spec, inbox);
      if (result.notification) inbox.writeItems([result.notification], result.seq);
      else if (spec.kind === 'remove') for (const id of spec.ids) inbox.removeItem(id, result.seq);
      else inbox.patchItems(ids, spec.patch, result.seq);
      inbox.counts.ack(key, result.seq);
      inbox.counts.setServer(result.counts, result.seq);
      inbox.removeOverlay(key, ids);
      inbox.publishCounts();
    },
    /** The server refused: undo exactly this change; other pending changes stay. */
    rollback(key: string, spec: OverlaySpec) {
      inbox.counts.drop(key);
      inbox.removeOverlay(key, idsOf(spec, inbox));
      inbox.publishCounts();
    },
  };
}

export type LocalChanges = ReturnType<typeof createLocalChanges>;

const toIds = (ids: string | string[]) => [...new Set(Array.isArray(ids) ? ids : [ids])];

export function createMutations(deps: MutationDeps) {
  const { inbox, queryClient, session, tabId } = deps;
  const local = createLocalChanges(inbox);
  let counter = 0;
  let destroyed = false;
  const nowIso = () => new Date().toISOString();

  /** Mutations not settled yet: destroy() must neither leave their callers hanging nor other tabs' overlays behind. */
  const pending = new Map<string, { spec: OverlaySpec; reject: (e: BelfryError) => void }>();

  function run(spec: OverlaySpec, send: () => Promise<CommitResult>, filterDelta?: FilterDeltaKind): Promise<void> {
    if (destroyed) return Promise.reject(new BelfryError('aborted', 'client destroyed'));
    const key = `${tabId}:${++counter}`;
    // Synchronously, before the request leaves: the UI shows the result at once.
    local.apply(key, spec, filterDelta);
    deps.broadcast(filterDelta ? { type: 'apply', key, spec, filterDelta } : { type: 'apply', key, spec });
    const mutation = queryClient.getMutationCache().build(queryClient, {
      mutationKey: ['belfry', spec.kind],
      // A mutation paused offline may be resumed after destroy(): it must not reach the server then.
      mutationFn: () => (destroyed ? Promise.reject(new BelfryError('aborted', 'client destroyed')) : send()),
      gcTime: 0,
    });
    return new Promise<void>((resolve, reject) => {
      pending.set(key, { spec, reject });
      mutation.execute(undefined).then(
        (result) => {
          if (!pending.delete(key)) return;
          local.commit(key, spec, result);
          deps.broadcast({ type: 'commit', key, spec, result });
          resolve();
        },
        (err: unknown) => {
          if (!pending.delete(key)) return;
          local.rollback(key, spec);
          deps.broadcast({ type: 'rollback', key, spec });
          const e = toBelfryError(err);
          if (!destroyed) deps.onError(e);
          reject(e);
        },
      );
    });
  }

  const patchOne = (id: string, patch: NotificationPatch) => async (): Promise<CommitResult> => {
    const res = await session.request<PatchResponse>('PATCH', `/v1/inbox/notifications/${encodeURIComponent(id)}`, { body: patch });
    return { seq: res.seq, counts: res.counts, notification: res.notification };
  };
  const bulk = (body: BulkRequest) => async (): Promise<CommitResult> => {
    const res = await session.request<BulkResponse>('POST', '/v1/inbox/notifications/bulk', { body });
    return { seq: res.seq, counts: res.counts };
  };

  /** read / seen / archived for ids: one PATCH for one id, one bulk request for several. */
  function flags(ids: string | string[], wire: Pick<NotificationPatch, 'read' | 'seen' | 'archived'>, patch: StatePatch) {
    const list = toIds(ids);
    if (list.length === 0) return Promise.resolve();
    const spec: OverlaySpec = { kind: 'ids', ids: list, patch };
    return run(spec, list.length === 1 ? patchOne(list[0]!, wire) : bulk({ ids: list, ...wire }));
  }

  // markSeen calls within one tick share one bulk request.
  interface SeenBatch {
    ids: Set<string>;
    waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }>;
  }
  let seenBatch: SeenBatch | null = null;

  function markSeen(ids: string | string[]): Promise<void> {
    const list = toIds(ids).filter((id) => {
      const n = inbox.displayed(id);
      return !n || n.seenAt === null;
    });
    if (list.length === 0) return Promise.resolve();
    const now = nowIso();
    // Each call's optimistic change is visible at once; the request waits for the end of the tick.
    if (!seenBatch) {
      const batch: SeenBatch = { ids: new Set<string>(), waiters: [] };
      seenBatch = batch;
      queueMicrotask(() => {
        seenBatch = null;
        const all = [...batch.ids];
        run({ kind: 'ids', ids: all, patch: { seenAt: now } }, bulk({ ids: all, seen: true })).then(
          () => batch.waiters.forEach((w) => w.resolve()),
          (e) => batch.waiters.forEach((w) => w.reject(e)),
        );
      });
    }
    const batch: SeenBatch = seenBatch!;
    for (const id of list) batch.ids.add(id);
    // Show seen immediately; the batch's own overlay replaces this one when it is built.
    const key = `${tabId}:seen:${++counter}`;
    local.apply(key, { kind: 'ids', ids: list, patch: { seenAt: now } });
    return new Promise<void>((resolve, reject) => {
      const drop = () => local.rollback(key, { kind: 'ids', ids: list, patch: { seenAt: now } });
      batch.waiters.push({
        resolve: () => {
          drop();
          resolve();
        },
        reject: (e) => {
          drop();
          reject(e);
        },
      });
    });
  }

  return {
    local,
    markRead: (ids: string | string[]) => flags(ids, { read: true }, { readAt: nowIso() }),
    markUnread: (ids: string | string[]) => flags(ids, { read: false }, { readAt: null }),
    markSeen,
    archive: (ids: string | string[]) => flags(ids, { archived: true }, { archivedAt: nowIso() }),
    unarchive: (ids: string | string[]) => flags(ids, { archived: false }, { archivedAt: null }),
    snooze(id: string, until: Date | string) {
      const iso = typeof until === 'string' ? new Date(until).toISOString() : until.toISOString();
      return run({ kind: 'ids', ids: [id], patch: { snoozedUntil: iso } }, patchOne(id, { snoozedUntil: iso }));
    },
    unsnooze: (id: string) => run({ kind: 'ids', ids: [id], patch: { snoozedUntil: null } }, patchOne(id, { snoozedUntil: null })),
    remove(id: string) {
      return run({ kind: 'remove', ids: [id] }, async () => {
        try {
          const res = await session.request<DeleteResponse>('DELETE', `/v1/inbox/notifications/${encodeURIComponent(id)}`);
          return { seq: res.seq, counts: res.counts };
        } catch (err) {
          // Already gone is what the user asked for.
          if (err instanceof BelfryError && err.status === 404) {
            const seq = Math.max(inbox.counts.seq, inbox.store.getState().connection.seq);
            return { seq, counts: inbox.counts.display() };
          }
          throw err;
        }
      });
    },
    markAllRead(filter: FeedFilter = {}) {
      const f = normalizeFilter(filter);
      return run({ kind: 'filter', filter: f, patch: { readAt: nowIso() } }, bulk({ filter: f, read: true }), { op: 'allRead', filter: f });
    },
    markAllSeen() {
      const f = normalizeFilter({});
      return run({ kind: 'filter', filter: f, patch: { seenAt: nowIso() } }, bulk({ filter: f, seen: true }), { op: 'allSeen', filter: f });
    },
    archiveAllRead() {
      const f = normalizeFilter({ read: true });
      return run({ kind: 'filter', filter: f, patch: { archivedAt: nowIso() } }, bulk({ filter: f, archived: true }), { op: 'archiveRead', filter: f });
    },
    destroy() {
      destroyed = true;
      // Other tabs drop our optimistic changes; what reached the server comes back through the seq stream.
      for (const [key, { spec, reject }] of pending) {
        deps.broadcast({ type: 'rollback', key, spec });
        reject(new BelfryError('aborted', 'client destroyed before the change was confirmed'));
      }
      pending.clear();
    },
  };
}

export type Mutations = ReturnType<typeof createMutations>;
