import { SOCKET_EVENT, type ChangeEvent } from './api/types.js';
import { BelfryError, toBelfryError } from './errors.js';
import type { Session } from './session.js';
import type { RealtimeSocket } from './socket.js';
import type { ConnectionStatus, WebSocketLike } from './types.js';

export interface RealtimeDeps {
  apiUrl: string;
  session: Session;
  createWebSocket: ((url: string) => WebSocketLike) | null;
  onEvent(event: ChangeEvent): void;
  /** Every (re)connect: the caller catches up with `/changes?since=`. */
  onConnect(): void;
  onStatus(status: ConnectionStatus, error?: BelfryError): void;
}

/** Consecutive handshake refusals after which we stop: the credential will not get better. */
const MAX_AUTH_FAILURES = 3;

/**
 * The realtime connection. Each (re)connect authenticates with a fresh session token, so a renewed
 * session is used after a long disconnect. A refused handshake renews the session and retries a
 * bounded number of times; a dead token source stops at once with status 'error' instead of looping.
 * socket.io-client is loaded on the first start only (its own chunk in an app's bundle).
 */
export function createRealtime(deps: RealtimeDeps) {
  let socket: RealtimeSocket | null = null;
  /** Bumped by every start and stop, so a load that finishes after stop() opens nothing. */
  let generation = 0;
  let authFailures = 0;

  function fail(err: BelfryError) {
    stop();
    deps.onStatus('error', err);
  }

  function start() {
    if (socket || generation % 2 === 1) return;
    const createWebSocket = deps.createWebSocket;
    if (!createWebSocket) return fail(new BelfryError('network', 'no WebSocket: pass environment.webSocket'));
    const gen = ++generation;
    authFailures = 0;
    deps.onStatus('connecting');
    import('./socket.js').then(
      ({ openSocket }) => {
        if (gen !== generation) return;
        const s: RealtimeSocket = openSocket({
          url: deps.apiUrl,
          createWebSocket,
          auth: async () => ({ token: await deps.session.getToken() }),
          onAuthError: (err) => {
            if (socket !== s) return;
            const e = toBelfryError(err);
            if (e.isAuth) fail(e);
            // The session endpoint is unreachable right now: try again like any lost connection.
            else {
              deps.onStatus('offline');
              s.reconnect(1_000);
            }
          },
          onConnect: () => {
            authFailures = 0;
            deps.onStatus('online');
            deps.onConnect();
          },
          onDisconnect: () => deps.onStatus('offline'),
          onRefused: (message) => {
            // The server refused the handshake (bad or expired session): renew and retry, boundedly.
            deps.session.invalidate();
            if (++authFailures >= MAX_AUTH_FAILURES) {
              fail(new BelfryError('unauthorized', `realtime connection refused: ${message}`, { status: 401 }));
              return;
            }
            deps.onStatus('connecting');
            s.reconnect(300 * authFailures);
          },
          onEvent: (name, payload) => {
            if (name === SOCKET_EVENT) deps.onEvent(payload as ChangeEvent);
          },
        });
        socket = s;
      },
      (err: unknown) => {
        if (gen === generation) fail(new BelfryError('network', `realtime could not be loaded: ${String(err)}`));
      },
    );
  }

  function stop() {
    if (generation % 2 === 1) generation++;
    const s = socket;
    socket = null;
    s?.close();
  }

  return { start, stop };
}
