// Load process for the reconnect-storm bench: N clients on core's own socket module (socket.io-client
// with core's reconnection settings), each doing core's catch-up: on every (re)connect
// GET /v1/inbox/changes?since=<seq>, live events applied in seq order, a gap caught up the same way.
// Prints `ready` once all are connected and caught up; after `kill <t>` on stdin it waits until every
// client is connected again and holds its notification (title `<prefix>-storm`), then prints one JSON
// line: time from the kill, lost and duplicate counts.
// usage: node --conditions=belfry-source --import tsx bench/lib/storm-load.mjs <apiUrl> <N> <prefix>
import { createInterface } from 'node:readline';
import { SignJWT } from 'jose';
import { WebSocket } from 'ws';
import { openSocket } from '../../packages/core/src/socket.ts';
import { APP, now, pool, round, percentile } from './common.mjs';

const [url, nArg, prefix] = process.argv.slice(2);
const N = Number(nArg);
const marker = `${prefix}-storm`;
const key = new TextEncoder().encode(process.env.BELFRY_SESSION_SECRET);
// Setup, not measured: the session tokens are minted with the server's key (the claims
// POST /v1/inbox/session issues), valid across the restart.
const mint = (userId) =>
  new SignJWT({ app: APP, typ: 'session' }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(userId).setIssuedAt().setExpirationTime('1h').sign(key);

/**
 * At most this many /changes requests in flight from the load process, over reused keep-alive
 * connections: the generator must not become the bottleneck (thousands of fresh TCP connections in
 * one process) while the server still sees every catch-up.
 */
const MAX_IN_FLIGHT = 128;
let inFlight = 0;
const waiting = [];
async function limited(fn) {
  if (inFlight >= MAX_IN_FLIGHT) await new Promise((r) => waiting.push(r));
  inFlight++;
  try {
    return await fn();
  } finally {
    inFlight--;
    waiting.shift()?.();
  }
}

let killedAt = null;
let finished = false;
const clients = [];

function finishIfDone() {
  if (finished || killedAt === null) return;
  if (!clients.every((c) => c.connected && c.markerAt !== null)) return;
  report('ok');
}

function report(outcome) {
  finished = true;
  const got = clients.filter((c) => c.markerAt !== null).map((c) => c.markerAt - killedAt);
  const back = clients.filter((c) => c.reconnectedAt !== null).map((c) => c.reconnectedAt - killedAt);
  console.log(
    JSON.stringify({
      n: N,
      outcome,
      caughtUpMs: outcome === 'ok' ? round(Math.max(...got)) : null,
      reconnectedP50Ms: round(percentile(back, 50)),
      reconnectedMaxMs: back.length ? round(Math.max(...back)) : null,
      lost: clients.filter((c) => c.markerAt === null).length,
      duplicates: clients.reduce((n, c) => n + c.duplicates, 0),
      catchUpRequests: clients.reduce((n, c) => n + c.catchUps, 0),
      catchUpFailures: clients.reduce((n, c) => n + c.catchUpFailures, 0),
    }),
  );
  for (const c of clients) c.socket.close();
  process.exit(0);
}

function createClient(userId, token) {
  const c = { userId, seq: 0, seen: new Set(), duplicates: 0, markerAt: null, connected: false, reconnectedAt: null, catching: false, again: false, catchUps: 0, catchUpFailures: 0, firstSync: null };
  c.firstSync = new Promise((r) => (c.synced = r));

  function apply(change) {
    if (change.seq <= c.seq) return;
    c.seq = change.seq;
    if (change.type !== 'created') return;
    const n = change.notification;
    if (c.seen.has(n.id)) c.duplicates++;
    c.seen.add(n.id);
    if (n.title === marker) {
      if (c.markerAt !== null) c.duplicates++;
      c.markerAt ??= now();
      finishIfDone();
    }
  }

  async function catchUp() {
    if (c.catching) {
      c.again = true;
      return;
    }
    c.catching = true;
    try {
      for (;;) {
        c.catchUps++;
        const body = await limited(async () => {
          const res = await fetch(`${url}/v1/inbox/changes?since=${c.seq}&limit=500`, { headers: { authorization: `Bearer ${token}` } });
          if (!res.ok) throw new Error(`changes ${res.status}`);
          return res.json();
        });
        for (const change of body.changes) apply(change);
        if (!body.hasMore) break;
      }
      c.synced();
    } catch {
      c.catchUpFailures++;
      // The connection is going down as well; its reconnect catches up again.
      if (c.connected) setTimeout(() => void catchUp(), 500 + Math.random() * 500);
    } finally {
      c.catching = false;
      if (c.again) {
        c.again = false;
        void catchUp();
      }
    }
  }

  c.socket = openSocket({
    url,
    createWebSocket: (u) => new WebSocket(u),
    auth: async () => ({ token }),
    onAuthError: () => {},
    onConnect: () => {
      c.connected = true;
      if (killedAt !== null && c.reconnectedAt === null) c.reconnectedAt = now();
      void catchUp();
      finishIfDone();
    },
    onDisconnect: () => {
      c.connected = false;
    },
    onRefused: (message) => {
      console.error(`client ${userId} refused: ${message}`);
      process.exit(1);
    },
    onEvent: (name, payload) => {
      if (name !== 'belfry:change') return;
      const change = payload.change;
      if (change.seq === c.seq + 1 && !c.catching) apply(change);
      else if (change.seq > c.seq) void catchUp();
    },
  });
  return c;
}

const users = Array.from({ length: N }, (_, i) => `${prefix}-${i}`);
const tokens = await pool(users, 32, mint);
for (let i = 0; i < N; i++) {
  clients.push(createClient(users[i], tokens[i]));
  // Open in waves, as pages load, rather than N handshakes in one tick.
  if (i % 250 === 249) await new Promise((r) => setTimeout(r, 50));
}
await Promise.all(clients.map((c) => c.firstSync));
console.log('ready');

createInterface({ input: process.stdin }).on('line', (line) => {
  const m = /^kill (\d+(\.\d+)?)$/.exec(line.trim());
  if (m) {
    killedAt = Number(m[1]);
    setTimeout(() => finished || report('timeout'), 60_000);
  }
});
