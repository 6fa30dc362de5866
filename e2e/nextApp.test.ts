// examples/next-app (App Router) served by `next start` against the real server: the server-rendered
// bell hydrates without a warning, goes live and rings on a trigger; the userKey is computed server-side.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { APP_ID, SECRET, uniqueUser, userKeyFor, useStack } from './harness.js';
import { badgeText, expectBadge } from './pages.js';

const stack = useStack();
const appDir = join(import.meta.dirname, '../examples/next-app');
let next: ChildProcess | undefined;
let nextUrl = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  const port = await freePort();
  let log = '';
  const bin = createRequire(join(appDir, 'package.json')).resolve('next/dist/bin/next');
  next = spawn(process.execPath, [bin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: appDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', BELFRY_API_URL: stack.url, BELFRY_APP_ID: APP_ID, BELFRY_SECRET: SECRET },
  });
  next.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  next.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  nextUrl = `http://127.0.0.1:${port}`;
  // Ready when it answers (its "Ready" line comes before the first request can be served).
  for (const until = Date.now() + 60_000; ; await new Promise((r) => setTimeout(r, 250))) {
    if (next.exitCode !== null) throw new Error(`next start exited (${next.exitCode}):\n${log}`);
    if ((await fetch(`${nextUrl}/api/belfry/user-key`).catch(() => null))?.status === 200) break;
    if (Date.now() > until) throw new Error(`next start did not answer within 60 s:\n${log}`);
  }
});

afterAll(async () => {
  if (next && next.exitCode === null) {
    next.kill('SIGTERM');
    await new Promise((r) => next!.once('exit', r));
  }
});

describe('examples/next-app', () => {
  it('server-renders the bell, hydrates with no console warning or error, and rings on a trigger', async () => {
    const user = uniqueUser('next');
    const context = await stack.context();
    await context.addCookies([{ name: 'demo_user', value: user, url: nextUrl }]);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));

    const html = await (await fetch(nextUrl, { headers: { cookie: `demo_user=${user}` } })).text();
    expect(html).toContain('belfry-bell'); // the bell is in the server-rendered HTML
    expect(html).toContain(user);
    expect(html).not.toContain(SECRET);

    await page.goto(nextUrl);
    await page.getByTestId('user').filter({ hasText: user }).waitFor();
    await page.locator('.belfry-bell').waitFor({ state: 'visible' });
    expect(await badgeText(page)).toBe('');
    await stack.trigger(user, { title: 'Hello from Next.js' });
    await expectBadge(page, '1', 15_000);
    await page.locator('.belfry-bell').click();
    await page.locator('.belfry-popover .belfry-item').filter({ hasText: 'Hello from Next.js' }).waitFor({ state: 'visible' });
    expect(problems).toEqual([]);
    expect(await page.content()).not.toContain(SECRET);
  });

  it('the route handler computes the signed-in user’s key on the server', async () => {
    const user = uniqueUser('next-key');
    const res = await fetch(`${nextUrl}/api/belfry/user-key`, { headers: { cookie: `demo_user=${user}` } });
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(await res.json()).toEqual({ appId: APP_ID, userId: user, userKey: userKeyFor(user) });
  });
});
