import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FeedFilter, Notification } from './api/types.js';
import { countsEqual, createCountsModel, zeroBucket, type CountsDelta } from './counts.js';
import { compareNotifications, matchesFilter } from './filters.js';
import { applyPatch, type Overlay, type OverlaySpec, type StatePatch } from './overlays.js';
import { shallowEqual } from './readable.js';
import type { BelfryErrorShape, ConnectionState, CountsState, GroupRow, PreferencesState, Status } from './types.js';

/** One feed view as the store holds it: ordered ids (server order) and paging state. */
export interface ViewRecord {
  key: string;
  filter: FeedFilter;
  ids: string[];
  /** The first page has arrived: only then may live items be placed in the view. */
  loaded: boolean;
  hasMore: boolean;
  status: Status;
  loadingMore: boolean;
  error: BelfryErrorShape | null;
  newCount: number;
}

/** Everything bindings read. Written only through the Inbox functions below. */
export interface StoreState {
  notifications: Record<string, Notification>;
  views: Record<string, ViewRecord>;
  counts: CountsState;
  preferences: PreferencesState;
  connection: ConnectionState;
  /** Grouped feed views by filter key (written by the grouped view chunk). */
  groupViews?: Record<string, GroupViewRecord>;
  /** Pending group actions by mutation key. */
  groupOps?: Record<string, Extract<OverlaySpec, { kind: 'group' }>>;
}

/** A grouped view's rows as the server (pages, changes) last told them, each with the seq it was read at. */
export interface GroupViewRecord {
  rows: Record<string, { row: GroupRow; seq: number }>;
  loaded: boolean;
  hasMore: boolean;
  status: Status;
  loadingMore: boolean;
  error: BelfryErrorShape | null;
}

/** Ids in server order. Sorting an already sorted list with one id added is linear. */
const sortIds = (ids: string[], items: Record<string, Notification>) => ids.sort((a, b) => compareNotifications(items[a]!, items[b]!));

/** Some key of the patch holds another value than in cur. */
const differs = <T extends object>(cur: T, patch: Partial<T>) => (Object.keys(patch) as Array<keyof T>).some((k) => cur[k] !== patch[k]);

/**
 * The normalised inbox: server truth per item (with the seq it was read at, so stale pages or
 * replays never overwrite newer data), deletion tombstones, and optimistic overlays. Every write
 * recomputes what the UI sees for the touched ids: the item, its membership in every view (one
 * predicate per filter), and counts.
 */
export function createInbox() {
  const store: StoreApi<StoreState> = createStore<StoreState>(() => ({
    notifications: {},
    views: {},
    counts: { ...zeroBucket(), status: 'idle' },
    preferences: { preferences: null, status: 'idle', error: null },
    connection: { status: 'idle', seq: 0, leader: false, error: null },
  }));
  const base = new Map<string, Notification>();
  const seqOf = new Map<string, number>();
  const tombstones = new Map<string, number>();
  /** Bulk patches for items not loaded yet: a page read before the patch must not undo it. */
  const deferred = new Map<string, Array<{ seq: number; patch: StatePatch }>>();
  const overlays: Overlay[] = [];
  const counts = createCountsModel();

  function displayed(id: string): Notification | null {
    let n: Notification | null = base.get(id) ?? null;
    for (const o of overlays) if (n && o.matches(n)) n = o.apply(n);
    return n;
  }

  /** A live item joins a loaded view, unless it sorts past the last loaded item: the page not fetched yet brings it. */
  function inRange(view: ViewRecord, n: Notification, items: Record<string, Notification>): boolean {
    const lastId = view.ids.at(-1);
    const last = lastId === undefined ? undefined : items[lastId];
    return view.loaded && (!view.hasMore || (!!last && compareNotifications(n, last) < 0));
  }

  /** Recomputes the visible state of `ids`. `created` marks ids that just arrived live (newCount). */
  function reconcile(ids: Iterable<string>, created?: Set<string>) {
    const state = store.getState();
    let items = state.notifications;
    let views = state.views;
    const now = Date.now();
    for (const id of ids) {
      const d = displayed(id);
      const prev = items[id];
      if (d ? !prev || !shallowEqual(prev, d) : prev) {
        if (items === state.notifications) items = { ...items };
        if (d) items[id] = d;
        else delete items[id];
      }
      const cur = items[id];
      for (const [key, view] of Object.entries(views)) {
        const has = view.ids.includes(id);
        const want = !!cur && matchesFilter(cur, view.filter, now) && (has || inRange(view, cur, items));
        // The sort key never changes, so a kept item keeps its position.
        if (want === has) continue;
        const ids = want ? sortIds([...view.ids, id], items) : view.ids.filter((x) => x !== id);
        if (views === state.views) views = { ...views };
        views[key] = { ...view, ids, newCount: view.newCount + (want && created?.has(id) ? 1 : 0) };
      }
    }
    if (items !== state.notifications || views !== state.views) store.setState({ notifications: items, views });
  }

  const setView = (view: ViewRecord) => store.setState({ views: { ...store.getState().views, [view.key]: view } });

  function publishCounts(status?: Status) {
    const c = counts.display();
    const prev = store.getState().counts;
    const nextStatus = status ?? prev.status;
    if (nextStatus === prev.status && countsEqual(prev, c)) return;
    store.setState({ counts: { ...c, status: nextStatus } });
  }

  return {
    store,
    counts,
    displayed,
    /** Server state of items read at `seq`; ignored per item when we already hold newer data. */
    writeItems(list: Notification[], seq: number, created?: Set<string>) {
      const touched: string[] = [];
      for (const n of list) {
        // Seqs start at 0, so -1 stands for "none".
        if ((tombstones.get(n.id) ?? -1) >= seq || (seqOf.get(n.id) ?? -1) > seq) continue;
        let item = n;
        let at = seq;
        for (const later of deferred.get(n.id) ?? []) {
          if (later.seq > at) {
            item = applyPatch(item, later.patch);
            at = later.seq;
          }
        }
        deferred.delete(n.id);
        base.set(n.id, item);
        seqOf.set(n.id, at);
        touched.push(n.id);
      }
      reconcile(touched, created);
    },
    removeItem(id: string, seq: number) {
      tombstones.set(id, Math.max(seq, tombstones.get(id) ?? -1));
      for (const map of [base, seqOf, deferred]) map.delete(id);
      reconcile([id]);
    },
    /** A field patch to known items (bulk changes), applied where our data is older than `seq`. */
    patchItems(ids: string[], patch: StatePatch, seq: number) {
      const touched: string[] = [];
      for (const id of ids) {
        const n = base.get(id);
        if (!n) {
          deferred.set(id, [...(deferred.get(id) ?? []), { seq, patch }]);
          continue;
        }
        if ((seqOf.get(id) ?? -1) >= seq) continue;
        base.set(id, applyPatch(n, patch));
        seqOf.set(id, seq);
        touched.push(id);
      }
      reconcile(touched);
    },
    /** Server items matching a predicate (for filter-wide bulk operations). */
    baseIds(match: (n: Notification) => boolean): string[] {
      return [...base.values()].filter(match).map((n) => n.id);
    },
    addOverlay(o: Overlay, ids: string[]): Array<[Notification | null, Notification | null]> {
      const before = ids.map(displayed);
      overlays.push(o);
      const after = ids.map(displayed);
      reconcile(ids);
      return before.map((b, i) => [b, after[i]!]);
    },
    removeOverlay(key: string, ids: string[]) {
      const i = overlays.findIndex((o) => o.key === key);
      if (i >= 0) overlays.splice(i, 1);
      reconcile(ids);
    },
    ensureView(key: string, filter: FeedFilter) {
      if (!store.getState().views[key]) {
        setView({ key, filter, ids: [], loaded: false, hasMore: false, status: 'idle', loadingMore: false, error: null, newCount: 0 });
      }
    },
    updateView(key: string, patch: Partial<ViewRecord>) {
      const view = store.getState().views[key];
      if (view && differs(view, patch)) setView({ ...view, ...patch });
    },
    /**
     * Merges fetched pages into a view. `reset` (a refetch of the whole list) rebuilds membership from
     * the pages, keeping only items we learned about after the pages were read or that are optimistic.
     */
    mergePages(key: string, pages: Array<{ items: Notification[]; seq: number }>, opts: { reset: boolean; hasMore: boolean }) {
      const pageIds = new Set<string>();
      let minSeq = Infinity;
      for (const p of pages) {
        minSeq = Math.min(minSeq, p.seq);
        for (const n of p.items) pageIds.add(n.id);
        this.writeItems(p.items, p.seq);
      }
      const state = store.getState();
      const view = state.views[key];
      if (!view) return;
      const items = state.notifications;
      const now = Date.now();
      const candidates = new Set<string>(pageIds);
      for (const id of view.ids) {
        // Optimistic items stay through a reset.
        const n = base.get(id);
        if (!opts.reset || (n && overlays.some((o) => o.matches(n)))) candidates.add(id);
      }
      if (opts.reset) {
        // Items we learned about after these pages were read (live changes that overtook the
        // request) belong in the view too, if they match.
        for (const [id, seq] of seqOf) if (seq > minSeq) candidates.add(id);
      }
      let ids = sortIds(
        [...candidates].filter((id) => {
          const n = items[id];
          return !!n && matchesFilter(n, view.filter, now);
        }),
        items,
      );
      if (opts.hasMore) {
        // Items past the last fetched page item wait for their own page.
        let lastPage: Notification | undefined;
        for (const p of pages) for (const n of p.items) if (items[n.id] && (!lastPage || compareNotifications(n, lastPage) > 0)) lastPage = n;
        if (lastPage) {
          const edge = lastPage;
          ids = ids.filter((id) => pageIds.has(id) || compareNotifications(items[id]!, edge) < 0);
        }
      }
      const newCount = opts.reset ? 0 : view.newCount;
      setView({ ...view, ids, loaded: true, hasMore: opts.hasMore, newCount });
    },
    /** Publishes the counts model into the store. */
    publishCounts,
    applyCountsDelta(key: string, delta: CountsDelta) {
      counts.addPending(key, delta);
      publishCounts();
    },
    setConnection(patch: Partial<ConnectionState>) {
      const cur = store.getState().connection;
      if (!differs(cur, patch)) return false;
      store.setState({ connection: { ...cur, ...patch } });
      return true;
    },
    /** Forget everything about items (after 410 seq_expired: the views refetch from scratch). */
    resetItems() {
      for (const map of [base, seqOf, tombstones, deferred]) map.clear();
      const views: Record<string, ViewRecord> = {};
      for (const [k, v] of Object.entries(store.getState().views)) views[k] = { ...v, ids: [], loaded: false, hasMore: false };
      store.setState({ notifications: {}, views });
    },
  };
}

export type Inbox = ReturnType<typeof createInbox>;
