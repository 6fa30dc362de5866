import { QueryObserver, type QueryClient } from '@tanstack/query-core';
import type { CategoryPreference, Channel, Preferences, PreferencesUpdate } from './api/types.js';
import { toBelfryError, type BelfryError } from './errors.js';
import { shapeError } from './feedView.js';
import { runMutation } from './queries.js';
import { derivedReadable } from './readable.js';
import type { Session } from './session.js';
import type { Inbox } from './store.js';
import type { PreferencesStore } from './types.js';

export interface PreferencesDeps {
  inbox: Inbox;
  queryClient: QueryClient;
  session: Session;
  retain(): void;
  release(): void;
  onError(err: BelfryError): void;
}

const KEY = ['belfry', 'preferences'] as const;

type Channels = CategoryPreference['channels'];

/** `prefs` with new channels, from `next`, for each known category the update names (undefined: unchanged). */
function withChannels(
  prefs: Preferences,
  update: PreferencesUpdate,
  next: (channels: Channels, set: Partial<Channels>, key: string) => Channels | undefined,
): Preferences {
  const categories = { ...prefs.categories };
  for (const [key, { channels }] of Object.entries(update.categories)) {
    const cur = categories[key];
    const changed = cur && next(cur.channels, channels, key);
    if (changed) categories[key] = { ...cur, channels: changed };
  }
  return { categories };
}

/** Preferences: fetched through query-core, updated optimistically, rolled back per channel on failure. */
export function createPreferencesStore(deps: PreferencesDeps): PreferencesStore {
  const { inbox, queryClient, session } = deps;
  let observer: QueryObserver<Preferences> | null = null;
  let unsubscribe: (() => void) | null = null;
  let pending = 0;

  const set = (patch: Partial<ReturnType<typeof inbox.store.getState>['preferences']>) =>
    inbox.store.setState({ preferences: { ...inbox.store.getState().preferences, ...patch } });

  const queryFn = ({ signal }: { signal: AbortSignal }) => session.request<Preferences>('GET', '/v1/inbox/preferences', { signal });

  function sync() {
    const r = observer?.getCurrentResult();
    if (!r) return;
    set({
      // While updates are pending their optimistic state stands.
      ...(r.data && pending === 0 ? { preferences: r.data } : {}),
      status: r.isPending ? 'loading' : r.isError && !r.data ? 'error' : 'success',
      error: r.isError ? shapeError(r.error) : null,
    });
  }

  const readable = derivedReadable(inbox.store, (s) => s.preferences, {
    onActive: () => {
      deps.retain();
      observer = new QueryObserver<Preferences>(queryClient, { queryKey: KEY, queryFn });
      unsubscribe = observer.subscribe(sync);
      sync();
    },
    onIdle: () => {
      unsubscribe?.();
      unsubscribe = null;
      observer = null;
      deps.release();
    },
  });

  return {
    getState: readable.getState,
    subscribe: readable.subscribe,
    async refresh() {
      const data = await queryClient.fetchQuery({ queryKey: KEY, queryFn, staleTime: 0 });
      if (pending === 0) set({ preferences: data, status: 'success', error: null });
    },
    async update(update) {
      const before = inbox.store.getState().preferences.preferences;
      if (before) set({ preferences: withChannels(before, update, (channels, changed) => ({ ...channels, ...changed })) });
      pending++;
      try {
        const saved = await runMutation(queryClient, {
          mutationFn: () => session.request<Preferences>('PUT', '/v1/inbox/preferences', { body: update }),
          scope: { id: 'belfry-preferences' },
        }).finally(() => pending--);
        set({ preferences: saved, error: null });
        queryClient.setQueryData(KEY, saved);
      } catch (err) {
        // Undo only the channels this update set, and only where nothing changed them since.
        const cur = inbox.store.getState().preferences.preferences;
        if (cur && before) {
          const preferences = withChannels(cur, update, (channels, changed, key) => {
            const was = before.categories[key]?.channels;
            if (!was) return undefined;
            const restored = { ...channels };
            for (const [ch, v] of Object.entries(changed) as Array<[Channel, boolean]>) if (restored[ch] === v) restored[ch] = was[ch];
            return restored;
          });
          set({ preferences });
        }
        const e = toBelfryError(err);
        deps.onError(e);
        throw e;
      }
    },
  };
}
