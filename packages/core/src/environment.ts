import type { BroadcastChannelLike, Environment, LocksLike, WebSocketLike } from './types.js';

/** Resolved adapters: null means "this runtime has no such facility". */
export interface ResolvedEnvironment {
  broadcastChannel: ((name: string) => BroadcastChannelLike) | null;
  locks: LocksLike | null;
  onOnlineChange: ((cb: (online: boolean) => void) => () => void) | null;
  onFocus: ((cb: () => void) => () => void) | null;
  webSocket: ((url: string) => WebSocketLike) | null;
}

type Listener = [target: EventTarget, type: string, fn: () => unknown];

/** Adds the listeners; the returned function removes them. */
function listen(listeners: Listener[]): () => void {
  for (const [target, type, fn] of listeners) target.addEventListener(type, fn);
  return () => {
    for (const [target, type, fn] of listeners) target.removeEventListener(type, fn);
  };
}

/**
 * Fills each adapter the host did not inject from globalThis, read lazily at creation (never at
 * import) so SSR and Node work. An explicit `null` switches a facility off.
 */
export function resolveEnvironment(env: Environment = {}): ResolvedEnvironment {
  const g = globalThis as Record<string, any>;
  const win = typeof g.window === 'object' && typeof g.window?.addEventListener === 'function' ? g.window : null;
  const doc = typeof g.document === 'object' ? g.document : null;
  const locks = g.navigator?.locks;

  const defaultChannel =
    win && typeof g.BroadcastChannel === 'function'
      ? (name: string) => new g.BroadcastChannel(name) as BroadcastChannelLike
      : null;
  const defaultLocks: LocksLike | null = win && typeof locks?.request === 'function' ? locks : null;
  const defaultOnline = win
    ? (cb: (online: boolean) => void) =>
        listen([
          [win, 'online', () => cb(true)],
          [win, 'offline', () => cb(false)],
        ])
    : null;
  const defaultFocus =
    win && doc
      ? (cb: () => void) =>
          listen([
            [doc, 'visibilitychange', () => doc.visibilityState !== 'hidden' && cb()],
            [win, 'focus', cb],
          ])
      : null;

  // Without a WebSocket (Node < 22, SSR) realtime reports an error instead of retrying forever.
  const defaultWebSocket =
    typeof g.WebSocket === 'function' ? (url: string) => new (g.WebSocket as new (u: string) => WebSocketLike)(url) : null;

  const out: ResolvedEnvironment = {
    webSocket: defaultWebSocket,
    broadcastChannel: defaultChannel,
    locks: defaultLocks,
    onOnlineChange: defaultOnline,
    onFocus: defaultFocus,
  };
  // Only what the host set wins; an explicit undefined keeps the default.
  for (const k of Object.keys(out) as Array<keyof ResolvedEnvironment>) if (env[k] !== undefined) out[k] = env[k] as never;
  return out;
}
