// The grouped view as the client hands it out: a Readable at once, its implementation fetched with
// import() on first use, so apps that never group never load it.
import type { FeedFilter } from './api/types.js';
import type { GroupedViewDeps, GroupedViewImpl } from './groupedView.js';
import { derivedReadable } from './readable.js';
import type { GroupedFeedState, GroupedFeedView } from './types.js';

const IDLE: GroupedFeedState = { groups: [], hasMore: false, status: 'idle', loadingMore: false, error: null };

export function createLazyGroupedView(filter: FeedFilter, deps: GroupedViewDeps): GroupedFeedView {
  let impl: GroupedViewImpl | undefined;
  let loading: Promise<GroupedViewImpl> | undefined;
  let active = false;
  const load = () =>
    (loading ??= import('./groupedView.js').then((m) => {
      impl = m.createGroupedView(filter, deps);
      if (active) impl.activate();
      return impl;
    }));
  const readable = derivedReadable(deps.inbox.store, (s) => (impl ? impl.select(s) : IDLE), {
    onActive: () => {
      active = true;
      deps.retain();
      if (impl) impl.activate();
      else void load().catch(deps.onError);
    },
    onIdle: () => {
      active = false;
      impl?.deactivate();
      deps.release();
    },
  });
  return {
    filter,
    getState: readable.getState,
    subscribe: readable.subscribe,
    loadMore: () => load().then((i) => i.loadMore()),
    refresh: () => load().then((i) => i.refresh()),
  };
}
