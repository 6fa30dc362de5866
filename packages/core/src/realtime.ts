import { io, type Socket } from 'socket.io-client';
import { SOCKET_EVENT, type ChangeEvent } from './api/types.js';
import { BelfryError, toBelfryError } from './errors.js';
import type { Session } from './session.js';
import type { ConnectionStatus } from './types.js';

export interface RealtimeDeps {
  apiUrl: string;
  session: Session;
  onEvent(event: ChangeEvent): void;
  /** Every (re)connect: the caller catches up with `/changes?since=`. */
  onConnect(): void;
  onStatus(status: ConnectionStatus, error?: BelfryError): void;
}

/** Consecutive handshake refusals after which we stop: the credential will not get better. */
const MAX_AUTH_FAILURES = 3;

/**
 * The socket.io connection. Each (re)connect authenticates with a fresh session token (the auth
 * callback runs per attempt), so a renewed session is used after a long disconnect. A refused
 * handshake renews the session and retries a bounded number of times; a dead token source stops at
 * once with status 'error' instead of looping.
 */
export function createRealtime(deps: RealtimeDeps) {
  let socket: Socket | null = null;
  let authFailures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  function fail(err: BelfryError) {
    deps.onStatus('error', err);
    stop();
  }

  function start() {
    if (socket) return;
    authFailures = 0;
    deps.onStatus('connecting');
    const s: Socket = io(deps.apiUrl, {
      forceNew: true,
      transports: ['websocket', 'polling'],
      reconnectionDelay: 300,
      reconnectionDelayMax: 3_000,
      auth: (cb) => {
        deps.session.getToken().then(
          (token) => cb({ token }),
          (err) => {
            const e = toBelfryError(err);
            if (e.isAuth) fail(e);
            // A network failure reaching the session endpoint: let the handshake fail and retry.
            else cb({ token: '' });
          },
        );
      },
    });
    socket = s;
    s.on('connect', () => {
      authFailures = 0;
      deps.onStatus('online');
      deps.onConnect();
    });
    s.on('disconnect', (reason) => {
      if (socket !== s) return;
      deps.onStatus('offline');
      // The server closed us on purpose (e.g. shutting down): socket.io does not retry that itself.
      if (reason === 'io server disconnect') schedule(() => s.connect(), 500);
    });
    s.on('connect_error', (err: Error & { data?: unknown }) => {
      if (socket !== s) return;
      if (s.active) {
        deps.onStatus('offline');
        return; // a transport failure: socket.io's manager retries with backoff
      }
      // The server refused the handshake (bad or expired session).
      deps.session.invalidate();
      if (++authFailures >= MAX_AUTH_FAILURES) {
        fail(new BelfryError('unauthorized', `realtime connection refused: ${err.message}`, { status: 401 }));
        return;
      }
      deps.onStatus('connecting');
      schedule(() => s.connect(), 300 * authFailures);
    });
    s.on(SOCKET_EVENT, (event: ChangeEvent) => deps.onEvent(event));
  }

  function schedule(fn: () => void, ms: number) {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      fn();
    }, ms);
  }

  function stop() {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    const s = socket;
    socket = null;
    if (s) {
      s.removeAllListeners();
      s.disconnect();
    }
  }

  return {
    start,
    stop,
    get active() {
      return socket !== null;
    },
  };
}
