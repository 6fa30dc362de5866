// socket.io on the API's HTTP server: the handshake carries a session token, each socket joins its
// user's room, and change events are sent to that room only. With Redis, rooms span processes.
import type { Server as HttpServer } from 'node:http';
import type { ChangeEvent } from '@belfry/core/api';
import { SOCKET_EVENT } from '../wire.js';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import type { SessionTokens } from '../auth/sessionTokens.js';
import type { Metrics } from '../metrics.js';
import { corsOrigin, type OriginPolicy } from '../http/origins.js';
import { roomOf } from './orderedEmitter.js';

export interface RealtimeOptions {
  origins: OriginPolicy;
  redisUrl?: string | undefined;
  redisKeyPrefix?: string | undefined;
}

export interface Realtime {
  send(room: string, event: ChangeEvent): void;
  /** How many sockets are in each room now, across every process (with Redis, asked over the adapter). */
  reach(rooms: string[]): Promise<Map<string, number>>;
  /** Disconnects every local socket (before the HTTP server closes). */
  disconnectAll(): void;
  close(): Promise<void>;
}

export async function attachRealtime(
  httpServer: HttpServer,
  sessions: SessionTokens,
  metrics: Metrics,
  options: RealtimeOptions,
): Promise<Realtime> {
  const io = new Server(httpServer, {
    cors: { origin: corsOrigin(options.origins), credentials: false },
    // Every new connection, whatever its transport: a WebSocket handshake gets no CORS check, so its
    // Origin is checked here (upgrades join a connection that already passed).
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      if (options.origins.allows(origin)) callback(null, true);
      else callback(`origin ${origin} is not allowed (BELFRY_ALLOWED_ORIGINS)`, false);
    },
    serveClient: false,
  });

  const redisClients: Array<{ close(): Promise<void> }> = [];
  if (options.redisUrl) {
    let connected = false;
    const pub = createClient({
      url: options.redisUrl,
      socket: {
        // At start an unreachable Redis is a startup error (after ~3 s), not a silent hang; once
        // running, reconnect for as long as it takes.
        reconnectStrategy: (retries: number, cause: Error) => (!connected && retries >= 5 ? cause : Math.min(100 * 2 ** retries, 2000)),
      },
    });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) {
      // Reconnects are automatic; an error event without a listener would crash the process.
      client.on('error', () => {});
      redisClients.push(client);
    }
    try {
      await Promise.all([pub.connect(), sub.connect()]);
    } catch (err) {
      await Promise.all([pub, sub].map((c) => c.close().catch(() => undefined)));
      io.close();
      throw err;
    }
    connected = true;
    // The adapter's typings lag behind redis' client generics; the runtime API is the one it expects.
    io.adapter(createAdapter(pub as never, sub as never, { key: options.redisKeyPrefix ?? 'belfry' }));
  }

  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth?.token;
    if (typeof token !== 'string' || token.length === 0) return next(new Error('unauthorized'));
    sessions.verify(token).then(
      (claims) => {
        socket.data.appId = claims.appId;
        socket.data.userId = claims.userId;
        next();
      },
      () => next(new Error('unauthorized')),
    );
  });

  io.on('connection', (socket) => {
    metrics.sockets.inc();
    void socket.join(roomOf(socket.data.appId as string, socket.data.userId as string));
    socket.on('disconnect', () => metrics.sockets.dec());
  });

  return {
    send: (room, event) => {
      // Without Redis every listener is local: skip encoding events for users with no open socket.
      if (redisClients.length === 0 && !io.sockets.adapter.rooms.has(room)) return;
      io.to(room).emit(SOCKET_EVENT, event);
    },
    reach: async (rooms) => {
      const counts = new Map(rooms.map((r) => [r, 0]));
      if (redisClients.length === 0) {
        for (const room of rooms) counts.set(room, io.sockets.adapter.rooms.get(room)?.size ?? 0);
        return counts;
      }
      // One cluster-wide request for every room of the push, not one per room.
      for (const socket of await io.in(rooms).fetchSockets()) {
        for (const room of socket.rooms) if (counts.has(room)) counts.set(room, counts.get(room)! + 1);
      }
      return counts;
    },
    disconnectAll: () => {
      io.local.disconnectSockets(true);
      io.engine.close();
    },
    close: async () => {
      io.local.disconnectSockets(true);
      await Promise.all(redisClients.map((c) => c.close().catch(() => undefined)));
    },
  };
}
