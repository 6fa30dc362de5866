// Reconnect storm: N clients (core's socket module doing core's /changes catch-up, in a separate
// load process) are connected; the server is SIGKILLed and restarted on the same database and port;
// as soon as /healthz answers, one notification per client is triggered. Measures the time from the
// kill until every client is connected again and holds its notification, the restarted server's
// peak RSS and CPU during the storm, and lost / duplicate notifications. Budget: N=5,000 ≤ 15 s, 0 / 0.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { now, round, sleep, sampleRss, spawnLoad, startServer, trigger } from './lib/common.mjs';

const N = Number(process.env.BENCH_STORM_CLIENTS ?? 5000);
const BUDGET_MS = 15_000;
const SESSION_SECRET = randomBytes(24).toString('hex');
const CLK_TCK = 100;

const freePort = () =>
  new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });

/** user + system CPU seconds of a process so far (Linux /proc). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

function startLoad(url, prefix) {
  const { child, output } = spawnLoad('storm-load.mjs', [url, N, prefix], SESSION_SECRET, ['--conditions=belfry-source', '--import', 'tsx']);
  const line = (test) =>
    new Promise((done, fail) => {
      const onData = () => {
        const l = output().out.split('\n').find(test);
        if (l !== undefined) {
          child.stdout.off('data', onData);
          done(l);
        }
      };
      child.stdout.on('data', onData);
      child.once('exit', (code) => {
        const { out, err } = output();
        fail(new Error(`storm load process exited (${code}): ${err.slice(-1500) || out.slice(-1500)}`));
      });
    });
  return { child, ready: line((l) => l === 'ready'), result: line((l) => l.startsWith('{')).then((l) => JSON.parse(l)) };
}

export async function benchStorm(log) {
  const dir = mkdtempSync(join(tmpdir(), 'belfry-storm-'));
  const port = await freePort();
  const env = { BELFRY_SESSION_SECRET: SESSION_SECRET, BENCH_DB: join(dir, 'belfry.db'), BENCH_PORT: String(port) };
  let server = await startServer(env);
  const prefix = `storm-${Date.now().toString(36)}`;
  const load = startLoad(server.url, prefix);
  const watchdog = setTimeout(() => load.child.kill('SIGKILL'), 240_000);
  try {
    const t = now();
    await load.ready;
    log(`  storm: ${N} clients connected and caught up in ${round((now() - t) / 1000)} s`);

    const killedAt = now();
    process.kill(server.pid, 'SIGKILL');
    load.child.stdin.write(`kill ${killedAt}\n`);
    await server.stop(); // reaps the killed process
    server = await startServer(env);
    const cpuStart = cpuSeconds(server.pid);
    const rss = sampleRss(server);
    try {
      for (;;) {
        const ok = await fetch(`${server.url}/healthz`).then((r) => r.ok, () => false);
        if (ok) break;
        await sleep(20);
      }
      const healthyAt = now();
      const users = Array.from({ length: N }, (_, i) => `${prefix}-${i}`);
      const calls = [];
      for (let i = 0; i < N; i += 1000) calls.push(trigger(server.url, users.slice(i, i + 1000), `${prefix}-storm`));
      await Promise.all(calls);
      const triggeredAt = now();
      const r = await load.result;
      const doneAt = killedAt + (r.caughtUpMs ?? now() - killedAt);
      const cpuPercent = Math.round(((cpuSeconds(server.pid) - cpuStart) / ((now() - healthyAt) / 1000)) * 100);
      const figures = {
        ...r,
        restartToHealthyMs: round(healthyAt - killedAt),
        triggeredMs: round(triggeredAt - killedAt),
        serverRssPeakMB: Math.round(rss.peak / 2 ** 20),
        serverCpuPercent: cpuPercent,
        stormSeconds: round((doneAt - killedAt) / 1000),
      };
      const ok = r.outcome === 'ok' && r.caughtUpMs <= BUDGET_MS && r.lost === 0 && r.duplicates === 0;
      const summary =
        `N=${N}: kill → everyone reconnected and holding its notification ${r.caughtUpMs ?? `timeout (${N - r.lost}/${N})`} ms ` +
        `(server answered /healthz after ${figures.restartToHealthyMs} ms, notifications triggered by ${figures.triggeredMs} ms; reconnected p50 ${r.reconnectedP50Ms} ms, last ${r.reconnectedMaxMs} ms); ` +
        `lost ${r.lost}, duplicates ${r.duplicates}; restarted server RSS peak ${figures.serverRssPeakMB} MB, CPU ${cpuPercent} % of one core`;
      log(`  ${summary}`);
      return {
        name: 'reconnect-storm',
        budget: `N=5,000: kill → everyone caught up ≤ ${BUDGET_MS / 1000} s; lost 0, duplicates 0`,
        ok,
        figures,
        summary,
        details: [
          '| clients | kill → all caught up | /healthz after | triggered by | reconnected p50 / last | lost / duplicates | catch-up requests (failed) | server RSS peak | server CPU |',
          '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
          `| ${N} | ${r.caughtUpMs ?? 'timeout'} ms | ${figures.restartToHealthyMs} ms | ${figures.triggeredMs} ms | ${r.reconnectedP50Ms} / ${r.reconnectedMaxMs} ms | ${r.lost} / ${r.duplicates} | ${r.catchUpRequests} (${r.catchUpFailures}) | ${figures.serverRssPeakMB} MB | ${cpuPercent} % of one core |`,
          '',
          'SIGKILL of the server with every client connected, restart on the same SQLite file and port, one notification per client as soon as /healthz answers. The clients use core\'s socket module (socket.io-client, its randomised reconnection) and core\'s catch-up: GET /v1/inbox/changes?since= on every reconnect.',
        ].join('\n'),
      };
    } finally {
      rss.stop();
    }
  } finally {
    clearTimeout(watchdog);
    load.child.kill('SIGKILL');
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
