import { useMemo } from 'react';
import type { Readable, Status } from '@belfry/core';
import { useLoadedState } from './useLoadedState.js';

interface PagedView<S> extends Readable<S> {
  loadMore(): Promise<void>;
  refresh(): Promise<void>;
}

/** A paged view's state plus its loaders; a view that has never loaded starts loading when shown. */
export function useLoadedView<S extends { status: Status }, V extends PagedView<S>>(view: V | null, idle: S) {
  const state = useLoadedState(view, idle);
  return useMemo(
    () => ({
      ...state,
      view,
      loadMore: () => (view ? view.loadMore() : Promise.resolve()),
      refresh: () => (view ? view.refresh() : Promise.resolve()),
    }),
    [state, view],
  );
}
