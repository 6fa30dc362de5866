// End-to-end slice on a real server: session, trigger, list, counts, patch, changes and socket events,
// on SQLite and (when reachable) on a fresh PostgreSQL database.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_EVENT, type ChangeEvent, type ChangesResponse, type Counts, type ListResponse, type PatchResponse } from '@belfry/core/api';
import { createBelfryServer, signUserToken, userKeyFor, type BelfryServer } from '../src/index';
import { OrderedEmitter } from '../src/realtime/orderedEmitter';
import { databases, freshDatabase } from './harness';

describe.each(databases())('smoke on %s', (kind) => {
  let server: BelfryServer;
  let drop: () => Promise<void>;
  let dbOptions: { sqlitePath?: string; databaseUrl?: string } = {};
  const secret = 'sk_test_smoke';
  const appId = 'smoke';

  beforeAll(async () => {
    const db = await freshDatabase(kind);
    drop = db.drop;
    dbOptions = db.options;
    server = await createBelfryServer({
      ...db.options,
      port: 0,
      allowedOrigins: ['*'],
      masterKey: 'smoke-master-key',
      seedApps: [{ id: appId, secret, name: 'Smoke' }],
      sweepIntervalMs: 100,
      rateLimit: false,
    });
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  const call = async <T>(method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(server.url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  const session = async (userId: string) => {
    const res = await call<{ token: string }>('POST', '/v1/inbox/session', '', { appId, userId, userKey: userKeyFor(secret, userId) });
    expect(res.status).toBe(200);
    return res.body.token;
  };

  it('serves health and rejects bad credentials', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true });
    const bad = await call<{ error: { code: string } }>('POST', '/v1/inbox/session', '', { appId, userId: 'u1', userKey: 'ff'.repeat(32) });
    expect(bad.status).toBe(401);
    const noAuth = await call<{ error: { code: string } }>('GET', '/v1/inbox/counts', 'nope');
    expect(noAuth.status).toBe(401);
  });

  it('triggers, lists, counts, patches and streams changes in seq order', async () => {
    const userId = `u_${randomBytes(4).toString('hex')}`;
    const token = await session(userId);
    const socket = io(server.url, { auth: { token }, transports: ['websocket'] });
    const events: ChangeEvent[] = [];
    socket.on(SOCKET_EVENT, (e: ChangeEvent) => events.push(e));
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', reject);
    });

    const first = await call<{ notifications: Array<{ id: string }>; replayed: boolean }>('POST', '/v1/notifications', secret, {
      recipients: [userId],
      category: 'comments',
      title: 'Hello',
      idempotencyKey: `k-${userId}`,
    });
    expect(first.status).toBe(201);
    const again = await call<{ notifications: Array<{ id: string }>; replayed: boolean }>('POST', '/v1/notifications', secret, {
      recipients: [userId],
      category: 'comments',
      title: 'Hello',
      idempotencyKey: `k-${userId}`,
    });
    expect(again.status).toBe(200);
    expect(again.body.replayed).toBe(true);
    expect(again.body.notifications).toEqual(first.body.notifications);
    await call('POST', '/v1/notifications', secret, { recipients: [userId], category: 'mentions', title: 'Second' });

    const list = await call<ListResponse>('GET', '/v1/inbox/notifications?limit=1', token);
    expect(list.status).toBe(200);
    expect(list.body.items.map((n) => n.title)).toEqual(['Second']);
    const page2 = await call<ListResponse>('GET', `/v1/inbox/notifications?limit=1&cursor=${list.body.nextCursor}`, token);
    expect(page2.body.items.map((n) => n.title)).toEqual(['Hello']);
    expect(page2.body.nextCursor).toBeNull();

    const counts = await call<Counts>('GET', '/v1/inbox/counts?byCategory=true', token);
    expect(counts.body).toMatchObject({ total: 2, unread: 2, unseen: 2, categories: { comments: { total: 1, unread: 1, unseen: 1 } } });

    const id = first.body.notifications[0]!.id;
    const patched = await call<PatchResponse>('PATCH', `/v1/inbox/notifications/${id}`, token, { read: true });
    expect(patched.status).toBe(200);
    expect(patched.body.notification.readAt).not.toBeNull();
    expect(patched.body.counts.unread).toBe(1);
    const noop = await call<PatchResponse>('PATCH', `/v1/inbox/notifications/${id}`, token, { read: true });
    expect(noop.body.seq).toBe(patched.body.seq);

    const changes = await call<ChangesResponse>('GET', '/v1/inbox/changes?since=0', token);
    expect(changes.body.changes.map((c) => [c.seq, c.type])).toEqual([
      [1, 'created'],
      [2, 'created'],
      [3, 'updated'],
    ]);
    await expect.poll(() => events.length).toBe(3);
    expect(events.map((e) => e.change.seq)).toEqual([1, 2, 3]);
    expect(events[2]!.counts.unread).toBe(1);
    socket.close();
  });

  it('accepts user tokens and refuses them for another app', async () => {
    const userToken = await signUserToken({ secret, appId, userId: 'jwt-user' });
    const ok = await call<{ userId: string }>('POST', '/v1/inbox/session', '', { appId, userToken });
    expect(ok.status).toBe(200);
    expect(ok.body.userId).toBe('jwt-user');
    const other = await signUserToken({ secret, appId: 'other', userId: 'jwt-user' });
    expect((await call('POST', '/v1/inbox/session', '', { appId, userToken: other })).status).toBeGreaterThanOrEqual(401);
  });

  it('answers bad input with a 400 naming the field', async () => {
    const res = await call<{ error: { code: string; field: string; message: string } }>('POST', '/v1/notifications', secret, {
      recipients: ['a'],
      category: 'c',
      title: 'x'.repeat(201),
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'bad_request', field: 'title', message: 'body/title must NOT have more than 200 characters' });
    const extra = await call<{ error: { field: string } }>('POST', '/v1/notifications', secret, { recipients: ['a'], category: 'c', title: 't', nope: 1 });
    expect(extra.status).toBe(400);
    expect(extra.body.error.field).toBe('nope');
    const leap = await call<{ error: { field: string } }>('POST', '/v1/notifications', secret, {
      recipients: ['a'],
      category: 'c',
      title: 't',
      expiresAt: '2030-06-30T23:59:60Z',
    });
    expect(leap.status).toBe(400);
    expect(leap.body.error.field).toBe('expiresAt');
    const token = await session('cursor-user');
    const cursor = await call<{ error: { field: string } }>('GET', '/v1/inbox/notifications?cursor=%%%', token);
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.field).toBe('cursor');
  });

  it('answers 410 seq_expired for a since older than the retained history', async () => {
    const userId = `old_${randomBytes(4).toString('hex')}`;
    const token = await session(userId);
    for (const title of ['a', 'b']) await call('POST', '/v1/notifications', secret, { recipients: [userId], category: 'c', title });
    const backdate = `update changes set created_at = '2000-01-01T00:00:00.000Z' where user_id = $1 and seq = 1`;
    if (kind === 'sqlite') {
      const file = new SQLite(dbOptions.sqlitePath!);
      file.prepare(backdate.replace('$1', '?')).run(userId);
      file.close();
    } else {
      const client = new pg.Client({ connectionString: dbOptions.databaseUrl! });
      await client.connect();
      await client.query(backdate, [userId]);
      await client.end();
    }
    await server.sweep();
    const gone = await call<{ error: { code: string } }>('GET', '/v1/inbox/changes?since=0', token);
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe('seq_expired');
    const kept = await call<ChangesResponse>('GET', '/v1/inbox/changes?since=1', token);
    expect(kept.body.changes.map((c) => c.seq)).toEqual([2]);
  });

  it('wakes snoozed notifications with an updated change', async () => {
    const userId = `s_${randomBytes(4).toString('hex')}`;
    const token = await session(userId);
    const t = await call<{ notifications: Array<{ id: string }> }>('POST', '/v1/notifications', secret, { recipients: [userId], category: 'c', title: 'zz' });
    const id = t.body.notifications[0]!.id;
    await call('PATCH', `/v1/inbox/notifications/${id}`, token, { snoozedUntil: new Date(Date.now() + 300).toISOString() });
    expect((await call<ListResponse>('GET', '/v1/inbox/notifications', token)).body.items).toHaveLength(0);
    await expect.poll(async () => (await call<ListResponse>('GET', '/v1/inbox/notifications', token)).body.items.length, { timeout: 5000 }).toBe(1);
    const types = async () => (await call<ChangesResponse>('GET', '/v1/inbox/changes?since=0', token)).body.changes.map((c) => c.type);
    await expect.poll(types, { timeout: 5000 }).toEqual(['created', 'updated', 'updated']);
    const woken = (await call<ChangesResponse>('GET', '/v1/inbox/changes?since=2', token)).body.changes[0];
    expect(woken?.type === 'updated' && woken.notification.snoozedUntil).toBeNull();
  });
});

describe('belfry-server bin', () => {
  const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
  const run = (args: string[]) => spawn(process.execPath, ['--conditions=belfry-source', '--import', 'tsx', bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } });

  it('create-app prints an id and a secret; start serves it, prints its URL and stops on SIGTERM', { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'belfry-bin-'));
    const db = join(dir, 'belfry.db');
    try {
      const created = run(['create-app', '--name', 'Bin', '--db', db]);
      let out = '';
      created.stdout.on('data', (d: Buffer) => (out += d.toString()));
      expect(await new Promise((r) => created.on('exit', r))).toBe(0);
      const id = /app id:\s+(\S+)/.exec(out)?.[1];
      const secret = /secret key:\s+(sk_\S+)/.exec(out)?.[1];
      expect(id && secret).toBeTruthy();

      const server = run(['start', '--port', '0', '--db', db, '--demo']);
      let log = '';
      server.stdout.on('data', (d: Buffer) => (log += d.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        server.stdout.on('data', () => {
          const m = /belfry listening on (http:\/\/\S+)\n/.exec(log);
          if (m) resolve(m[1]!);
        });
        server.on('exit', (code) => reject(new Error(`exited ${code}: ${log}`)));
      });
      await expect.poll(() => log).toContain('curl -X POST');
      const health = await fetch(`${url}/healthz`);
      expect([health.status, await health.json()]).toEqual([200, { ok: true }]);
      const res = await fetch(`${url}/v1/notifications`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ recipients: ['alice'], category: 'c', title: 'from the bin test' }),
      });
      expect(res.status).toBe(201);
      const demo = await fetch(`${url}/v1/categories`, { headers: { authorization: 'Bearer sk_test_demo' } });
      expect(demo.status).toBe(200);
      server.kill('SIGTERM');
      expect(await new Promise((r) => server.on('exit', (code) => r(code)))).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('OrderedEmitter', () => {
  it('releases a user’s events in seq order, past rolled-back seqs and failed sends', () => {
    const sent: number[] = [];
    const emitter = new OrderedEmitter((_room, event) => {
      sent.push(event.change.seq);
      if (event.change.seq === 2) throw new Error('socket gone');
    });
    const event = (seq: number): ChangeEvent => ({ change: { seq, type: 'deleted', id: 'x' }, counts: { total: 0, unread: 0, unseen: 0 } });
    const [t1, t2, t3, t4] = [1, 2, 3, 4].map((seq) => emitter.reserve('app:u', seq));
    const other = emitter.reserve('app:v', 9);
    t3!.ready(event(3));
    t2!.ready(event(2));
    other.ready(event(9));
    expect(sent).toEqual([9]);
    t1!.cancel();
    expect(sent).toEqual([9, 2, 3]);
    t4!.ready(event(4));
    expect(sent).toEqual([9, 2, 3, 4]);
  });
});
