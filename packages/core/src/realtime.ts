import { SOCKET_EVENT, type ChangeEvent } from './api/types.js';
import { BelfryError, toBelfryError } from './errors.js';
import type { Session } from './session.js';
import { createSocketIo, type SocketIo } from './socketio.js';
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
 */
export function createRealtime(deps: RealtimeDeps) {
  let socket: SocketIo | null = null;
  let authFailures = 0;

  function fail(err: BelfryError) {
    stop();
    deps.onStatus('error', err);
  }

  function start() {
    if (socket) return;
    if (!deps.createWebSocket) {
      deps.onStatus('error', new BelfryError('network', 'no WebSocket in this runtime: pass environment.webSocket'));
      return;
    }
    authFailures = 0;
    deps.onStatus('connecting');
    const s: SocketIo = createSocketIo({
      url: deps.apiUrl,
      createWebSocket: deps.createWebSocket,
      auth: async () => ({ token: await deps.session.getToken() }),
      onAuthError: (err) => {
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
      onConnectError: (message) => {
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
    s.open();
  }

  function stop() {
    const s = socket;
    socket = null;
    s?.close();
  }

  return { start, stop };
}
