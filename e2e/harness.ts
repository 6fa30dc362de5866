// One e2e "stack": the real Belfry server in-process (random port, temp SQLite db, a seeded app) with the
// playground's dev routes and the built pages mounted on the same origin, plus a headless system Chromium.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHmac, randomUUID } from 'node:crypto';
import { createBelfryServer } from '@belfry/server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { playgroundRoutes } from '../playground/devRoutes.js';
import { playgroundMounts } from '../playground/mounts.js';
import { launchChromium } from './chromium.js';

export { CHROMIUM_ARGS } from './chromium.js';

export const APP_ID = 'e2e';
export const SECRET = 'sk_test_e2e_secret';

export interface Stack {
  url: string;
  browser: Browser;
  /** A fresh browser context (its own storage, so its own BroadcastChannel/locks scope). */
  context(): Promise<BrowserContext>;
  /** Opens `path` (relative to the server) for `userId` in a new page of `context` (or a fresh context). */
  open(path: string, userId: string, context?: BrowserContext): Promise<Page>;
  trigger(userId: string, input?: TriggerInput): Promise<TriggerResult>;
  /** Secret-key API call (PUT /v1/categories/…, admin reads). */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export interface TriggerInput {
  title?: string;
  body?: string;
  category?: string;
  actionUrl?: string;
  actions?: Array<{ id: string; label: string; url?: string }>;
}

export interface TriggerResult {
  status: number;
  body: any;
}

export const userKeyFor = (userId: string) => createHmac('sha256', SECRET).update(userId).digest('hex');

/** A user id unique to one test, so tests never see each other's notifications. */
export const uniqueUser = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

export async function startStack(): Promise<Stack> {
  const dir = await mkdtemp(join(tmpdir(), 'belfry-e2e-'));
  const server = await createBelfryServer({
    port: 0,
    host: '127.0.0.1',
    sqlitePath: join(dir, 'belfry.db'),
    seedApps: [{ id: APP_ID, secret: SECRET, name: 'E2E' }],
    allowedOrigins: ['*'],
    // The playground's webhook receiver is on loopback.
    dev: true,
    // As in the playground: the reference's try-it console is filled in with the secret.
    docs: { secretKey: SECRET },
    sweepIntervalMs: 1000,
    rateLimit: false,
    logger: false,
    configure: async (fastify) => {
      await playgroundRoutes(fastify, {
        appId: APP_ID,
        secret: SECRET,
        mounts: [{ prefix: '/e2e/', dir: join(import.meta.dirname, 'fixtures') }, ...playgroundMounts()],
      });
    },
  });
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${SECRET}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

  const context = async () => {
    const ctx = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    contexts.push(ctx);
    return ctx;
  };

  return {
    url: server.url,
    browser,
    context,
    async open(path, userId, ctx) {
      const page = await (ctx ?? (await context())).newPage();
      page.on('pageerror', (error) => console.error(`[page error] ${path}: ${error.message}`));
      if (process.env.BELFRY_E2E_DEBUG) {
        page.on('console', (m) => console.log(`[console ${m.type()}] ${m.text()}`));
        page.on('request', (r) => r.url().includes('/v1/') && console.log(`[req] ${r.method()} ${r.url().replace(server.url, '')} ${r.postData() ?? ''}`));
        page.on('response', (r) => r.url().includes('/v1/') && console.log(`[res] ${r.status()} ${r.request().method()} ${r.url().replace(server.url, '')}`));
      }
      const sep = path.includes('?') ? '&' : '?';
      await page.goto(`${server.url}${path}${sep}user=${encodeURIComponent(userId)}`);
      return page;
    },
    trigger: (userId, input = {}) =>
      api('POST', '/v1/notifications', {
        recipients: [userId],
        category: input.category ?? 'general',
        title: input.title ?? 'Hello',
        ...(input.body ? { body: input.body } : {}),
        ...(input.actionUrl ? { actionUrl: input.actionUrl } : {}),
        ...(input.actions ? { actions: input.actions } : {}),
      }),
    api,
    async close() {
      for (const ctx of contexts) await ctx.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The test file's stack: started (then `setup` run on it) before its tests, closed after them. The
 * returned object forwards to that stack, so it can be used at the top of the file.
 */
export function useStack(setup?: (stack: Stack) => Promise<void>): Stack {
  let current: Stack | undefined;
  beforeAll(async () => {
    current = await startStack();
    await setup?.(current);
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as Stack, {
    get(_, key) {
      if (!current) throw new Error('the e2e stack is used before beforeAll started it');
      return current[key as keyof Stack];
    },
  });
}
