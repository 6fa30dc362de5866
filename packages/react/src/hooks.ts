// Thin hooks over the core client's Readables. Each is a useSyncExternalStore subscription, so they
// work the same in React 18, React 19 and preact/compat, and render an idle state during SSR or
// before the provider's client exists.
import { useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type {
  BelfryClient,
  ConnectionState,
  CountsState,
  FeedState,
  FeedView,
  PreferencesState,
  PreferencesStore,
  Readable,
} from '@belfry/core';
import type { FeedFilter, Notification } from '@belfry/core/api';
import { ClientContext, UiContext, type UiConfig } from './context.js';
import { directionOf, resolveMessages } from './messages.js';

const noop = () => undefined;
const noSubscribe = () => noop;

const IDLE_FEED: FeedState = {
  items: [],
  hasMore: false,
  status: 'idle',
  loadingMore: false,
  error: null,
  newCount: 0,
};
const IDLE_COUNTS: CountsState = { total: 0, unread: 0, unseen: 0, status: 'idle' };
const IDLE_PREFERENCES: PreferencesState = { preferences: null, status: 'idle', error: null };
const IDLE_CONNECTION: ConnectionState = { status: 'idle', seq: 0, leader: false, error: null };

function useReadable<T>(readable: Readable<T> | null | undefined, fallback: T): T {
  // Readables may be plain objects with unbound methods; bind once per readable.
  const bound = useMemo(
    () =>
      readable
        ? { subscribe: (cb: () => void) => readable.subscribe(cb), get: () => readable.getState() }
        : { subscribe: noSubscribe, get: () => fallback },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [readable],
  );
  return useSyncExternalStore(bound.subscribe, bound.get, () => fallback);
}

/** The client from the nearest provider (null before it is created, and during SSR). */
export function useBelfry(): BelfryClient | null {
  return useContext(ClientContext);
}

/** Text, direction and theme settings from the nearest provider, with overrides from props. */
export function useUi(overrides?: { locale?: string | undefined; colorScheme?: UiConfig['colorScheme'] | undefined }): UiConfig {
  const fromProvider = useContext(UiContext);
  return useMemo(() => {
    const base: UiConfig = fromProvider ?? {
      locale: 'en',
      messages: resolveMessages('en'),
      dir: 'ltr',
      colorScheme: 'light',
      theme: undefined,
    };
    if (!overrides?.locale && !overrides?.colorScheme) return base;
    const locale = overrides.locale ?? base.locale;
    return {
      ...base,
      locale,
      messages: overrides.locale ? resolveMessages(locale) : base.messages,
      dir: directionOf(locale),
      colorScheme: overrides.colorScheme ?? base.colorScheme,
    };
  }, [fromProvider, overrides?.locale, overrides?.colorScheme]);
}

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

export function useCounts(): CountsState {
  const client = useBelfry();
  return useReadable(client?.counts, IDLE_COUNTS);
}

export function useNotification(id: string): Notification | undefined {
  const client = useBelfry();
  const readable = useMemo(() => (client ? client.notification(id) : null), [client, id]);
  return useReadable<Notification | undefined>(readable, undefined);
}

export interface UsePreferencesResult extends PreferencesState {
  update: PreferencesStore['update'];
  refresh(): Promise<void>;
}

export function usePreferences(): UsePreferencesResult {
  const client = useBelfry();
  const store = client?.preferences ?? null;
  const state = useReadable(store, IDLE_PREFERENCES);
  useEffect(() => {
    if (store && store.getState().status === 'idle') void store.refresh().catch(noop);
  }, [store]);
  return useMemo(
    () => ({
      ...state,
      update: (update) => (store ? store.update(update) : Promise.reject(new Error('No Belfry client'))),
      refresh: () => (store ? store.refresh() : Promise.resolve()),
    }),
    [state, store],
  );
}

export function useConnection(): ConnectionState {
  const client = useBelfry();
  return useReadable(client?.connection, IDLE_CONNECTION);
}
