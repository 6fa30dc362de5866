// Options of createBelfryServer, and how flags/env fill them in.
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { resolve } from 'node:path';
import type { DocsOptions } from './docs/reference.js';
import { DEFAULT_RETENTION_DAYS } from './lifecycle/retention.js';
import type { DispatcherOptions } from './webhooks/dispatcher.js';
import type { Resolver } from './webhooks/egress.js';
import { DEFAULT_RETRY, type RetryPolicy } from './webhooks/schedule.js';

export interface SeedApp {
  id: string;
  secret: string;
  name?: string;
}

export interface RateLimitOptions {
  /** Requests per window per app key (secret routes) or per user session (inbox routes). */
  max: number;
  timeWindowMs: number;
}

export interface WebhookOptions {
  /** Retry schedule (defaults: 30 s × 3ⁿ with ±20 % jitter, 9 attempts, about 27 h in all). */
  retry?: Partial<RetryPolicy>;
  /** Deadline of one attempt; default 10 s. */
  timeoutMs?: number;
  /** How often due deliveries are looked for; default 1 s. */
  pollIntervalMs?: number;
  /** Attempts in flight at once per process; default 8. */
  concurrency?: number;
  /** How long a claimed delivery is held; default timeoutMs + 20 s. */
  leaseMs?: number;
  /** Run the dispatcher in this process (default true); false: only queue deliveries, others send them. */
  dispatch?: boolean;
  /** DNS resolution for the egress guard (tests simulate DNS with it). */
  resolve?: Resolver;
}

export interface BelfryServerOptions {
  /** 0 = a random free port. Default: env PORT or 4000. */
  port?: number;
  host?: string;
  /** SQLite file; default env BELFRY_DB or `.belfry/belfry.db`. Ignored when databaseUrl is set. */
  sqlitePath?: string;
  /** postgres://…; default env DATABASE_URL. */
  databaseUrl?: string;
  /** Enables the socket.io Redis adapter; default env REDIS_URL. */
  redisUrl?: string;
  /** Redis channel prefix for the adapter (tests use a random one); default env BELFRY_REDIS_PREFIX or 'belfry'. */
  redisKeyPrefix?: string;
  /**
   * Origins of the pages that may call the API and open sockets (`https://app.example.com`), or `['*']`
   * for any (never with credentials). Default env BELFRY_ALLOWED_ORIGINS (comma-separated). Required
   * outside dev mode: without it the server refuses to start; in dev mode loopback pages are allowed.
   */
  allowedOrigins?: string[];
  /**
   * Hosts that absolute http(s) URLs of a notification (actionUrl, action urls, avatarUrl) may point at:
   * `example.com` or `*.example.com` (subdomains). Default env BELFRY_ALLOWED_LINK_HOSTS (comma-separated);
   * empty: any host.
   */
  allowedLinkHosts?: string[];
  /** Apps created (or updated) at start. */
  seedApps?: SeedApp[];
  sessionTtlSeconds?: number;
  /**
   * Longest lifetime (`exp - iat`) of a user JWT exchanged at POST /v1/inbox/session; longer ones are
   * refused (401 token_lifetime_exceeded). Default env BELFRY_USER_TOKEN_MAX_LIFETIME (seconds) or 86400.
   */
  userTokenMaxLifetimeSeconds?: number;
  /** Signs session tokens; several processes must share it. Default env BELFRY_SESSION_SECRET or random per process. */
  sessionSecret?: string;
  /** Encrypts app secrets at rest. Default env BELFRY_MASTER_KEY, else a key file (see masterKeyPath). */
  masterKey?: string;
  /** Default `master.key` next to the SQLite file (or `.belfry/master.key` with PostgreSQL). */
  masterKeyPath?: string;
  sweepIntervalMs?: number;
  rateLimit?: RateLimitOptions | false;
  /** Max request body in bytes (413 beyond). Default 1 MiB. */
  bodyLimit?: number;
  /**
   * Development mode: webhook URLs may point at loopback and private addresses (a receiver on this
   * machine), and without allowedOrigins pages on localhost / 127.0.0.1 may connect. Never in
   * production. Default env BELFRY_DEV (`1` or `true`).
   */
  dev?: boolean;
  /** Days messages, events and webhook delivery logs are kept; default env BELFRY_EVENT_RETENTION_DAYS or 30. */
  eventRetentionDays?: number;
  webhooks?: WebhookOptions;
  /**
   * The API reference at /docs: true (default), false (env BELFRY_DOCS=off turns it off), or options
   * (`secretKey` pre-fills the try-it console; demo mode only).
   */
  docs?: boolean | DocsOptions;
  /** pino options, true, or false (silent). */
  logger?: FastifyServerOptions['logger'];
  /** Registers extra routes/plugins before the server starts listening. */
  configure?: (app: FastifyInstance) => void | Promise<void>;
}

export interface ResolvedWebhookOptions extends DispatcherOptions {
  dispatch: boolean;
  resolve: Resolver | undefined;
}

export type ResolvedOptions = Required<Omit<BelfryServerOptions, 'databaseUrl' | 'redisUrl' | 'sessionSecret' | 'masterKey' | 'configure' | 'webhooks' | 'docs'>> &
  Pick<BelfryServerOptions, 'databaseUrl' | 'redisUrl' | 'sessionSecret' | 'masterKey' | 'configure'> & { webhooks: ResolvedWebhookOptions; docs: DocsOptions | false };

const env = (name: string) => {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
};

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number of seconds, got ${value}`);
  return value;
}

const list = (value: string | undefined) => value?.split(',').map((v) => v.trim()).filter(Boolean);

export function resolveOptions(options: BelfryServerOptions): ResolvedOptions {
  const sqlitePath = resolve(options.sqlitePath ?? env('BELFRY_DB') ?? '.belfry/belfry.db');
  const databaseUrl = options.databaseUrl ?? env('DATABASE_URL');
  const masterKeyPath = options.masterKeyPath ?? (databaseUrl ? resolve('.belfry/master.key') : resolve(sqlitePath, '..', 'master.key'));
  return {
    port: options.port ?? Number(env('PORT') ?? 4000),
    // BELFRY_HOST, not HOST: some shells export HOST as the machine's name.
    host: options.host ?? env('BELFRY_HOST') ?? '127.0.0.1',
    sqlitePath,
    databaseUrl,
    redisUrl: options.redisUrl ?? env('REDIS_URL'),
    redisKeyPrefix: options.redisKeyPrefix ?? env('BELFRY_REDIS_PREFIX') ?? 'belfry',
    allowedOrigins: options.allowedOrigins ?? list(env('BELFRY_ALLOWED_ORIGINS')) ?? [],
    allowedLinkHosts: options.allowedLinkHosts ?? list(env('BELFRY_ALLOWED_LINK_HOSTS')) ?? [],
    seedApps: options.seedApps ?? [],
    sessionTtlSeconds: options.sessionTtlSeconds ?? 900,
    userTokenMaxLifetimeSeconds: positive(options.userTokenMaxLifetimeSeconds ?? Number(env('BELFRY_USER_TOKEN_MAX_LIFETIME') ?? 86_400), 'userTokenMaxLifetimeSeconds (BELFRY_USER_TOKEN_MAX_LIFETIME)'),
    sessionSecret: options.sessionSecret ?? env('BELFRY_SESSION_SECRET'),
    masterKey: options.masterKey ?? env('BELFRY_MASTER_KEY'),
    masterKeyPath,
    sweepIntervalMs: options.sweepIntervalMs ?? 1000,
    rateLimit: options.rateLimit ?? { max: 1000, timeWindowMs: 60_000 },
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    dev: options.dev ?? /^(1|true)$/i.test(env('BELFRY_DEV') ?? ''),
    eventRetentionDays: options.eventRetentionDays ?? Number(env('BELFRY_EVENT_RETENTION_DAYS') ?? DEFAULT_RETENTION_DAYS),
    webhooks: resolveWebhooks(options.webhooks ?? {}),
    docs: resolveDocs(options.docs),
    logger: options.logger ?? false,
    configure: options.configure,
  };
}

function resolveWebhooks(w: WebhookOptions): ResolvedWebhookOptions {
  const timeoutMs = w.timeoutMs ?? 10_000;
  return {
    retry: { ...DEFAULT_RETRY, ...w.retry },
    timeoutMs,
    pollIntervalMs: w.pollIntervalMs ?? 1000,
    concurrency: w.concurrency ?? 8,
    leaseMs: Math.max(w.leaseMs ?? timeoutMs + 20_000, timeoutMs + 1000),
    dispatch: w.dispatch ?? true,
    resolve: w.resolve,
  };
}

function resolveDocs(docs: BelfryServerOptions['docs']): DocsOptions | false {
  if (docs === false || (docs !== true && /^(off|false|0)$/i.test(env('BELFRY_DOCS') ?? ''))) return false;
  return docs === true || docs === undefined ? {} : docs;
}
