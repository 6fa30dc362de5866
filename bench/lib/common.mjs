// Shared benchmark plumbing: a server child process, HTTP helpers, sessions, statistics.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const APP = 'demo';
export const SECRET = 'sk_test_demo';

export const userKey = (userId) => createHmac('sha256', SECRET).update(userId).digest('hex');
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const now = () => performance.timeOrigin + performance.now();

/**
 * Starts a load-generator script (bench/lib/<script>) in its own Node process with the server's
 * session key; `output()` is what it printed so far.
 */
export function spawnLoad(script, args, sessionSecret, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'bench/lib', script), ...args.map(String)], {
    cwd: ROOT,
    env: { ...process.env, BELFRY_SESSION_SECRET: sessionSecret },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output = { out: '', err: '' };
  child.stdout.on('data', (c) => (output.out += c));
  child.stderr.on('data', (c) => (output.err += c));
  return { child, output: () => output };
}

/** Starts bench/lib/server.ts in a child process. env: DATABASE_URL | BENCH_DB, BENCH_STATIC … */
export async function startServer(env = {}, nodeArgs = []) {
  const dir = mkdtempSync(join(tmpdir(), 'belfry-bench-'));
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--conditions=belfry-source', '--import', 'tsx', join(ROOT, 'bench/lib/server.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, BENCH_DB: join(dir, 'belfry.db'), NODE_ENV: 'production', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const info = await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`bench server did not start in 60 s:\n${out.slice(-2000)}`)), 60_000);
    child.stdout.on('data', (c) => {
      out += c;
      const m = /bench-server (\{.*\})/.exec(out);
      if (m) {
        clearTimeout(timer);
        done(JSON.parse(m[1]));
      }
    });
    child.stderr.on('data', (c) => (out += c));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`bench server exited (${code}):\n${out.slice(-2000)}`));
    });
  });
  const exited = new Promise((r) => child.once('exit', r));
  return {
    url: info.url,
    pid: child.pid,
    /** The SQLite file (when no DATABASE_URL was given). */
    dbPath: env.DATABASE_URL ? null : join(dir, 'belfry.db'),
    /** Resident set size of the server process in bytes (Linux). */
    rss() {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : null;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Samples a server's RSS every 50 ms; `peak` is the highest seen (bytes), `stop()` ends sampling. */
export function sampleRss(server) {
  const sample = { peak: server.rss() ?? 0, stop: () => clearInterval(timer) };
  const timer = setInterval(() => {
    try {
      sample.peak = Math.max(sample.peak, server.rss() ?? 0);
    } catch {
      // the process is gone
    }
  }, 50);
  return sample;
}

export async function http(url, { method = 'GET', token, body } = {}) {
  const res = await fetch(url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

export async function session(base, userId) {
  const res = await http(`${base}/v1/inbox/session`, {
    method: 'POST',
    body: { appId: APP, userId, userKey: userKey(userId) },
  });
  return res.token;
}

export const trigger = (base, recipients, title = 'bench', extra = {}) =>
  http(`${base}/v1/notifications`, {
    method: 'POST',
    token: SECRET,
    body: { recipients, category: 'bench', title, ...extra },
  });

/** Runs fn over items with at most `limit` in flight. */
export async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

export function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

export const round = (x, digits = 1) => (x == null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
