// Test harness: a real in-process server on a real database (SQLite file or a fresh PostgreSQL
// database), plus small typed helpers for the secret-key routes, sessions, the inbox and sockets.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, expect } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import {
  SOCKET_EVENT,
  type ChangeEvent,
  type ErrorBody,
  type ErrorCode,
  type SessionResponse,
  type TriggerRequest,
  type TriggerResponse,
} from '@belfry/core/api';
import { createBelfryServer, userKeyFor } from '../src/index';

export type ServerOptions = NonNullable<Parameters<typeof createBelfryServer>[0]>;
export type BelfryServer = Awaited<ReturnType<typeof createBelfryServer>>;
export type DbKind = 'sqlite' | 'postgres';
export interface TestApp {
  id: string;
  secret: string;
}

/** Known session signing key (option `sessionSecret`), so tests can mint expired session tokens. */
export const SESSION_SECRET = 'belfry-test-session-secret-0123456789abcdef';

const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return `PostgreSQL unreachable at ${PG_URL.replace(/:[^:@/]*@/, ':***@')}: ${(err as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Why PostgreSQL can't be used here, or null when it can. */
export const pgUnavailable = await probePostgres();

/**
 * The databases every suite runs against. PostgreSQL is skipped (with a printed reason) only outside
 * CI and when DATABASE_URL was not given; otherwise an unreachable PostgreSQL fails the suites.
 */
export function databases(): DbKind[] {
  if (pgUnavailable && !process.env.CI && !process.env.DATABASE_URL) {
    console.warn(`[belfry server tests] skipping PostgreSQL: ${pgUnavailable} (fatal when CI or DATABASE_URL is set)`);
    return ['sqlite'];
  }
  return ['sqlite', 'postgres'];
}

export const rid = (prefix = 'u') => `${prefix}_${randomBytes(6).toString('hex')}`;
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A fresh database for one server; `drop` removes it after the server has closed. */
export async function freshDatabase(kind: DbKind): Promise<{ options: ServerOptions; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'belfry-test-'));
    return {
      // '' (not undefined) so the server does not fall back to env DATABASE_URL
      options: { sqlitePath: join(dir, 'belfry.db'), databaseUrl: '' },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (pgUnavailable) throw new Error(`PostgreSQL is required here (CI or DATABASE_URL set): ${pgUnavailable}`);
  const name = `belfry_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    options: { databaseUrl: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface Res<T> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent verbatim instead of JSON.stringify(body). */
  raw?: string;
  headers?: Record<string, string>;
}

/** One HTTP call; the body is parsed as JSON when it is JSON. */
export async function call<T = unknown>(base: string, method: string, path: string, o: CallOptions = {}): Promise<Res<T>> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  let body: string | undefined;
  if (o.raw !== undefined) body = o.raw;
  else if (o.body !== undefined) body = JSON.stringify(o.body);
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(base + path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed as T, text, headers: res.headers };
}

/** Asserts a contract error: status, code (one of), and that field/message names `names` when given. */
export function expectError(res: Res<unknown>, status: number, code: ErrorCode | ErrorCode[], names?: string | RegExp) {
  const ctx = `${res.status} ${res.text.slice(0, 300)}`;
  expect(res.status, ctx).toBe(status);
  const err = (res.body as ErrorBody | undefined)?.error;
  expect(err, ctx).toBeTruthy();
  expect(typeof err?.message, ctx).toBe('string');
  expect(Array.isArray(code) ? code : [code], ctx).toContain(err?.code);
  if (names !== undefined) {
    const said = `${err?.field ?? ''} ${err?.message ?? ''}`;
    if (typeof names === 'string') expect(said, ctx).toContain(names);
    else expect(said, ctx).toMatch(names);
  }
}

export interface InboxUser {
  id: string;
  app: TestApp;
  token: string;
  call<T = unknown>(method: string, path: string, body?: unknown, o?: CallOptions): Promise<Res<T>>;
}

export class Harness {
  server!: BelfryServer;
  url = '';
  appA: TestApp = { id: 'app_a', secret: `sk_test_a_${randomBytes(8).toString('hex')}` };
  appB: TestApp = { id: 'app_b', secret: `sk_test_b_${randomBytes(8).toString('hex')}` };
  private drop: (() => Promise<void>) | undefined;
  private dbOptions: ServerOptions = {};

  constructor(readonly kind: DbKind, private readonly overrides: Partial<ServerOptions> = {}) {}

  async start() {
    const db = await freshDatabase(this.kind);
    this.drop = db.drop;
    this.dbOptions = db.options;
    this.server = await createBelfryServer({
      port: 0,
      host: '127.0.0.1',
      allowedOrigins: ['*'],
      seedApps: [
        { id: this.appA.id, secret: this.appA.secret, name: 'App A' },
        { id: this.appB.id, secret: this.appB.secret, name: 'App B' },
      ],
      logger: false,
      rateLimit: false,
      sweepIntervalMs: 200,
      masterKey: 'belfry-test-master-key',
      sessionSecret: SESSION_SECRET,
      ...db.options,
      ...this.overrides,
    });
    this.url = this.server.url;
  }

  async stop() {
    await this.server?.close();
    await this.drop?.();
  }

  /** Raw SQL on the server's database, for setups the API can't produce (e.g. equal timestamps). */
  async exec(sql: string): Promise<void> {
    if (this.dbOptions.databaseUrl) {
      const c = new pg.Client({ connectionString: this.dbOptions.databaseUrl });
      await c.connect();
      await c.query(sql);
      await c.end();
      return;
    }
    const db = new Database(this.dbOptions.sqlitePath!);
    db.pragma('busy_timeout = 5000');
    db.exec(sql);
    db.close();
  }

  call<T = unknown>(method: string, path: string, o: CallOptions = {}) {
    return call<T>(this.url, method, path, o);
  }

  /** A secret-key call as `app` (default app A). */
  secret<T = unknown>(method: string, path: string, body?: unknown, app: TestApp = this.appA) {
    return call<T>(this.url, method, path, { token: app.secret, body });
  }

  trigger(req: Partial<TriggerRequest> & { recipients: string[] }, app: TestApp = this.appA) {
    return this.secret<TriggerResponse>('POST', '/v1/notifications', { category: 'general', title: 'Hello', ...req }, app);
  }

  /** Creates `n` notifications for `userId` one after another; returns their ids, oldest first. */
  async notify(userId: string, n = 1, extra: Partial<TriggerRequest> = {}, app: TestApp = this.appA) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const res = await this.trigger({ title: `n${i}`, ...extra, recipients: [userId] }, app);
      expect(res.status, res.text).toBe(201);
      ids.push(res.body.notifications[0]!.id);
    }
    return ids;
  }

  async sessionFor(userId: string, app: TestApp = this.appA): Promise<string> {
    const res = await this.call<SessionResponse>('POST', '/v1/inbox/session', {
      body: { appId: app.id, userId, userKey: userKeyFor(app.secret, userId) },
    });
    expect(res.status, res.text).toBe(200);
    return res.body.token;
  }

  async user(userId: string = rid(), app: TestApp = this.appA): Promise<InboxUser> {
    const token = await this.sessionFor(userId, app);
    const base = this.url;
    return {
      id: userId,
      app,
      token,
      call: (method, path, body, o = {}) => call(base, method, path, { ...o, token, body }),
    };
  }

  /** Connects a socket with this session token; collects every change event. */
  socket(token: string | undefined) {
    return connectSocket(this.url, token);
  }
}

/** Starts one server per describe block (beforeAll/afterAll). */
export function useServer(kind: DbKind, overrides: Partial<ServerOptions> = {}): Harness {
  const h = new Harness(kind, overrides);
  beforeAll(() => h.start());
  afterAll(() => h.stop());
  return h;
}

export interface TestSocket {
  socket: Socket;
  events: ChangeEvent[];
  close(): void;
}

export function connectSocket(url: string, token: string | undefined): Promise<TestSocket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      auth: token === undefined ? {} : { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: 5000,
    });
    const events: ChangeEvent[] = [];
    socket.on(SOCKET_EVENT, (e: ChangeEvent) => events.push(e));
    socket.once('connect', () => resolve({ socket, events, close: () => socket.close() }));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Polls `fn` until it returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(fn: () => T | Promise<T>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
