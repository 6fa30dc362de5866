import { useMemo } from 'react';
import type { FeedState, FeedView } from '@belfry/core';
import type { FeedFilter } from '@belfry/core/api';
import { useBelfry } from './useBelfry.js';
import { useLoadedView } from './useLoadedView.js';

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
  const filterKey = JSON.stringify([filter.read, filter.archived, filter.category, filter.groupKey]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const view = useMemo(() => (client ? client.feed(filter) : null), [client, filterKey]);
  const loaded = useLoadedView(view, IDLE_FEED);
  return useMemo(() => ({ ...loaded, markViewed: () => view?.markViewed() }), [loaded, view]);
}
