import { focusManager, onlineManager, QueryClient, type MutationOptions } from '@tanstack/query-core';
import { BelfryError } from './errors.js';
import type { ResolvedEnvironment } from './environment.js';

const MAX_RETRIES = 4;

/** How queries and mutations retry. */
const retries = {
  /** Only what can succeed later: network, timeouts, 5xx, 429. Never auth or validation. */
  retry: (failureCount: number, error: unknown) => failureCount < MAX_RETRIES && error instanceof BelfryError && error.transient,
  /** Exponential backoff with jitter, or exactly what the server's Retry-After asked for. */
  retryDelay(failureCount: number, error: unknown) {
    if (error instanceof BelfryError && error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, 60_000);
    const base = Math.min(250 * 2 ** failureCount, 10_000);
    return base * (0.5 + Math.random() / 2);
  },
};

/**
 * `staleMs`: with realtime on, the socket keeps the store current and focus refetches can wait;
 * without it, regaining focus or the network refetches at once.
 */
export function createQueryClient(staleMs: number): QueryClient {
  // query-core's defaults stand for the rest: networkMode 'online', refetch on focus and on reconnect.
  const client = new QueryClient({
    defaultOptions: {
      // gcTime is set: query-core's default keeps unused data forever when there is no window (SSR, Node).
      queries: { ...retries, staleTime: staleMs, gcTime: 5 * 60_000 },
      // One queue: mutations leave in the order the user made them, also after an offline period.
      mutations: { ...retries, scope: { id: 'belfry' } },
    },
  });
  client.mount();
  return client;
}

/** One mutation through query-core: queued by its scope, retried like queries, paused while offline (no key: nothing looks mutations up). */
export const runMutation = <T>(queryClient: QueryClient, options: MutationOptions<T, unknown, void>): Promise<T> =>
  queryClient.getMutationCache().build(queryClient, { gcTime: 0, ...options }).execute(undefined);

// focusManager and onlineManager are process-wide in query-core (focus and connectivity belong to
// the page, not to one client), so every live client's adapters feed them together.
const registered = new Set<ResolvedEnvironment>();

/** One undo for the adapters' unsubscribes (absent where an environment lacks the adapter). */
const undoAll = (offs: Array<(() => void) | null | undefined>) => () => offs.forEach((off) => off?.());

function rewire() {
  const envs = [...registered];
  onlineManager.setEventListener((setOnline) => undoAll(envs.map((e) => e.onOnlineChange?.((online) => setOnline(online)))));
  // Adapters may pass an event to the callback: query-core would read it as the focus state.
  focusManager.setEventListener((handleFocus) => undoAll(envs.map((e) => e.onFocus?.(() => handleFocus()))));
}

/** Routes an environment's online/focus adapters into query-core; returns the undo. */
export function wireEnvironment(env: ResolvedEnvironment): () => void {
  if (!env.onOnlineChange && !env.onFocus) return () => {};
  registered.add(env);
  rewire();
  return () => {
    if (!registered.delete(env)) return;
    rewire();
    // Nobody reports connectivity any more: don't leave mutations paused on a stale "offline".
    if (registered.size === 0) onlineManager.setOnline(true);
  };
}
