import { useMemo } from 'react';
import type { PreferencesState, PreferencesStore } from '@belfry/core';
import { useBelfry } from './useBelfry.js';
import { useLoadedState } from './useLoadedState.js';

const IDLE_PREFERENCES: PreferencesState = { preferences: null, status: 'idle', error: null };

export interface UsePreferencesResult extends PreferencesState {
  update: PreferencesStore['update'];
  refresh(): Promise<void>;
}

export function usePreferences(): UsePreferencesResult {
  const store = useBelfry()?.preferences ?? null;
  const state = useLoadedState(store, IDLE_PREFERENCES);
  return useMemo(
    () => ({
      ...state,
      update: (update) => (store ? store.update(update) : Promise.reject(new Error('No Belfry client'))),
      refresh: () => (store ? store.refresh() : Promise.resolve()),
    }),
    [state, store],
  );
}
