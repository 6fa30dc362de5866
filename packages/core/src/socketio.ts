import type { WebSocketLike } from './types.js';

// A minimal Socket.IO client (protocol v5 over Engine.IO v4, WebSocket transport only), speaking to
// the server's socket.io endpoint. It replaces socket.io-client in the browser bundle: that package
// (with engine.io's polling/webtransport transports) costs ~13 KB gzip, more than our whole budget
// allows next to query-core. We need only: connect with an auth payload, receive events, answer
// heartbeats, and reconnect with backoff — the seq catch-up above makes delivery exact anyway.

export interface SocketIoOptions {
  /** The API base URL; the socket goes to its origin at /socket.io/. */
  url: string;
  createWebSocket(url: string): WebSocketLike;
  /** The handshake payload, fetched again for every attempt (a fresh session token). Rejecting stops this attempt. */
  auth(): Promise<Record<string, unknown>>;
  onConnect(): void;
  /** The connection is gone (it will be retried unless closed). */
  onDisconnect(): void;
  /** The server refused the handshake (middleware error): not retried here. */
  onConnectError(message: string): void;
  /** auth() rejected: not retried here. */
  onAuthError(error: unknown): void;
  onEvent(name: string, payload: unknown): void;
}

export interface SocketIo {
  open(): void;
  /** Try again now (after a refused handshake). */
  reconnect(delayMs?: number): void;
  close(): void;
}

/** Reconnect backoff bounds (ms). */
const MIN_DELAY = 300;
const MAX_DELAY = 3_000;

export function socketUrl(apiUrl: string): string {
  const u = new URL(apiUrl);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  u.pathname = '/socket.io/';
  u.search = 'EIO=4&transport=websocket';
  u.hash = '';
  return u.toString();
}

export function createSocketIo(opts: SocketIoOptions): SocketIo {
  const url = socketUrl(opts.url);
  let ws: WebSocketLike | null = null;
  let connected = false;
  let closed = true;
  let attempt = 0;
  let generation = 0;
  let heartbeat: ReturnType<typeof setTimeout> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let authPayload: Record<string, unknown> = {};

  const clear = (t: ReturnType<typeof setTimeout> | null) => t !== null && clearTimeout(t);

  function drop(reconnect: boolean) {
    generation++;
    clear(heartbeat);
    heartbeat = null;
    const old = ws;
    ws = null;
    if (old) {
      old.onopen = old.onmessage = old.onclose = old.onerror = null;
      try {
        old.close();
      } catch {
        // already closing
      }
    }
    const was = connected;
    connected = false;
    if (was) opts.onDisconnect();
    if (reconnect && !closed) {
      // Exponential backoff with jitter, so a restarted server is not hit by every client at once.
      const base = Math.min(MAX_DELAY, MIN_DELAY * 2 ** attempt++);
      schedule(base / 2 + Math.random() * (base / 2));
    }
  }

  function schedule(ms: number) {
    clear(retry);
    retry = setTimeout(() => {
      retry = null;
      connect();
    }, ms);
  }

  function connect() {
    if (closed || ws) return;
    const gen = ++generation;
    opts.auth().then(
      (payload) => {
        if (closed || gen !== generation) return;
        authPayload = payload;
        let socket: WebSocketLike;
        try {
          socket = opts.createWebSocket(url);
        } catch {
          drop(true);
          return;
        }
        ws = socket;
        socket.onmessage = (event) => {
          if (gen === generation) receive(String(event.data));
        };
        socket.onclose = socket.onerror = () => {
          if (gen === generation) drop(true);
        };
      },
      (err) => {
        if (closed || gen !== generation) return;
        opts.onAuthError(err);
      },
    );
  }

  function arm(ms: number) {
    clear(heartbeat);
    heartbeat = setTimeout(() => drop(true), ms);
  }
  let heartbeatMs = 45_000;

  function receive(data: string) {
    switch (data[0]) {
      case '0': {
        // Engine.IO open: heartbeat settings; then join the default namespace with our auth.
        try {
          const open = JSON.parse(data.slice(1)) as { pingInterval?: number; pingTimeout?: number };
          heartbeatMs = (open.pingInterval ?? 25_000) + (open.pingTimeout ?? 20_000);
        } catch {
          // keep defaults
        }
        arm(heartbeatMs);
        ws?.send(`40${JSON.stringify(authPayload)}`);
        return;
      }
      case '2':
        arm(heartbeatMs);
        ws?.send('3');
        return;
      case '1':
        drop(true);
        return;
      case '4':
        socketIoPacket(data.slice(1));
        return;
    }
  }

  function socketIoPacket(p: string) {
    const type = p[0];
    const body = p.slice(1);
    if (type === '0') {
      connected = true;
      attempt = 0;
      opts.onConnect();
    } else if (type === '4') {
      let message = 'connect_error';
      try {
        message = (JSON.parse(body) as { message?: string }).message ?? message;
      } catch {
        // keep default
      }
      drop(false);
      opts.onConnectError(message);
    } else if (type === '1') {
      drop(true);
    } else if (type === '2') {
      // EVENT: optional ack id digits, then a JSON array [name, ...args] (default namespace only).
      const json = body.replace(/^\d+/, '');
      try {
        const [name, payload] = JSON.parse(json) as [string, unknown];
        opts.onEvent(name, payload);
      } catch {
        // not for us
      }
    }
  }

  return {
    open() {
      if (!closed) return;
      closed = false;
      attempt = 0;
      connect();
    },
    reconnect(delayMs = 0) {
      if (closed) return;
      drop(false);
      schedule(delayMs);
    },
    close() {
      closed = true;
      clear(retry);
      retry = null;
      drop(false);
    },
  };
}
