import { useEffect, useMemo } from 'react';
import type { Readable, Status } from '@belfry/core';
import { noop, useReadable } from './useReadable.js';

interface PagedView<S> extends Readable<S> {
  loadMore(): Promise<void>;
  refresh(): Promise<void>;
}

/** A paged view's state plus its loaders; a view that has never loaded starts loading when shown. */
export function useLoadedView<S extends { status: Status }, V extends PagedView<S>>(view: V | null, idle: S) {
  const state = useReadable(view, idle);
  useEffect(() => {
    if (view && view.getState().status === 'idle') void view.refresh().catch(noop);
  }, [view]);
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
