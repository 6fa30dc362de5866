// Elements on one page that show the same user (same apiUrl, appId, userId) share one client: one
// session, one socket, one store. The registry counts who uses each client and destroys it when the
// last user lets go.
import { createBelfry, type BelfryClient, type BelfryOptions } from '@belfry/core';

interface Entry {
  client: BelfryClient;
  refs: number;
}

export interface ClientLease {
  readonly client: BelfryClient;
  readonly key: string;
  /** Idempotent: a lease is released at most once. */
  release(): void;
}

const entries = new Map<string, Entry>();

/** Identity of a client: who it talks to and as whom. Credentials of the first user win. */
export function clientKey(options: Pick<BelfryOptions, 'apiUrl' | 'appId' | 'userId'>): string {
  return JSON.stringify([options.apiUrl.replace(/\/+$/, ''), options.appId, options.userId ?? '']);
}

export function acquireClient(options: BelfryOptions, create: (options: BelfryOptions) => BelfryClient = createBelfry): ClientLease {
  const key = clientKey(options);
  let entry = entries.get(key);
  if (!entry) {
    entry = { client: create(options), refs: 0 };
    entries.set(key, entry);
  }
  entry.refs += 1;
  const held = entry;
  let released = false;
  return {
    client: held.client,
    key,
    release() {
      if (released) return;
      released = true;
      held.refs -= 1;
      if (held.refs === 0 && entries.get(key) === held) {
        entries.delete(key);
        held.client.destroy();
      }
    },
  };
}

/** Number of live shared clients (for tests and debugging). */
export function sharedClientCount(): number {
  return entries.size;
}
