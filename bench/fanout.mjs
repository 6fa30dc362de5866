// Fan-out: one server process, N concurrent socket.io clients (one per user) in a separate load
// process; one notification for all N users, sent in calls of 1,000 recipients. Measures the time
// from the first call until every client has it, and the server's peak RSS. Budget: N=5,000 ≤ 1 s.
import { randomBytes } from 'node:crypto';
import { sampleRss, spawnLoad, startServer } from './lib/common.mjs';

const SESSION_SECRET = randomBytes(24).toString('hex');

const SIZES = (process.env.BENCH_FANOUT_SIZES ?? '1000,2000,5000').split(',').map(Number);
const BUDGET_MS = 1000;

function runLoad(url, n, prefix) {
  return new Promise((done, fail) => {
    const { child, output } = spawnLoad('fanout-load.mjs', [url, n, prefix], SESSION_SECRET);
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const { out, err } = output();
      const line = out.trim().split('\n').pop();
      try {
        done(JSON.parse(line));
      } catch {
        fail(new Error(`fan-out load process failed (exit ${code}): ${err.slice(-1500) || out.slice(-1500)}`));
      }
    });
  });
}

export async function benchFanout(log) {
  const rows = [];
  for (const n of SIZES) {
    const server = await startServer({ BELFRY_SESSION_SECRET: SESSION_SECRET });
    const rss = sampleRss(server);
    try {
      const idle = server.rss();
      const r = await runLoad(server.url, n, `fan${n}-${Date.now().toString(36)}`);
      rows.push({ ...r, serverRssIdleMB: Math.round(idle / 2 ** 20), serverRssPeakMB: Math.round(rss.peak / 2 ** 20) });
      log(`  fan-out N=${n}: ${r.outcome === 'ok' ? `all delivered in ${r.allDeliveredMs} ms` : `only ${r.received}/${n} delivered (${r.outcome})`}, p50 ${r.p50Ms} ms, server RSS peak ${Math.round(rss.peak / 2 ** 20)} MB`);
    } finally {
      rss.stop();
      await server.stop();
    }
  }
  // The budget is set for 5,000 clients; a run with other sizes is judged on its largest.
  const big = rows.find((r) => r.n === 5000) ?? rows.reduce((a, r) => (r.n > (a?.n ?? 0) ? r : a), null);
  const ok = Boolean(big && big.outcome === 'ok' && big.allDeliveredMs <= BUDGET_MS);
  return {
    name: 'fan-out',
    budget: `N=5,000: every client has it ≤ ${BUDGET_MS} ms after the first call`,
    ok,
    figures: rows,
    details: [
      '| clients | all delivered | p50 | p99 | trigger calls done | server RSS idle → peak | connect (setup) |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows.map((r) => `| ${r.n} | ${r.allDeliveredMs ?? `incomplete ${r.received}/${r.n}`} ms | ${r.p50Ms} ms | ${r.p99Ms} ms | ${r.triggerCallsMs} ms | ${r.serverRssIdleMB} → ${r.serverRssPeakMB} MB | ${r.connectMs} ms |`),
      '',
      'Timed from the first trigger call (calls of 1,000 recipients, sent together) until the last client has the event, after one warm-up notification to the same users.',
    ].join('\n'),
    summary: rows.map((r) => `N=${r.n}: ${r.allDeliveredMs ?? `incomplete ${r.received}/${r.n}`} ms (p50 ${r.p50Ms} ms), server RSS ${r.serverRssPeakMB} MB`).join('; '),
  };
}
