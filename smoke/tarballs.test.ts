// The packages as npm users get them: the packed tarballs installed in a project outside the
// workspace, imported and required in Node, built into a Vite React app and a plain HTML page that
// render the inbox in Chromium against `npx belfry-server start --demo` from the server tarball.
import { createHmac, randomUUID } from 'node:crypto';
import { copyFileSync, lstatSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../e2e/chromium.js';
import { createProject, type Project } from './project.js';

let project: Project;
let server: ChildProcess | undefined;
let serverLog = '';
let apiUrl = '';
let pages: Server | undefined;
let pagesUrl = '';
let browser: Browser | undefined;

const DEMO_SECRET = 'sk_test_demo';
const keyFor = (userId: string) => createHmac('sha256', DEMO_SECRET).update(userId).digest('hex');

/** `npx belfry-server start --demo` from the installed tarball; resolves with its URL. */
function startServer(): Promise<string> {
  server = project.spawn('npx', ['belfry-server', 'start', '--demo', '--port', '0', '--db', join(project.dir, '.belfry/belfry.db')]);
  return new Promise((resolve, reject) => {
    server!.stdout!.on('data', (d: Buffer) => {
      serverLog += d.toString();
      const m = /belfry listening on (http:\/\/\S+)/.exec(serverLog);
      if (m) resolve(m[1]!);
    });
    server!.stderr!.on('data', (d: Buffer) => (serverLog += d.toString()));
    server!.on('exit', (code) => reject(new Error(`belfry-server exited (${code}):\n${serverLog}`)));
  });
}

/** A static file server for the built pages (what a CDN or the app's own server would be). */
function servePages(dir: string): Promise<string> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  pages = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => pages!.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(pages!.address() as { port: number }).port}`)));
}

async function trigger(userId: string, title: string): Promise<void> {
  const res = await fetch(`${apiUrl}/v1/notifications`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify({ recipients: [userId], category: 'general', title }),
  });
  expect(res.status).toBe(201);
}

/** Opens a page for a fresh user; collects console errors and warnings and uncaught page errors. */
async function open(path: string): Promise<{ page: Page; user: string; problems: string[] }> {
  const user = `smoke-${randomUUID().slice(0, 8)}`;
  const page = await (await browser!.newContext()).newPage();
  const problems: string[] = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(`${pagesUrl}/${path}?api=${encodeURIComponent(apiUrl)}&user=${user}&key=${keyFor(user)}`);
  return { page, user, problems };
}

const badge = (page: Page) => page.locator('.belfry-badge').first();

beforeAll(async () => {
  project = createProject((m) => console.log(`[smoke] ${m}`));
  apiUrl = await startServer();
  const started = Date.now();
  project.run('npx', ['vite', 'build', '--outDir', 'dist']);
  copyFileSync(join(project.dir, 'node_modules/@belfry/web-component/dist/belfry.js'), join(project.dir, 'dist/belfry.js'));
  copyFileSync(join(project.dir, 'element.html'), join(project.dir, 'dist/element.html'));
  console.log(`[smoke] vite build from the tarballs in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  pagesUrl = await servePages(join(project.dir, 'dist'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close().catch(() => {});
  await new Promise((r) => (pages ? pages.close(r) : r(undefined)));
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
  }
  if (project) rmSync(project.dir, { recursive: true, force: true });
});

describe('tarballs in Node', () => {
  it('every package imports as ESM with its public exports', () => {
    const result = JSON.parse(project.run('node', ['check-import.mjs']));
    for (const [name, r] of Object.entries<{ missing: string[]; exports: number }>(result)) {
      expect(r.missing, name).toEqual([]);
      if (name !== '@belfry/core/api') expect(r.exports, name).toBeGreaterThan(0);
    }
    expect(Object.keys(result)).toHaveLength(6);
  });

  it('the CommonJS builds load with require and resolve to .cjs files', () => {
    const result = JSON.parse(project.run('node', ['check-require.cjs']));
    for (const [name, r] of Object.entries<{ missing: string[]; cjs: boolean }>(result)) {
      expect(r, name).toMatchObject({ missing: [], cjs: true });
    }
    expect(Object.keys(result)).toHaveLength(5);
  });

  it('the installed packages are copies of the tarballs, not links into the workspace', () => {
    for (const name of ['core', 'react', 'web-component', 'server']) {
      const path = join(project.dir, 'node_modules/@belfry', name);
      expect(lstatSync(path).isSymbolicLink(), name).toBe(false);
      expect(readFileSync(join(path, 'package.json'), 'utf8'), name).toContain('"version": "0.1.0"');
    }
  });

  it('@belfry/react ships "use client" at the top of its entry, ESM and CJS', () => {
    for (const file of ['index.js', 'index.cjs']) {
      const code = readFileSync(join(project.dir, 'node_modules/@belfry/react/dist', file), 'utf8');
      expect(code.split('\n')[0], file).toBe("'use client';");
    }
  });
});

describe('npx belfry-server start --demo from the tarball', () => {
  it('answers /healthz and the demo app', async () => {
    expect(serverLog).toContain('demo app: id demo');
    const health = await fetch(`${apiUrl}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { ok: true }]);
    const categories = await fetch(`${apiUrl}/v1/categories`, { headers: { authorization: `Bearer ${DEMO_SECRET}` } });
    expect(categories.status).toBe(200);
  });
});

describe('built from the tarballs, in Chromium', () => {
  it('a Vite React app renders the inbox and its bell rings on a trigger', async () => {
    const { page, user, problems } = await open('index.html');
    await page.getByRole('heading', { name: /React app built/ }).waitFor();
    await page.locator('.belfry-bell').waitFor({ state: 'visible' });
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('style, link[rel=stylesheet]').length)).toBeGreaterThan(0);
    await trigger(user, 'Hello from the tarballs');
    await expect.poll(async () => ((await badge(page).count()) ? (await badge(page).textContent())?.trim() : ''), { timeout: 15_000 }).toBe('1');
    await page.locator('.belfry-bell').click();
    await page.locator('.belfry-item').filter({ hasText: 'Hello from the tarballs' }).waitFor({ state: 'visible' });
    expect(problems).toEqual([]);
  });

  it('a plain HTML page with the standalone script renders <belfry-inbox> and its bell rings', async () => {
    const { page, user, problems } = await open('element.html');
    await page.locator('belfry-inbox .belfry-bell').waitFor({ state: 'visible' });
    await page.waitForFunction(() => {
      const el = document.querySelector('belfry-inbox') as (HTMLElement & { client?: { connection: { getState(): { status: string } } } }) | null;
      return el?.client?.connection.getState().status === 'online';
    });
    await trigger(user, 'Hello HTML from the tarballs');
    await expect.poll(async () => ((await badge(page).count()) ? (await badge(page).textContent())?.trim() : ''), { timeout: 15_000 }).toBe('1');
    expect(problems).toEqual([]);
  });
});
