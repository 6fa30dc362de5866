// In-memory stand-ins for a browser's BroadcastChannel and Web Locks, shared by the clients of one
// test "browser" (the same semantics as the real ones: other instances hear a message, never the
// sender; a lock is granted to one holder at a time, in request order, and released when its
// callback's promise settles).
import type { BroadcastChannelLike, Environment, LocksLike } from '../src/index.js';

export function createMemoryBrowser() {
  const channels = new Map<string, Set<MemoryChannel>>();
  let posted = 0;

  class MemoryChannel implements BroadcastChannelLike {
    private listeners = new Set<(event: { data: unknown }) => void>();
    private closed = false;
    constructor(private name: string) {
      let set = channels.get(name);
      if (!set) channels.set(name, (set = new Set()));
      set.add(this);
    }
    postMessage(message: unknown) {
      if (this.closed) throw new Error('channel closed');
      posted++;
      const data = structuredClone(message);
      for (const other of channels.get(this.name) ?? []) {
        if (other === this) continue;
        setTimeout(() => other.deliver(data), 0);
      }
    }
    deliver(data: unknown) {
      if (this.closed) return;
      for (const l of [...this.listeners]) l({ data });
    }
    addEventListener(_type: 'message', listener: (event: { data: unknown }) => void) {
      this.listeners.add(listener);
    }
    removeEventListener(_type: 'message', listener: (event: { data: unknown }) => void) {
      this.listeners.delete(listener);
    }
    close() {
      this.closed = true;
      this.listeners.clear();
      channels.get(this.name)?.delete(this);
    }
  }

  const queues = new Map<string, Array<{ grant: () => void; signal?: AbortSignal }>>();
  const held = new Set<string>();
  const locks: LocksLike = {
    request(name, options, callback) {
      return new Promise<void>((resolve, reject) => {
        const entry = {
          signal: options.signal,
          grant: () => {
            held.add(name);
            Promise.resolve()
              .then(callback)
              .then(resolve, reject)
              .finally(() => {
                held.delete(name);
                next(name);
              });
          },
        };
        if (options.signal?.aborted) {
          reject(new DOMException('aborted', 'AbortError'));
          return;
        }
        options.signal?.addEventListener('abort', () => {
          const q = queues.get(name) ?? [];
          const i = q.indexOf(entry);
          if (i >= 0) {
            q.splice(i, 1);
            reject(new DOMException('aborted', 'AbortError'));
          }
        });
        const q = queues.get(name) ?? [];
        queues.set(name, q);
        q.push(entry);
        if (!held.has(name) && q.length === 1) next(name);
      });
    },
  };
  function next(name: string) {
    if (held.has(name)) return;
    const q = queues.get(name);
    const entry = q?.shift();
    entry?.grant();
  }

  return {
    environment(extra: Partial<Environment> = {}): Environment {
      return { broadcastChannel: (name) => new MemoryChannel(name), locks, onOnlineChange: null, onFocus: null, ...extra };
    },
    openChannels: () => [...channels.values()].reduce((n, s) => n + s.size, 0),
    get posted() {
      return posted;
    },
    /** A raw channel for the test itself to talk on. */
    channel: (name: string): BroadcastChannelLike => new MemoryChannel(name),
    locks,
  };
}

/** Controllable online/focus adapters. */
export function createConnectivity() {
  const online = new Set<(v: boolean) => void>();
  const focus = new Set<() => void>();
  return {
    onOnlineChange: (cb: (v: boolean) => void) => {
      online.add(cb);
      return () => online.delete(cb);
    },
    onFocus: (cb: () => void) => {
      focus.add(cb);
      return () => focus.delete(cb);
    },
    setOnline: (v: boolean) => online.forEach((cb) => cb(v)),
    focus: () => focus.forEach((cb) => cb()),
  };
}
