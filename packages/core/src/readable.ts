import type { StoreApi } from 'zustand/vanilla';
import type { Readable } from './types.js';

/** Shallow equality, with arrays compared element by element (by reference), also as object fields. */
export function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b || Array.isArray(a) !== Array.isArray(b)) return false;
  const nested = !Array.isArray(a);
  const ak = Object.keys(a);
  return (
    ak.length === Object.keys(b).length &&
    ak.every((k) => {
      const x = (a as Record<string, unknown>)[k];
      const y = (b as Record<string, unknown>)[k];
      return Object.is(x, y) || (nested && Array.isArray(x) && Array.isArray(y) && shallowEqual(x, y));
    })
  );
}

export interface ReadableHooks {
  /** First subscriber arrived (start resources). */
  onActive?: () => void;
  /** Last subscriber left. */
  onIdle?: () => void;
}

/**
 * A Readable derived from the store: getState() returns the previous object until the selected
 * content changes (so useSyncExternalStore never loops), and listeners hear only real changes.
 */
export function derivedReadable<S, T>(store: StoreApi<S>, select: (state: S) => T, hooks: ReadableHooks = {}): Readable<T> {
  // The store's state is never undefined, so the first call always selects; a first selection of
  // undefined equals the initial `last`.
  let lastState: S | undefined;
  let last: T | undefined;
  const getState = (): T => {
    const state = store.getState();
    if (state !== lastState) {
      const next = select(state);
      lastState = state;
      if (!shallowEqual(last, next)) last = next;
    }
    return last as T;
  };
  let subscribers = 0;
  return {
    getState,
    subscribe(listener) {
      let prev = getState();
      const unsub = store.subscribe(() => {
        const next = getState();
        if (next !== prev) {
          prev = next;
          listener();
        }
      });
      if (subscribers++ === 0) hooks.onActive?.();
      let done = false;
      return () => {
        if (done) return;
        done = true;
        unsub();
        if (--subscribers === 0) hooks.onIdle?.();
      };
    },
  };
}
