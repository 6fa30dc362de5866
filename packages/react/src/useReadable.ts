// Shared by the hooks: a useSyncExternalStore subscription to a core Readable, so every hook works
// the same in React 18, React 19 and preact/compat, and renders its idle state during SSR or before
// the provider's client exists.
import { useMemo, useSyncExternalStore } from 'react';
import type { Readable } from '@belfry/core';

export const noop = () => undefined;
const noSubscribe = () => noop;

export function useReadable<T>(readable: Readable<T> | null | undefined, fallback: T): T {
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
