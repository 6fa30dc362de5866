// A benchmark server in its own process (so its RSS is its own and load generators don't share its
// event loop). Options come from env: BENCH_DB (SQLite file) or DATABASE_URL, REDIS_URL,
// BENCH_STATIC (directory served at /bench/ for the browser benches).
// Prints one line `bench-server {"url":...,"pid":...}` once listening; exits on SIGTERM / stdin close.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { createBelfryServer } from '@belfry/server';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};
const staticDir = process.env.BENCH_STATIC;

const server = await createBelfryServer({
  port: Number(process.env.BENCH_PORT ?? 0),
  host: '127.0.0.1',
  sqlitePath: process.env.BENCH_DB,
  databaseUrl: process.env.DATABASE_URL || undefined,
  redisUrl: process.env.REDIS_URL || undefined,
  allowedOrigins: ['*'],
  seedApps: [{ id: 'demo', secret: 'sk_test_demo', name: 'Demo' }],
  // Load generators would trip the per-app limit; throughput is what is measured here.
  rateLimit: false,
  logger: false,
  sweepIntervalMs: 1000,
  configure: async (fastify) => {
    if (!staticDir) return;
    fastify.get('/bench/*', async (request, reply) => {
      const rel = normalize((request.params as { '*': string })['*'] || 'index.html');
      if (rel.startsWith('..')) return reply.code(404).send();
      try {
        const body = await readFile(join(staticDir, rel));
        return reply.type(TYPES[extname(rel)] ?? 'application/octet-stream').send(body);
      } catch {
        return reply.code(404).send({ error: { code: 'not_found', message: rel } });
      }
    });
  },
});

console.log(`bench-server ${JSON.stringify({ url: server.url, pid: process.pid })}`);

let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', close);
process.on('SIGINT', close);
process.stdin.on('end', close);
process.stdin.resume();
