// The grouped feed view (`@belfry/core/grouped`): pages of groups from
// `?grouped=true`, kept exact by the group states that changes and responses carry, shown with the
// pending group actions and the items' optimistic state from the store.
import { InfiniteQueryObserver, type InfiniteData } from '@tanstack/query-core';
import type { Change, FeedFilter, GroupedListResponse, GroupState, Notification } from './api/types.js';
import { feedQueryKey, shapeError, type FeedViewDeps } from './feedView.js';
import { compareNotifications, filterKey, matchesFilter, normalizeFilter } from './filters.js';
import { shallowEqual } from './readable.js';
import type { GroupViewRecord, StoreState } from './store.js';
import type { GroupedFeedState, GroupRow } from './types.js';

/** What grouped views hear: group states at a seq (from a change or a response), and the change itself. */
export interface GroupEvent {
  seq: number;
  groups?: GroupState[] | undefined;
  change?: Change;
}

export interface GroupedViewDeps extends FeedViewDeps {
  listen(listener: (event: GroupEvent) => void): () => void;
}

export interface GroupedViewImpl {
  select(state: StoreState): GroupedFeedState;
  activate(): void;
  deactivate(): void;
  loadMore(): Promise<void>;
  refresh(): Promise<void>;
}

export const IDLE_GROUPED: GroupedFeedState = { groups: [], hasMore: false, status: 'idle', loadingMore: false, error: null };

const rowKey = (groupKey: string | null | undefined, id: string) => (groupKey == null ? `n:${id}` : `g:${groupKey}`);

const single = (n: Notification): GroupRow => ({
  key: rowKey(null, n.id),
  groupKey: null,
  latest: n,
  count: 1,
  unreadCount: n.readAt === null ? 1 : 0,
  unseenCount: n.seenAt === null ? 1 : 0,
  actors: n.actor ? [n.actor] : [],
  actorCount: n.actor ? 1 : 0,
});

type Entry = [key: string, row: GroupRow | null, seq: number];

export function createGroupedView(rawFilter: FeedFilter, deps: GroupedViewDeps): GroupedViewImpl {
  const { inbox, queryClient, session, pageSize } = deps;
  const filter = normalizeFilter(rawFilter);
  const key = `groups:${filterKey(filter)}`;
  // Group states in changes describe the inbox (visible, non-archived): an archive view refetches.
  const live = !filter.archived;
  const record = (): GroupViewRecord | undefined => inbox.store.getState().groupViews?.[key];

  function write(patch: Partial<GroupViewRecord>) {
    const s = inbox.store.getState();
    const cur = s.groupViews?.[key] ?? { rows: {}, loaded: false, hasMore: false, status: 'idle', loadingMore: false, error: null };
    if ((Object.keys(patch) as Array<keyof GroupViewRecord>).every((k) => cur[k] === patch[k])) return;
    inbox.store.setState({ groupViews: { ...s.groupViews, [key]: { ...cur, ...patch } } });
  }
  write({});

  /** Newer data wins per row; a row new to the view joins only where loaded pages reach. */
  function merge(entries: Entry[], fromPage: boolean, reset = false) {
    const rec = record()!;
    const rows = reset ? {} : { ...rec.rows };
    const oldest = Object.values(rows).reduce<Notification | null>((o, { row }) => (!o || compareNotifications(row.latest, o) > 0 ? row.latest : o), null);
    for (const [k, row, seq] of entries) {
      const cur = rows[k];
      if (cur && cur.seq > seq) continue;
      if (!row) delete rows[k];
      else if (cur || fromPage || (rec.loaded && (!rec.hasMore || (oldest && compareNotifications(row.latest, oldest) < 0)))) rows[k] = { row, seq };
    }
    write({ rows });
  }

  function onEvent(e: GroupEvent) {
    const c = e.change;
    if (!live) {
      if (e.groups || c) void refresh().catch(() => {});
      return;
    }
    const entries: Entry[] = [];
    if (c?.type === 'deleted') entries.push([rowKey(null, c.id), null, e.seq]);
    if ((c?.type === 'created' || c?.type === 'updated') && c.notification.groupKey == null) entries.push([rowKey(null, c.notification.id), single(c.notification), e.seq]);
    for (const g of e.groups ?? []) {
      if (g.latest) inbox.writeItems([g.latest], e.seq);
      entries.push([rowKey(g.groupKey, ''), g.latest ? { ...g, latest: g.latest, key: rowKey(g.groupKey, '') } : null, e.seq]);
    }
    if (entries.length > 0) merge(entries, false);
  }

  // ---- pages ------------------------------------------------------------------------------------
  const merged = new WeakSet<GroupedListResponse>();
  let observer: InfiniteQueryObserver<GroupedListResponse, unknown, InfiniteData<GroupedListResponse, string | null>, readonly unknown[], string | null> | null = null;
  let unsubscribe: (() => void) | null = null;
  let unlisten: (() => void) | null = null;

  function sync() {
    const result = observer?.getCurrentResult();
    if (!result) return;
    const pages = result.data?.pages ?? [];
    const fresh = pages.filter((p) => !merged.has(p));
    if (fresh.length > 0) {
      const reset = !merged.has(pages[0]!);
      const minSeq = Math.min(...fresh.map((p) => p.seq));
      // A reset keeps rows learned live after the pages were read.
      const kept: Entry[] = reset ? Object.entries(record()!.rows).flatMap(([k, r]) => (r.seq > minSeq ? [[k, r.row, r.seq] as Entry] : [])) : [];
      const entries: Entry[] = [];
      for (const p of reset ? pages : fresh) {
        inbox.writeItems(p.groups.map((g) => g.latest), p.seq);
        for (const g of p.groups) {
          const k = rowKey(g.groupKey, g.latest.id);
          entries.push([k, { ...g, key: k }, p.seq]);
        }
        merged.add(p);
      }
      write({ loaded: true, hasMore: pages[pages.length - 1]?.nextCursor != null });
      merge([...entries, ...kept], true, reset);
      deps.onPageSeq(minSeq);
    }
    const error = result.isError ? shapeError(result.error) : null;
    if (error && fresh.length === 0 && !record()!.error) deps.onError(error);
    write({
      status: result.isPending ? (result.fetchStatus === 'idle' && !result.isError ? 'idle' : 'loading') : result.isError && !result.data ? 'error' : 'success',
      loadingMore: result.isFetchingNextPage,
      error,
    });
  }

  function ensureObserver() {
    if (observer) return observer;
    observer = new InfiniteQueryObserver(queryClient, {
      queryKey: feedQueryKey(key),
      queryFn: ({ pageParam, signal }: { pageParam: string | null; signal: AbortSignal }) =>
        session.request<GroupedListResponse>('GET', '/v1/inbox/notifications', {
          query: { ...filter, grouped: true, limit: pageSize, cursor: pageParam ?? undefined },
          signal,
        }),
      initialPageParam: null as string | null,
      getNextPageParam: (last: GroupedListResponse) => last.nextCursor ?? undefined,
    } as never);
    unsubscribe = observer.subscribe(sync);
    sync();
    return observer;
  }

  function stop() {
    unsubscribe?.();
    unsubscribe = null;
    observer = null;
  }

  async function withObserver(run: (o: NonNullable<typeof observer>) => Promise<unknown>) {
    const temporary = !observer;
    try {
      await run(ensureObserver());
      sync();
    } finally {
      if (temporary) stop();
    }
  }

  const refresh = () => withObserver((o) => o.refetch());

  // ---- what the UI sees -------------------------------------------------------------------------
  let shown = new Map<string, GroupRow>();

  function display(s: StoreState, row: GroupRow, now: number): GroupRow | null {
    const latest = s.notifications[row.latest.id];
    if (row.groupKey === null) return latest && matchesFilter(latest, filter, now) ? single(latest) : null;
    let g: GroupRow = latest ? { ...row, latest } : row;
    for (const op of Object.values(s.groupOps ?? {})) {
      if (op.groupKey !== row.groupKey) continue;
      if (op.patch.readAt) g = { ...g, unreadCount: 0 };
      if (op.patch.seenAt) g = { ...g, unseenCount: 0 };
      if (op.patch.archivedAt !== undefined && (op.patch.archivedAt !== null) !== filter.archived) return null;
    }
    if (filter.read !== undefined && (filter.read ? g.count > g.unreadCount : g.unreadCount > 0) === false) return null;
    return filter.category === undefined || g.latest.category === filter.category ? g : null;
  }

  return {
    select(s) {
      const rec = s.groupViews?.[key];
      if (!rec) return IDLE_GROUPED;
      const now = Date.now();
      const next = new Map<string, GroupRow>();
      for (const [k, { row }] of Object.entries(rec.rows)) {
        const g = display(s, row, now);
        if (!g) continue;
        const prev = shown.get(k);
        next.set(k, prev && shallowEqual(prev, g) ? prev : g);
      }
      shown = next;
      const groups = [...next.values()].sort((a, b) => compareNotifications(a.latest, b.latest));
      return { groups, hasMore: rec.hasMore, status: rec.status, loadingMore: rec.loadingMore, error: rec.error };
    },
    activate() {
      unlisten ??= deps.listen(onEvent);
      ensureObserver();
    },
    deactivate() {
      unlisten?.();
      unlisten = null;
      stop();
    },
    loadMore: () =>
      withObserver(async (o) => {
        const current = o.getCurrentResult();
        if (!current.data) await o.refetch();
        else if (current.hasNextPage) await o.fetchNextPage();
      }),
    refresh,
  };
}
