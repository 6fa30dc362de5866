import { useMemo } from 'react';
import type { GroupedFeedState, GroupedFeedView } from '@belfry/core';
import { groupedFeed } from '@belfry/core/grouped';
import type { FeedFilter } from '@belfry/core/api';
import { useBelfry } from './useBelfry.js';
import { useLoadedView } from './useLoadedView.js';

const IDLE: GroupedFeedState = { groups: [], hasMore: false, status: 'idle', loadingMore: false, error: null };

export interface UseGroupedFeedResult extends GroupedFeedState {
  view: GroupedFeedView | null;
  loadMore(): Promise<void>;
  refresh(): Promise<void>;
}

/** A feed of groups for a filter (one row per groupKey); the client caches the view by filter. */
export function useGroupedFeed(filter: FeedFilter = {}): UseGroupedFeedResult {
  const client = useBelfry();
  const filterKey = JSON.stringify([filter.read, filter.archived, filter.category]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const view = useMemo(() => (client ? groupedFeed(client, filter) : null), [client, filterKey]);
  return useLoadedView(view, IDLE);
}
