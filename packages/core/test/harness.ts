// Test harness: a real @belfry/server in-process on a random port with a temp SQLite file, plus
// helpers to trigger notifications with the app secret and to create clients for a user.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBelfryServer, userKeyFor } from '@belfry/server';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Counts, ListResponse, Notification, TriggerRequest, TriggerResponse } from '../src/api/types.js';
import { createBelfry } from '../src/index.js';
import { startFaultProxy, type FaultProxy } from './faultProxy.js';
import type { BelfryClient, BelfryOptions } from '../src/index.js';

export const APP = { id: 'demo', secret: 'sk_test_demo', name: 'Demo' };

export type TestServer = Awaited<ReturnType<typeof createBelfryServer>> & { dir: string; stop(): Promise<void> };

export async function startServer(extra: Record<string, unknown> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'belfry-core-'));
  const server = await createBelfryServer({
    port: 0,
    host: '127.0.0.1',
    sqlitePath: join(dir, 'belfry.db'),
    seedApps: [APP],
    allowedOrigins: ['*'],
    logger: false,
    rateLimit: false,
    sweepIntervalMs: 1000,
    ...extra,
  } as Parameters<typeof createBelfryServer>[0]);
  return Object.assign(server, {
    dir,
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

export async function secretCall<T>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${APP.secret}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

export function trigger(baseUrl: string, userId: string, extra: Partial<TriggerRequest> = {}) {
  return secretCall<TriggerResponse>(baseUrl, 'POST', '/v1/notifications', {
    recipients: [userId],
    category: 'general',
    title: 'Hello',
    ...extra,
  });
}

/** Triggers n notifications one after another (distinct createdAt order = trigger order). */
export async function triggerMany(baseUrl: string, userId: string, n: number, category = 'general'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await trigger(baseUrl, userId, { title: `n${i}`, category });
    ids.push(res.notifications[0]!.id);
  }
  return ids;
}

/** Everything the server holds for a user (admin list, all pages), in server order. */
export async function serverItems(baseUrl: string, userId: string, query = 'archived=false'): Promise<Notification[]> {
  const out: Notification[] = [];
  let cursor: string | null = null;
  do {
    const page: ListResponse = await secretCall<ListResponse>(
      baseUrl,
      'GET',
      `/v1/users/${encodeURIComponent(userId)}/notifications?limit=100&${query}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** The user's counts as the server reports them, through a session of that user. */
export async function serverCounts(baseUrl: string, userId: string): Promise<Counts> {
  const session = await fetch(`${baseUrl}/v1/inbox/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appId: APP.id, userId, userKey: userKeyFor(APP.secret, userId) }),
  }).then((r) => r.json() as Promise<{ token: string }>);
  const res = await fetch(`${baseUrl}/v1/inbox/counts?byCategory=true`, { headers: { authorization: `Bearer ${session.token}` } });
  return (await res.json()) as Counts;
}

export function makeClient(apiUrl: string, userId: string, extra: Partial<BelfryOptions> = {}): BelfryClient {
  return createBelfry({ apiUrl, appId: APP.id, userId, userKey: userKeyFor(APP.secret, userId), ...extra });
}

let userCounter = 0;
export const newUser = (prefix = 'u') => `${prefix}_${process.pid}_${++userCounter}_${Math.random().toString(36).slice(2, 7)}`;

/** Polls until check() returns truthy (or throws with the last value). */
export async function waitFor<T>(check: () => T | Promise<T>, { timeout = 10_000, interval = 20, message = 'condition' } = {}): Promise<NonNullable<T>> {
  const start = Date.now();
  let last: T | undefined;
  for (;;) {
    try {
      last = await check();
      if (last) return last as NonNullable<T>;
    } catch (err) {
      if (Date.now() - start > timeout) throw err;
    }
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${message} (last: ${JSON.stringify(last)?.slice(0, 300)})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ProxiedServer {
  server: TestServer;
  proxy: FaultProxy;
  /** Run after each test, last registered first. */
  cleanups: Array<() => void | Promise<void>>;
}

/** One server for the whole file. */
export function useServer(extra: Record<string, unknown> = {}): { server: TestServer } {
  const env = {} as { server: TestServer };
  beforeAll(async () => {
    env.server = await startServer(extra);
  });
  afterAll(async () => {
    await env.server?.stop();
  });
  return env;
}

/** One server behind a fault proxy for the whole file; each test's cleanups run after it. */
export function useProxiedServer(extra: Record<string, unknown> = {}): ProxiedServer {
  const env = Object.assign(useServer(extra), { cleanups: [] }) as unknown as ProxiedServer;
  beforeAll(async () => {
    env.proxy = await startFaultProxy(env.server.url);
  });
  afterEach(async () => {
    for (const cleanup of env.cleanups.splice(0).reverse()) await cleanup();
  });
  // After hooks run last-registered first: the proxy closes before the server stops.
  afterAll(async () => {
    await env.proxy?.close();
  });
  return env;
}
