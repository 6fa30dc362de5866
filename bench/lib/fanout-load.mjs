// Load process for the fan-out bench: N socket.io clients, one per user, then one notification for
// all N users (calls of 1,000 recipients, sent together). Prints one JSON line with the timings.
// usage: node bench/lib/fanout-load.mjs <apiUrl> <N> <userPrefix>
import { SignJWT } from 'jose';
import { io } from 'socket.io-client';
import { APP, now, pool, session, trigger, percentile, round } from './common.mjs';

const [url, nArg, prefix] = process.argv.slice(2);
const N = Number(nArg);
const users = Array.from({ length: N }, (_, i) => `${prefix}-${i}`);
const marker = `fanout-${prefix}`;

const t0 = now();
// Setup, not measured: with the server's session key known (BELFRY_SESSION_SECRET), the load process
// mints the session tokens itself (the same HS256 claims POST /v1/inbox/session issues) instead of
// making N session calls; without it, it asks the server.
const sessionKey = process.env.BELFRY_SESSION_SECRET;
const mint = async (userId) =>
  new SignJWT({ app: APP, typ: 'session' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(sessionKey));
const tokens = await pool(users, 32, (u) => (sessionKey ? mint(u) : session(url, u)));
// One real session call proves the server accepts this user as well.
await session(url, users[0]);
const tSessions = now();

const warmMarker = `${marker}-warmup`;
let warmCount = 0;
let warmDone;
const warmed = new Promise((r) => (warmDone = r));
const received = new Array(N).fill(null);
let count = 0;
let allDone;
const delivered = new Promise((r) => (allDone = r));

const sockets = [];
await pool(users, 200, (u, i) =>
  new Promise((done, fail) => {
    const socket = io(url, { auth: { token: tokens[i] }, transports: ['websocket'], forceNew: true, reconnection: false });
    sockets.push(socket);
    socket.on('belfry:change', (event) => {
      if (event?.change?.type !== 'created') return;
      if (event.change.notification.title === warmMarker) {
        if (++warmCount === N) warmDone();
        return;
      }
      if (received[i] !== null || event.change.notification.title !== marker) return;
      received[i] = now();
      if (++count === N) allDone();
    });
    socket.once('connect', done);
    socket.once('connect_error', (e) => fail(new Error(`client ${u}: ${e.message}`)));
  }),
);
const tConnected = now();

const batches = [];
for (let i = 0; i < N; i += 1000) batches.push(users.slice(i, i + 1000));

// Steady state, as a running server is: one earlier notification to the same users (so they exist
// and the code paths are warm), delivered to every client before the measured one is sent.
const tWarm = now();
for (const recipients of batches) await trigger(url, recipients, warmMarker);
await Promise.race([warmed, new Promise((r) => setTimeout(r, 60_000))]);
const warmupMs = now() - tWarm;

const tFirstCall = now();
const calls = batches.map((recipients) =>
  trigger(url, recipients, marker).then(() => now()),
);
const callDone = await Promise.all(calls);
const timeout = new Promise((r) => setTimeout(r, 30_000, 'timeout'));
const outcome = await Promise.race([delivered.then(() => 'ok'), timeout]);
const got = received.filter((t) => t !== null).map((t) => t - tFirstCall);

console.log(
  JSON.stringify({
    n: N,
    outcome,
    received: got.length,
    sessionsMs: round(tSessions - t0),
    connectMs: round(tConnected - tSessions),
    warmupMs: round(warmupMs),
    warmupReceived: warmCount,
    triggerCallsMs: round(Math.max(...callDone) - tFirstCall),
    allDeliveredMs: outcome === 'ok' ? round(Math.max(...got)) : null,
    p50Ms: round(percentile(got, 50)),
    p99Ms: round(percentile(got, 99)),
  }),
);
for (const s of sockets) s.close();
process.exit(0);
