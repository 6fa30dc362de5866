// Durability: the server runs as a child process on a SQLite file, is SIGKILLed (no graceful close)
// right after acknowledging writes — and during a burst of them — and restarted on the same file:
// every acknowledged notification and state change is still there.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChangesResponse, ListResponse, Preferences, SessionResponse, TriggerResponse } from '@belfry/core/api';
import { userKeyFor } from '../src/index';
import { call, rid } from './harness';

const ROOT = resolve(import.meta.dirname, '../../..');
const DEMO = { id: 'demo', secret: 'sk_test_demo' };

interface Child {
  proc: ChildProcess;
  url: string;
}

function startChild(dbFile: string): Promise<Child> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const proc = spawn(
    process.execPath,
    ['--conditions=belfry-source', '--import', 'tsx', 'packages/server/src/bin.ts', 'start', '--port', '0', '--host', '127.0.0.1', '--db', dbFile, '--demo'],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((res, rej) => {
    let out = '';
    const timer = setTimeout(() => (proc.kill('SIGKILL'), rej(new Error(`no "belfry listening on" within 45 s:\n${out}`))), 45_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /belfry listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res({ proc, url: m[1]!.replace(/\/$/, '') });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.once('exit', (code) => (clearTimeout(timer), rej(new Error(`server exited (${code}) before listening:\n${out}`))));
  });
}

function kill9(child: Child): Promise<void> {
  return new Promise((res) => {
    if (child.proc.exitCode !== null || child.proc.signalCode) return res();
    child.proc.once('exit', () => res());
    child.proc.kill('SIGKILL');
  });
}

describe('durability (SQLite file, child process, SIGKILL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'belfry-durable-'));
  const dbFile = join(dir, 'belfry.db');
  const children: Child[] = [];
  afterAll(async () => {
    for (const c of children) await kill9(c);
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write across SIGKILL and restart', async () => {
    const user = rid();
    const trigger = (url: string, body: Record<string, unknown>) =>
      call<TriggerResponse>(url, 'POST', '/v1/notifications', { token: DEMO.secret, body: { category: 'general', title: 'd', ...body } });
    const session = async (url: string) => {
      const res = await call<SessionResponse>(url, 'POST', '/v1/inbox/session', { body: { appId: DEMO.id, userId: user, userKey: userKeyFor(DEMO.secret, user) } });
      expect(res.status, res.text).toBe(200);
      return res.body.token;
    };

    const first = await startChild(dbFile);
    children.push(first);
    const acked: string[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await trigger(first.url, { recipients: [user], title: `seq ${i}` });
      expect(r.status, r.text).toBe(201);
      acked.push(r.body.notifications[0]!.id);
    }
    const idem = await trigger(first.url, { recipients: [user], title: 'idem', idempotencyKey: 'durable-key' });
    expect(idem.status).toBe(201);
    acked.push(idem.body.notifications[0]!.id);
    expect((await call(first.url, 'PUT', '/v1/categories/promo', { token: DEMO.secret, body: { label: 'Promo' } })).status).toBe(200);
    const token = await session(first.url);
    const inbox = (method: string, path: string, body?: unknown) => call(first.url, method, path, { token, body });
    expect((await inbox('PATCH', `/v1/inbox/notifications/${acked[0]}`, { read: true })).status).toBe(200);
    expect((await inbox('PATCH', `/v1/inbox/notifications/${acked[1]}`, { archived: true })).status).toBe(200);
    expect((await inbox('DELETE', `/v1/inbox/notifications/${acked[2]}`)).status).toBe(200);
    expect((await inbox('POST', '/v1/inbox/notifications/bulk', { ids: [acked[3], acked[4]], seen: true })).status).toBe(200);
    expect((await inbox('PUT', '/v1/inbox/preferences', { categories: { promo: { channels: { email: false } } } })).status).toBe(200);

    // A burst of concurrent writes, killed as soon as half of them are acknowledged.
    const burst = Array.from({ length: 40 }, (_, i) =>
      trigger(first.url, { recipients: [user], title: `burst ${i}` }).then(
        (r) => (r.status === 201 ? r.body.notifications[0]!.id : null),
        () => null,
      ),
    );
    const burstAcked: string[] = []; // a 201 received, even after the kill, was sent, so committed
    await new Promise<void>((res) => {
      let n = 0;
      burst.forEach((p) => p.then((id) => {
        if (id) burstAcked.push(id);
        if (++n === 20 || burstAcked.length === 20) res();
      }));
    });
    await kill9(first);
    await Promise.all(burst);
    expect(burstAcked.length).toBeGreaterThan(0);

    const second = await startChild(dbFile);
    children.push(second);
    const token2 = await session(second.url);
    const all: ListResponse['items'] = [];
    for (const archived of ['false', 'true']) {
      const r = await call<ListResponse>(second.url, 'GET', `/v1/inbox/notifications?limit=100&archived=${archived}`, { token: token2 });
      expect(r.status, r.text).toBe(200);
      all.push(...r.body.items);
    }
    const byId = new Map(all.map((n) => [n.id, n]));
    for (const id of [...acked, ...burstAcked]) if (id !== acked[2]) expect(byId.has(id), `acknowledged ${id} survived`).toBe(true);
    expect(byId.has(acked[2]!), 'the deleted one stays deleted').toBe(false);
    expect(byId.get(acked[0]!)?.readAt).toEqual(expect.any(String));
    expect(byId.get(acked[1]!)?.archivedAt).toEqual(expect.any(String));
    expect(byId.get(acked[3]!)?.seenAt).toEqual(expect.any(String));
    expect(byId.get(acked[4]!)?.seenAt).toEqual(expect.any(String));

    const changes = await call<ChangesResponse>(second.url, 'GET', '/v1/inbox/changes?since=0&limit=1000', { token: token2 });
    const seqs = changes.body.changes.map((c) => c.seq);
    expect(seqs, 'seq continues without gaps').toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqs.length).toBeGreaterThanOrEqual(21 + 4 + burstAcked.length);
    const prefs = await call<Preferences>(second.url, 'GET', '/v1/inbox/preferences', { token: token2 });
    expect(prefs.body.categories.promo?.channels.email).toBe(false);
    const replay = await trigger(second.url, { recipients: [user], title: 'idem', idempotencyKey: 'durable-key' });
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ replayed: true, notifications: [{ userId: user, id: acked[20] }] });
    const fresh = await trigger(second.url, { recipients: [user], title: 'after restart' });
    expect(fresh.status).toBe(201);
  }, 150_000);

  it('a bulk update killed in flight is all or nothing, and seq agrees with the state', async () => {
    const file = join(dir, 'bulk.db');
    const user = rid();
    const first = await startChild(file);
    children.push(first);
    const created = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        call<TriggerResponse>(first.url, 'POST', '/v1/notifications', { token: DEMO.secret, body: { recipients: [user], category: 'general', title: `b${i}` } }),
      ),
    );
    expect(created.every((r) => r.status === 201)).toBe(true);
    const session = async (url: string) =>
      (await call<SessionResponse>(url, 'POST', '/v1/inbox/session', { body: { appId: DEMO.id, userId: user, userKey: userKeyFor(DEMO.secret, user) } })).body.token;
    const token = await session(first.url);
    const bulk = call(first.url, 'POST', '/v1/inbox/notifications/bulk', { token, body: { filter: {}, read: true } }).catch(() => null);
    await new Promise((r) => setTimeout(r, 3));
    await kill9(first);
    const answered = await bulk;

    const second = await startChild(file);
    children.push(second);
    const token2 = await session(second.url);
    const list = await call<ListResponse>(second.url, 'GET', '/v1/inbox/notifications?limit=100&read=true', { token: token2 });
    const more = list.body.nextCursor
      ? (await call<ListResponse>(second.url, 'GET', `/v1/inbox/notifications?limit=100&read=true&cursor=${list.body.nextCursor}`, { token: token2 })).body.items
      : [];
    const readCount = list.body.items.length + more.length;
    expect([0, 150], `read after restart: ${readCount}`).toContain(readCount);
    if (answered?.status === 200) expect(readCount, 'an acknowledged bulk survived').toBe(150);
    const changes = await call<ChangesResponse>(second.url, 'GET', '/v1/inbox/changes?since=0&limit=1000', { token: token2 });
    const bulks = changes.body.changes.filter((c) => c.type === 'bulk');
    expect(bulks.length, 'a bulk change exists exactly when the bulk applied').toBe(readCount === 150 ? 1 : 0);
    expect(changes.body.seq).toBe(150 + bulks.length);
  }, 150_000);
});
