import { useEffect, useMemo } from 'react';
import type { FeedState, FeedView } from '@belfry/core';
import type { FeedFilter } from '@belfry/core/api';
import { useBelfry } from './useBelfry.js';
import { noop, useReadable } from './useReadable.js';

const IDLE_FEED: FeedState = {
  items: [],
  hasMore: false,
  status: 'idle',
  loadingMore: false,
  error: null,
  newCount: 0,
};

export interface UseFeedResult extends FeedState {
  view: FeedView | null;
  loadMore(): Promise<void>;
  refresh(): Promise<void>;
  markViewed(): void;
}

/** A feed for a filter. The view is cached by the client, so equal filters share one list. */
export function useFeed(filter: FeedFilter = {}): UseFeedResult {
  const client = useBelfry();
  const filterKey = JSON.stringify([filter.read, filter.archived, filter.category]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const view = useMemo(() => (client ? client.feed(filter) : null), [client, filterKey]);
  const state = useReadable(view, IDLE_FEED);
  useEffect(() => {
    // A view that has never loaded starts loading when something shows it.
    if (view && view.getState().status === 'idle') void view.refresh().catch(noop);
  }, [view]);
  return useMemo(
    () => ({
      ...state,
      view,
      loadMore: () => (view ? view.loadMore() : Promise.resolve()),
      refresh: () => (view ? view.refresh() : Promise.resolve()),
      markViewed: () => view?.markViewed(),
    }),
    [state, view],
  );
}
