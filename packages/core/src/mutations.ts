import type { QueryClient } from '@tanstack/query-core';
import type { BulkRequest, BulkResponse, Counts, CountsBucket, DeleteResponse, FeedFilter, GroupState, Notification, NotificationPatch, PatchResponse } from './api/types.js';
import type { GroupRow } from './types.js';
import { deltaBetween, zeroBucket, type CountsDelta } from './counts.js';
import { BelfryError, toBelfryError } from './errors.js';
import { normalizeFilter } from './filters.js';
import { runMutation } from './queries.js';
import { overlayFrom, type OverlaySpec, type StatePatch } from './overlays.js';
import type { Session } from './session.js';
import type { Inbox } from './store.js';

/** What the server answered, enough for every tab to commit the change into server state. */
export interface CommitResult {
  seq: number;
  counts: Counts;
  notification?: Notification;
  /** The groups the change touched, as the server answered (grouped views take them at seq). */
  groups?: GroupState[];
}

/** Group states reached the client (from a change or a response) at seq. */
export type GroupsListener = (groups: GroupState[], seq: number) => void;

export interface MutationDeps {
  inbox: Inbox;
  queryClient: QueryClient;
  session: Session;
  tabId: string;
  onError(err: BelfryError): void;
  /** Cross-tab: tell other tabs about an optimistic change and how it ended. */
  broadcast(message: LocalMessage): void;
  onGroups?: GroupsListener;
}

export type LocalMessage =
  | { type: 'apply'; key: string; spec: OverlaySpec; filterDelta?: FilterDeltaKind }
  | { type: 'commit'; key: string; spec: OverlaySpec; result: CommitResult }
  | { type: 'rollback'; key: string; spec: OverlaySpec };

/** Filter-wide operations whose count effect is known exactly from counts, not from loaded items. */
export type FilterDeltaKind = { op: 'allRead' | 'allSeen' | 'archiveRead'; filter: FeedFilter };

const idsOf = (spec: OverlaySpec, inbox: Inbox): string[] => ('ids' in spec ? spec.ids : inbox.baseIds(overlayFrom('probe', spec).matches));

/** Pending group actions, in the store so grouped views show them; no spec: the action settled. */
function setGroupOp(inbox: Inbox, key: string, spec?: Extract<OverlaySpec, { kind: 'group' }>) {
  const groupOps = inbox.store.getState().groupOps;
  if (!spec && !groupOps?.[key]) return;
  const next = { ...groupOps };
  if (spec) next[key] = spec;
  else delete next[key];
  inbox.store.setState({ groupOps: next });
}

/** What a filter-wide operation does to one counts bucket (the whole inbox or a category). */
const opEffect: Record<FilterDeltaKind['op'], (b: CountsBucket) => Partial<CountsBucket>> = {
  allRead: (b) => ({ unread: -b.unread }),
  allSeen: (b) => ({ unseen: -b.unseen }),
  // Archiving read items takes them out of the total; unread ones stay.
  archiveRead: (b) => ({ total: b.unread - b.total, unread: 0 }),
};

function exactDelta(inbox: Inbox, kind: FilterDeltaKind, known: CountsDelta): CountsDelta {
  const counts = inbox.store.getState().counts;
  // Normalised by the operation that made it.
  const f = kind.filter;
  const scope = f.category === undefined ? counts : counts.categories?.[f.category];
  // Archived items are not counted; a read-only filter has nothing left to mark read or seen.
  if (f.archived || !scope || (f.read && kind.op !== 'archiveRead')) return known;
  const effect = opEffect[kind.op];
  const d: CountsDelta = { ...known, ...effect(scope), categories: { ...known.categories } };
  const cats = f.category === undefined ? Object.entries(counts.categories ?? {}) : [[f.category, scope] as const];
  for (const [k, b] of cats) d.categories[k] = { ...zeroBucket(), ...d.categories[k], ...effect(b) };
  return d;
}

/** Optimistic state changes, shared by the tab that made them and the tabs that hear about them. */
export function createLocalChanges(inbox: Inbox, onGroups?: GroupsListener) {
  /** The overlay leaves once counts hold the change (committed) or lost it (rolled back). */
  function settled(key: string, ids: string[]) {
    inbox.removeOverlay(key, ids);
    setGroupOp(inbox, key);
    inbox.publishCounts();
  }

  return {
    apply(key: string, spec: OverlaySpec, filterDelta?: FilterDeltaKind) {
      const ids = idsOf(spec, inbox);
      const pairs = inbox.addOverlay(overlayFrom(key, spec), ids);
      if (spec.kind === 'group') setGroupOp(inbox, key, spec);
      // A group's figures count members not loaded here too.
      let delta = spec.kind === 'group' ? spec.delta : deltaBetween(pairs);
      if (filterDelta) delta = exactDelta(inbox, filterDelta, delta);
      inbox.applyCountsDelta(key, delta);
    },
    /** The server accepted: fold the change into server state at its seq, then drop the overlay. */
    commit(key: string, spec: OverlaySpec, result: CommitResult) {
      const ids = idsOf(spec, inbox);
      if (result.notification) inbox.writeItems([result.notification], result.seq);
      else if (spec.kind === 'remove') for (const id of ids) inbox.removeItem(id, result.seq);
      else inbox.patchItems(ids, spec.patch, result.seq);
      if (result.groups) onGroups?.(result.groups, result.seq);
      inbox.counts.ack(key, result.seq);
      inbox.counts.setServer(result.counts, result.seq);
      settled(key, ids);
    },
    /** The server refused: undo exactly this change; other pending changes stay. */
    rollback(key: string, spec: OverlaySpec) {
      inbox.counts.drop(key);
      settled(key, idsOf(spec, inbox));
    },
  };
}

export type LocalChanges = ReturnType<typeof createLocalChanges>;

const toIds = (ids: string | string[]) => [...new Set([ids].flat())];

/** The flags a user toggles, as the wire names them. */
type Flags = Pick<NotificationPatch, 'read' | 'seen' | 'archived'>;

const notificationPath = (id: string) => `/v1/inbox/notifications/${encodeURIComponent(id)}`;

export function createMutations(deps: MutationDeps) {
  const { inbox, queryClient, session, tabId } = deps;
  const local = createLocalChanges(inbox, deps.onGroups);
  let counter = 0;
  let destroyed = false;
  const nowIso = () => new Date().toISOString();
  const aborted = () => new BelfryError('aborted', 'client destroyed');

  /** Mutations not settled yet: destroy() must neither leave their callers hanging nor other tabs' overlays behind. */
  const pending = new Map<string, { spec: OverlaySpec; reject: (e: BelfryError) => void }>();

  function run(spec: OverlaySpec, send: () => Promise<CommitResult>, filterDelta?: FilterDeltaKind): Promise<void> {
    if (destroyed) return Promise.reject(aborted());
    const key = `${tabId}:${++counter}`;
    // Synchronously, before the request leaves: the UI shows the result at once.
    local.apply(key, spec, filterDelta);
    deps.broadcast({ type: 'apply', key, spec, filterDelta });
    return new Promise<void>((resolve, reject) => {
      pending.set(key, { spec, reject });
      runMutation(queryClient, {
        // A mutation paused offline may be resumed after destroy(): it must not reach the server then.
        mutationFn: () => (destroyed ? Promise.reject(aborted()) : send()),
      }).then(
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
          // Pending only while alive: destroy() empties the map.
          const e = toBelfryError(err);
          deps.onError(e);
          reject(e);
        },
      );
    });
  }

  // The responses carry what CommitResult needs: seq, counts and, for one item, the item itself.
  const patchOne = (id: string, body: NotificationPatch) => () => session.request<PatchResponse>('PATCH', notificationPath(id), { body });
  const bulk = (body: BulkRequest) => () => session.request<BulkResponse>('POST', '/v1/inbox/notifications/bulk', { body });

  /** What the flags do to the item, as the server will: read → readAt (now or null), likewise seen and archived. */
  function patchOf(wire: Flags): StatePatch {
    const now = nowIso();
    const patch: Record<string, string | null> = {};
    for (const [flag, on] of Object.entries(wire)) patch[`${flag}At`] = on ? now : null;
    return patch;
  }

  /** read / seen / archived for ids: one PATCH for one id, one bulk request for several. */
  function flags(ids: string | string[], wire: Flags) {
    const patch = patchOf(wire);
    const list = toIds(ids);
    if (list.length === 0) return Promise.resolve();
    return run({ kind: 'ids', ids: list, patch }, list.length === 1 ? patchOne(list[0]!, wire) : bulk({ ids: list, ...wire }));
  }

  /** A filter-wide flag change: one bulk request, counts moved exactly (see exactDelta). */
  function all(filter: FeedFilter, op: FilterDeltaKind['op'], wire: Flags) {
    const f = normalizeFilter(filter);
    return run({ kind: 'filter', filter: f, patch: patchOf(wire) }, bulk({ filter: f, ...wire }), { op, filter: f });
  }

  /** read / archived for a whole group (a group of one is its item); counts move by the group's figures. */
  function group(g: GroupRow, wire: Flags) {
    if (g.groupKey === null) return flags(g.latest.id, wire);
    // Marking read moves only unread; archiving takes the group out of every figure.
    const bucket: CountsBucket = { total: wire.read ? 0 : -g.count, unread: -g.unreadCount, unseen: wire.read ? 0 : -g.unseenCount };
    const delta = { ...bucket, categories: { [g.latest.category]: bucket } };
    return run({ kind: 'group', groupKey: g.groupKey, filter: {}, patch: patchOf(wire), delta }, bulk({ groupKey: g.groupKey, ...wire }));
  }

  const snoozed = (id: string, snoozedUntil: string | null) =>
    run({ kind: 'ids', ids: [id], patch: { snoozedUntil } }, patchOne(id, { snoozedUntil }));

  // markSeen calls within one tick share one bulk request.
  let seenBatch: { ids: Set<string>; done: Promise<void> } | null = null;

  function markSeen(ids: string | string[]): Promise<void> {
    // Those not shown as seen (unknown ones included).
    const list = toIds(ids).filter((id) => !inbox.displayed(id)?.seenAt);
    if (list.length === 0) return Promise.resolve();
    const now = nowIso();
    // Each call's optimistic change is visible at once; the request waits for the end of the tick.
    if (!seenBatch) {
      const batchIds = new Set<string>();
      seenBatch = {
        ids: batchIds,
        done: Promise.resolve().then(() => {
          seenBatch = null;
          const all = [...batchIds];
          return run({ kind: 'ids', ids: all, patch: { seenAt: now } }, bulk({ ids: all, seen: true }));
        }),
      };
    }
    for (const id of list) seenBatch.ids.add(id);
    // Show seen immediately; the batch's own overlay replaces this one when it is built.
    const key = `${tabId}:seen:${++counter}`;
    const spec: OverlaySpec = { kind: 'ids', ids: list, patch: { seenAt: now } };
    local.apply(key, spec);
    return seenBatch.done.finally(() => local.rollback(key, spec));
  }

  return {
    local,
    /** The client's public mutation methods, as they are. */
    actions: {
      markRead: (ids: string | string[]) => flags(ids, { read: true }),
      markUnread: (ids: string | string[]) => flags(ids, { read: false }),
      markSeen,
      archive: (ids: string | string[]) => flags(ids, { archived: true }),
      unarchive: (ids: string | string[]) => flags(ids, { archived: false }),
      /** The user clicked the item, or one of its actions: marks it read and clicked in one request. */
      markClicked: (id: string, actionId?: string) => {
        const now = nowIso();
        // An undefined action is left out of the JSON body.
        return run({ kind: 'ids', ids: [id], patch: { readAt: now, clickedAt: now } }, patchOne(id, { clicked: true, read: true, action: actionId }));
      },
      snooze: (id: string, until: Date | string) => snoozed(id, new Date(until).toISOString()),
      unsnooze: (id: string) => snoozed(id, null),
      remove: (id: string) =>
        run({ kind: 'remove', ids: [id] }, () =>
          session.request<DeleteResponse>('DELETE', notificationPath(id)).catch((err: unknown) => {
            // Already gone is what the user asked for.
            if (!(err instanceof BelfryError) || err.status !== 404) throw err;
            return { seq: Math.max(inbox.counts.seq, inbox.store.getState().connection.seq), counts: inbox.counts.display() };
          }),
        ),
      markAllRead: (filter: FeedFilter = {}) => all(filter, 'allRead', { read: true }),
      markAllSeen: () => all({}, 'allSeen', { seen: true }),
      archiveAllRead: () => all({ read: true }, 'archiveRead', { archived: true }),
      markGroupRead: (g: GroupRow) => group(g, { read: true }),
      archiveGroup: (g: GroupRow) => group(g, { archived: true }),
    },
    destroy() {
      destroyed = true;
      // Other tabs drop our optimistic changes; what reached the server comes back through the seq stream.
      for (const [key, { spec, reject }] of pending) {
        deps.broadcast({ type: 'rollback', key, spec });
        reject(aborted());
      }
      pending.clear();
    },
  };
}

export type Mutations = ReturnType<typeof createMutations>;
