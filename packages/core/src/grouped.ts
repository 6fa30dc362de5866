// `@belfry/core/grouped`: feeds paged by group. Its own entry, so apps that never group never ship it.
import type { FeedFilter } from './api/types.js';
import { filterKey } from './filters.js';
import { createGroupedView } from './groupedView.js';
import { internalsOf } from './internals.js';
import { derivedReadable } from './readable.js';
import type { BelfryClient, GroupedFeedView } from './types.js';

/**
 * A feed of groups (one row per groupKey) for `client`; a group's members are `client.feed({ groupKey })`.
 * Views are cached by filter: the same filter returns the same view.
 */
export function groupedFeed(client: BelfryClient, filter: FeedFilter = {}): GroupedFeedView {
  const deps = internalsOf(client);
  const key = `groups:${filterKey(filter)}`;
  let view = deps.views.get(key) as GroupedFeedView | undefined;
  if (view) return view;
  const impl = createGroupedView(filter, deps);
  const readable = derivedReadable(deps.inbox.store, impl.select, {
    onActive: () => {
      deps.retain();
      impl.activate();
    },
    onIdle: () => {
      impl.deactivate();
      deps.release();
    },
  });
  view = { filter, getState: readable.getState, subscribe: readable.subscribe, loadMore: impl.loadMore, refresh: impl.refresh };
  deps.views.set(key, view);
  return view;
}

export type { GroupedFeedState, GroupedFeedView, GroupRow } from './types.js';
