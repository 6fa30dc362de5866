import { io, WebSocket as WebSocketTransport } from 'socket.io-client';
import type { WebSocketLike } from './types.js';

// The realtime connection on socket.io-client. This module is loaded with import() when realtime
// first starts (see realtime.ts), so an app's bundler gives socket.io-client a chunk of its own and
// SSR never loads it.

export interface SocketOptions {
  /** The API base URL; the socket goes to its origin at /socket.io/. */
  url: string;
  createWebSocket(url: string): WebSocketLike;
  /** The handshake payload, asked for on every (re)connect (a fresh session token). */
  auth(): Promise<Record<string, unknown>>;
  /** auth() rejected: this attempt waits until reconnect() or close(). */
  onAuthError(error: unknown): void;
  onConnect(): void;
  /** The connection is gone; socket.io retries it unless closed. */
  onDisconnect(): void;
  /** The server's auth middleware refused the handshake: not retried until reconnect(). */
  onRefused(message: string): void;
  onEvent(name: string, payload: unknown): void;
}

export interface RealtimeSocket {
  /** Drops this attempt and connects again after delayMs (a renewed session, a retried token fetch). */
  reconnect(delayMs: number): void;
  close(): void;
}

/**
 * Reconnection after a deploy or an outage: every client loses its socket in the same instant, so
 * the retries must not arrive in one wave. Each attempt waits a randomised delay (± 50 %) that
 * doubles from 0.5 s up to 5 s: while the server is down the clients drift apart, and when it is back
 * their arrivals are spread over the last delay window instead of one instant, yet nobody waits more
 * than 5 s after the server answers again (the cap applies after the randomisation).
 */
// Only the first delay is ours; the 5 s cap and the ± 50 % are socket.io's defaults.
const RECONNECT_DELAY = 500;

export function openSocket(opts: SocketOptions): RealtimeSocket {
  // Opens the WebSocket through the host's injected constructor (Node tests, runtimes without one).
  class InjectedWebSocket extends WebSocketTransport {
    override createSocket(uri: string) {
      return opts.createWebSocket(uri);
    }
  }
  // At socket.io's default path, /socket.io/.
  const socket = io(new URL(opts.url).origin, {
    // WebSocket only (no long-polling), so no sticky sessions are needed behind a load balancer.
    transports: [InjectedWebSocket],
    // One connection per client: never share a Manager with another client in this page.
    forceNew: true,
    reconnectionDelay: RECONNECT_DELAY,
    auth: (cb) => {
      opts.auth().then(cb, opts.onAuthError);
    },
  });
  let retry: ReturnType<typeof setTimeout> | undefined;

  function reconnect(delayMs: number) {
    clearTimeout(retry);
    socket.disconnect();
    retry = setTimeout(() => socket.connect(), delayMs);
  }

  socket.on('connect', opts.onConnect);
  socket.on('disconnect', (reason) => {
    opts.onDisconnect();
    // The server ended the session (a graceful shutdown): socket.io leaves that one to us.
    if (reason === 'io server disconnect') reconnect(RECONNECT_DELAY * (0.5 + Math.random()));
  });
  socket.on('connect_error', (err) => {
    // An inactive socket after connect_error is a refusal by the auth middleware; otherwise the
    // transport failed and socket.io is already retrying with backoff.
    if (!socket.active) opts.onRefused(err.message);
  });
  socket.onAny(opts.onEvent);

  return {
    reconnect,
    close() {
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.offAny();
      socket.disconnect();
    },
  };
}
