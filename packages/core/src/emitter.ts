/** A tiny typed event emitter: listeners are isolated, one throwing never stops the others. */
export interface Emitter<E> {
  on<K extends keyof E>(event: K, listener: (payload: E[K]) => void): () => void;
  emit<K extends keyof E>(event: K, payload: E[K]): void;
  clear(): void;
}

export function createEmitter<E>(): Emitter<E> {
  const listeners = new Map<keyof E, Set<(payload: never) => void>>();
  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },
    emit(event, payload) {
      const set = listeners.get(event);
      if (!set) return;
      for (const listener of [...set]) {
        try {
          (listener as (p: typeof payload) => void)(payload);
        } catch (err) {
          // A host's listener bug must not break the client's own state machine.
          queueMicrotask(() => {
            throw err;
          });
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}
