// CHAOS: 300 notifications are triggered while the test keeps cutting the client's connections
// (fault proxy) and SIGKILLs + restarts the server process on the same SQLite file. Afterwards the
// client's items and counts must equal the server's exactly, and every notification must have been
// announced exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Notification } from '../src/index.js';
import { startFaultProxy, type FaultProxy } from './faultProxy.js';
import { makeClient, newUser, serverCounts, serverItems, sleep, trigger, waitFor } from './harness.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const TOTAL = 300;
const RESTART_EVERY = 60;
/** The client must have lost its connection at least this often (cuts and restarts together). */
const MIN_DISCONNECTS = 10;

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

function startChild(port: number, db: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--conditions=belfry-source', '--import', 'tsx', 'packages/server/src/bin.ts', 'start', '--port', String(port), '--host', '127.0.0.1', '--db', db, '--demo'], {
    cwd: ROOT,
    env: { ...process.env, BELFRY_SESSION_SECRET: 'core-chaos-session-secret-0123456789', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('belfry listening on')) {
        clearTimeout(timer);
        resolvePromise(child);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening: ${out}`));
    });
  });
}

async function kill(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

let child: ChildProcess | null = null;
let proxy: FaultProxy | null = null;
const dir = mkdtempSync(join(tmpdir(), 'belfry-chaos-'));
afterAll(async () => {
  if (child) await kill(child);
  await proxy?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('chaos', () => {
  it(`${TOTAL} notifications through cut connections and server SIGKILLs: client equals server`, async () => {
    const port = await freePort();
    const db = join(dir, 'belfry.db');
    child = await startChild(port, db);
    const direct = `http://127.0.0.1:${port}`;
    proxy = await startFaultProxy(direct);
    const user = newUser('chaos');
    const client = makeClient(proxy.url, user, { pageSize: 100 });
    const announced: string[] = [];
    const errors: string[] = [];
    client.on('notification', (n) => announced.push(n.id));
    client.on('error', (e) => errors.push(e.code));
    let clientDisconnects = 0;
    let wasOnline = false;
    client.on('connection', (c) => {
      if (wasOnline && c.status !== 'online') clientDisconnects++;
      wasOnline = c.status === 'online';
    });
    const feed = client.feed();
    const offs = [feed.subscribe(() => {}), client.counts.subscribe(() => {}), client.connection.subscribe(() => {})];
    await waitFor(() => client.connection.getState().status === 'online' && feed.getState().status === 'success', { message: 'online' });

    let done = false;
    let cuts = 0;
    let restarts = 0;
    let mutations = 0;
    let triggerRetries = 0;
    let restarting: Promise<void> | null = null;

    // Cut every open client connection (HTTP and socket) 0.3-0.7 s after the client is back online:
    // soon enough to hit the catch-up and other requests in flight, and every cut also costs a
    // reconnect (socket.io retries 0.25-0.75 s after a drop, longer while the server is down).
    // It goes on after the last notification until the client has been cut off at least
    // MIN_DISCONNECTS times (a loaded machine triggers more slowly, a fast one sooner).
    const enough = () => done && clientDisconnects >= MIN_DISCONNECTS;
    const cutter = (async () => {
      while (!enough()) {
        await sleep(300 + Math.random() * 400);
        if (proxy!.cutAll() > 0) cuts++;
        while (!enough() && client.connection.getState().status !== 'online') await sleep(50);
      }
    })();

    for (let i = 0; i < TOTAL; i++) {
      if (i > 0 && i % RESTART_EVERY === 0) {
        // SIGKILL the server and bring it back on the same file; meanwhile the loop keeps trying.
        const victim = child!;
        restarting = (async () => {
          await kill(victim);
          await sleep(200);
          child = await startChild(port, db);
          restarts++;
        })();
      }
      for (;;) {
        try {
          await trigger(direct, user, { title: `chaos ${i}`, category: i % 3 === 0 ? 'alerts' : 'general', idempotencyKey: `${user}-${i}` });
          break;
        } catch {
          triggerRetries++;
          await sleep(100);
        }
      }
      // Spread the notifications out so the client spends real time online between faults.
      await sleep(40);
      if (restarting && i % RESTART_EVERY === 10) {
        await restarting;
        restarting = null;
      }
      // The user acts too: read something now and then (these may fail and roll back; the end state must still match).
      if (i % 15 === 7) {
        const items = feed.getState().items;
        const target = items[Math.floor(Math.random() * items.length)];
        if (target) {
          mutations++;
          client.markRead(target.id).catch(() => {});
        }
      }
      if (i % 40 === 20) {
        mutations++;
        client.markSeen(feed.getState().items.slice(0, 5).map((n) => n.id)).catch(() => {});
      }
    }
    if (restarting) await restarting;
    done = true;
    await cutter;

    // Let the client settle, then page through everything and compare with the server.
    const truth = await serverItems(direct, user);
    expect(truth).toHaveLength(TOTAL);
    const summary = (items: Notification[]) => items.map((n) => `${n.id}:${n.readAt ? 'r' : 'u'}:${n.seenAt ? 's' : '-'}`);
    let diff = -1;
    await waitFor(
      async () => {
        while (feed.getState().hasMore) await feed.loadMore();
        const now = await serverItems(direct, user);
        const mine = summary(feed.getState().items);
        const theirs = summary(now);
        diff = mine.filter((x) => !theirs.includes(x)).length + theirs.filter((x) => !mine.includes(x)).length;
        return diff === 0 && mine.join() === theirs.join();
      },
      { timeout: 30_000, interval: 250, message: 'client items equal server items' },
    );
    const sc = await serverCounts(direct, user);
    await waitFor(() => {
      const c = client.counts.getState();
      return c.total === sc.total && c.unread === sc.unread && c.unseen === sc.unseen;
    }, { message: 'counts equal' });
    const cc = client.counts.getState();
    expect({ total: cc.total, unread: cc.unread, unseen: cc.unseen, categories: cc.categories }).toEqual({
      total: sc.total,
      unread: sc.unread,
      unseen: sc.unseen,
      categories: sc.categories,
    });
    const ids = feed.getState().items.map((n) => n.id);
    expect(new Set(ids).size).toBe(TOTAL);
    expect(announced).toHaveLength(TOTAL);
    expect(new Set(announced).size).toBe(TOTAL);
    const figures = { notifications: TOTAL, cuts, clientDisconnects, restarts, mutations, triggerRetries, clientErrors: errors.length, finalDiff: diff };
    console.log(`CHAOS ${JSON.stringify(figures)}`);
    expect(restarts).toBe(Math.floor((TOTAL - 1) / RESTART_EVERY));
    expect(clientDisconnects).toBeGreaterThanOrEqual(MIN_DISCONNECTS);
    offs.forEach((o) => o());
    client.destroy();
  }, 240_000);
});
