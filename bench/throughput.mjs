// API throughput: inbox list and counts requests/s with 100k notifications in the database, on
// SQLite and on PostgreSQL, measured with autocannon against a server in its own process.
// No numeric budget in the spec; the run fails if any request errors or is not 2xx.
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { pool, round, session, startServer, trigger } from './lib/common.mjs';

const TOTAL = Number(process.env.BENCH_API_NOTIFICATIONS ?? 100_000);
const USERS = 1000;
const DURATION = Number(process.env.BENCH_API_SECONDS ?? 5);
const PG_ADMIN = process.env.BELFRY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

async function seed(url, log) {
  const users = Array.from({ length: USERS }, (_, i) => `tp-${i}`);
  const calls = Math.ceil(TOTAL / USERS);
  const started = Date.now();
  let done = 0;
  await pool(Array.from({ length: calls }, (_, i) => i), 2, async (i) => {
    await trigger(url, users, `seed ${i}`, { body: 'A notification body of ordinary length, to make rows realistic.' });
    if (++done % 20 === 0) log(`    seeded ${done * USERS} / ${calls * USERS}`);
  });
  return { seeded: calls * USERS, seedSeconds: round((Date.now() - started) / 1000) };
}

function cannon(url, token) {
  return new Promise((done, fail) => {
    autocannon(
      { url, connections: 10, duration: DURATION, headers: { authorization: `Bearer ${token}` } },
      (err, r) => (err ? fail(err) : done(r)),
    );
  });
}

async function measure(db, env, log) {
  const server = await startServer(env);
  try {
    const seeded = await seed(server.url, log);
    const token = await session(server.url, 'tp-0');
    const out = { db, ...seeded };
    for (const [name, path] of [
      ['list', '/v1/inbox/notifications?limit=20'],
      ['counts', '/v1/inbox/counts'],
    ]) {
      const r = await cannon(`${server.url}${path}`, token);
      out[name] = {
        reqPerSec: round(r.requests.average, 0),
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors + r.timeouts,
      };
      log(`  ${db} ${name}: ${out[name].reqPerSec} req/s (p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx})`);
    }
    out.serverRssMB = Math.round(server.rss() / 2 ** 20);
    return out;
  } finally {
    await server.stop();
  }
}

export async function benchThroughput(log) {
  const rows = [];
  const notRun = [];
  rows.push(await measure('sqlite', {}, log));

  const admin = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 3000 });
  let dbName = null;
  try {
    await admin.connect();
    dbName = `belfry_bench_${randomBytes(5).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${dbName}`);
    const u = new URL(PG_ADMIN);
    u.pathname = `/${dbName}`;
    rows.push(await measure('postgres', { DATABASE_URL: u.toString() }, log));
  } catch (error) {
    if (!dbName) notRun.push(`postgres: not run: PostgreSQL unreachable at ${PG_ADMIN} (${error.message})`);
    else throw error;
  } finally {
    if (dbName) await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    await admin.end().catch(() => {});
  }

  const ok = notRun.length === 0 && rows.every((r) => r.list.non2xx + r.list.errors + r.counts.non2xx + r.counts.errors === 0);
  return {
    name: 'api-throughput',
    budget: 'no errors / non-2xx (figures reported)',
    ok,
    notRun: notRun.length ? notRun.join('; ') : undefined,
    figures: rows,
    details: [
      '| database | rows | endpoint | req/s | p50 | p99 | non-2xx | errors |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows.flatMap((r) =>
        ['list', 'counts'].map((k) => `| ${r.db} | ${r.seeded} | ${k === 'list' ? 'GET /v1/inbox/notifications?limit=20' : 'GET /v1/inbox/counts'} | ${r[k].reqPerSec} | ${r[k].p50Ms} ms | ${r[k].p99Ms} ms | ${r[k].non2xx} | ${r[k].errors} |`),
      ),
      '',
      `autocannon, 10 connections, ${DURATION} s per endpoint, as user tp-0; ${USERS} users with ${Math.ceil(TOTAL / USERS)} notifications each, seeded through the API (calls of ${USERS} recipients).`,
    ].join('\n'),
    summary: rows
      .map((r) => `${r.db} (${r.seeded} rows): list ${r.list.reqPerSec} req/s p99 ${r.list.p99Ms} ms, counts ${r.counts.reqPerSec} req/s p99 ${r.counts.p99Ms} ms`)
      .join('; '),
  };
}
