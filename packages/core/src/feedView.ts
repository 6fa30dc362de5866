import { InfiniteQueryObserver, type InfiniteData, type QueryClient } from '@tanstack/query-core';
import type { FeedFilter, ListResponse } from './api/types.js';
import { toBelfryError } from './errors.js';
import { filterKey, normalizeFilter } from './filters.js';
import { derivedReadable } from './readable.js';
import type { Session } from './session.js';
import type { Inbox } from './store.js';
import type { BelfryErrorShape, FeedState, FeedView } from './types.js';

export interface FeedViewDeps {
  inbox: Inbox;
  queryClient: QueryClient;
  session: Session;
  pageSize: number;
  /** Resource refcount: views count as subscribers of the client. */
  retain(): void;
  release(): void;
  onError(error: BelfryErrorShape): void;
  /** A page was read at this seq (the realtime stream may start there). */
  onPageSeq(seq: number): void;
}

export const shapeError = (err: unknown): BelfryErrorShape => {
  const e = toBelfryError(err);
  const out: BelfryErrorShape = { name: 'BelfryError', code: e.code, message: e.message };
  if (e.status !== undefined) out.status = e.status;
  return out;
};

export const feedQueryKey = (key: string) => ['belfry', 'feed', key] as const;

/**
 * A feed view: query-core's InfiniteQueryObserver fetches its pages (dedupe, retry, refetch on
 * focus/online); each page result is merged by id into the store, which is what getState() reads.
 */
export function createFeedView(rawFilter: FeedFilter, deps: FeedViewDeps): FeedView {
  const { inbox, queryClient, session, pageSize } = deps;
  const filter = Object.freeze(normalizeFilter(rawFilter));
  const key = filterKey(filter);
  inbox.ensureView(key, filter);

  const merged = new WeakSet<ListResponse>();
  let observer: InfiniteQueryObserver<ListResponse, unknown, InfiniteData<ListResponse, string | null>, readonly unknown[], string | null> | null = null;
  let unsubscribeObserver: (() => void) | null = null;
  let lastError: unknown = null;

  const options = {
    queryKey: feedQueryKey(key),
    queryFn: ({ pageParam, signal }: { pageParam: string | null; signal: AbortSignal }) =>
      session.request<ListResponse>('GET', '/v1/inbox/notifications', {
        // The filter is normalised: archived, read and category, each only when set (the transport stringifies).
        query: { ...filter, limit: pageSize, cursor: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last: ListResponse) => last.nextCursor ?? undefined,
  };

  function sync() {
    if (!observer) return;
    const result = observer.getCurrentResult();
    const pages = result.data?.pages ?? [];
    // After a reset (410) the store holds nothing, but a refetch that answers what was already merged
    // keeps the same page objects (query-core's structural sharing): merge every page again.
    const emptied = pages.length > 0 && inbox.store.getState().views[key]?.loaded === false;
    const fresh = emptied ? pages : pages.filter((p) => !merged.has(p));
    if (fresh.length > 0) {
      const reset = emptied || !merged.has(pages[0]!);
      inbox.mergePages(key, reset ? pages : fresh, { reset, hasMore: pages.at(-1)?.nextCursor != null });
      for (const p of pages) merged.add(p);
      deps.onPageSeq(Math.min(...fresh.map((p) => p.seq)));
    }
    const error = result.isError ? shapeError(result.error) : null;
    if (error && result.error !== lastError) deps.onError(error);
    lastError = result.error;
    inbox.updateView(key, {
      // Pending and error exclude each other; a failed next page is an error of the whole result too.
      status: result.isPending ? (result.fetchStatus === 'idle' ? 'idle' : 'loading') : result.isError && !result.data ? 'error' : 'success',
      loadingMore: result.isFetchingNextPage,
      error,
    });
  }

  function ensureObserver() {
    if (observer) return observer;
    observer = new InfiniteQueryObserver(queryClient, options as never);
    unsubscribeObserver = observer.subscribe(sync);
    sync();
    return observer;
  }

  function dropObserver() {
    unsubscribeObserver?.();
    unsubscribeObserver = null;
    observer = null;
  }

  const readable = derivedReadable(
    inbox.store,
    (s): FeedState => {
      const v = s.views[key]!;
      return {
        items: v.ids.map((id) => s.notifications[id]!).filter(Boolean),
        hasMore: v.hasMore,
        status: v.status,
        loadingMore: v.loadingMore,
        error: v.error,
        newCount: v.newCount,
      };
    },
    {
      onActive: () => {
        deps.retain();
        ensureObserver();
      },
      onIdle: () => {
        dropObserver();
        deps.release();
      },
    },
  );

  async function withObserver(run: (o: NonNullable<typeof observer>) => Promise<unknown>) {
    // Works without subscribers too (e.g. a script awaiting loadMore()): a temporary observer.
    const temporary = !observer;
    const o = ensureObserver();
    try {
      await run(o);
      sync();
    } finally {
      if (temporary) dropObserver();
    }
  }

  return {
    filter,
    getState: readable.getState,
    subscribe: readable.subscribe,
    loadMore: () =>
      withObserver(async (o) => {
        const current = o.getCurrentResult();
        if (!current.data) await o.refetch();
        else if (current.hasNextPage) await o.fetchNextPage();
      }),
    refresh: () => withObserver((o) => o.refetch()),
    markViewed() {
      inbox.updateView(key, { newCount: 0 });
    },
  };
}

/** Queries every open view so a full refetch rebuilds it (after 410 seq_expired). */
export function refetchAllViews(queryClient: QueryClient) {
  return queryClient.refetchQueries({ queryKey: ['belfry', 'feed'] });
}
