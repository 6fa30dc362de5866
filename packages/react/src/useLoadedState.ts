import { useEffect } from 'react';
import type { Readable, Status } from '@belfry/core';
import { noop, useReadable } from './useReadable.js';

/** A store's state; a store that has never loaded starts loading when it is first shown. */
export function useLoadedState<S extends { status: Status }>(store: (Readable<S> & { refresh(): Promise<void> }) | null, idle: S): S {
  const state = useReadable(store, idle);
  useEffect(() => {
    if (store && store.getState().status === 'idle') void store.refresh().catch(noop);
  }, [store]);
  return state;
}
