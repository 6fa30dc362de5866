// `npm run bench`: runs every benchmark, prints its figures and budget, writes bench/results.md and
// bench/results.json, and exits non-zero when a budget is blown or a bench could not run.
// `node bench/run.mjs size fanout` runs a subset (names: size, anchors, render, latency, fanout, storm, api, optimistic).
// Knobs (env): BELFRY_CHROMIUM (browser path), BENCH_RENDER_ITEMS (10000), BENCH_FANOUT_SIZES
// (1000,2000,5000), BENCH_STORM_CLIENTS (5000), BENCH_ANCHORS_DIR (scratch install of the anchors), BENCH_API_NOTIFICATIONS (100000), BENCH_API_SECONDS (5 per endpoint),
// BELFRY_TEST_PG (admin URL of the PostgreSQL server; a fresh database is created and dropped).
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ROOT } from './lib/common.mjs';

const BENCHES = {
  size: async (log) => (await import('./size.mjs')).benchSize(log),
  anchors: async (log) => (await import('./anchors.mjs')).benchAnchors(log),
  render: async (log) => (await import('./browser.mjs')).benchRender(log),
  latency: async (log) => (await import('./browser.mjs')).benchLatency(log),
  optimistic: async (log) => (await import('./browser.mjs')).benchOptimistic(log),
  fanout: async (log) => (await import('./fanout.mjs')).benchFanout(log),
  storm: async (log) => (await import('./storm.mjs')).benchStorm(log),
  api: async (log) => (await import('./throughput.mjs')).benchThroughput(log),
};

const selected = process.argv.slice(2);
for (const name of selected) {
  if (!BENCHES[name]) {
    console.error(`unknown bench "${name}"; benches: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
}
const names = selected.length ? selected : Object.keys(BENCHES);
const log = (line) => console.log(line);
const results = [];
const started = Date.now();
const loadAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);

for (const name of names) {
  console.log(`\n━━ bench: ${name} ━━`);
  const t = Date.now();
  let result;
  try {
    result = await BENCHES[name](log);
  } catch (error) {
    result = { name, ok: false, notRun: String(error?.message ?? error).split('\n').slice(0, 6).join(' ') };
  }
  result.seconds = Math.round((Date.now() - t) / 100) / 10;
  results.push(result);
  if (result.notRun) console.log(`  ${name}: not run: ${result.notRun}`);
  if (result.summary) console.log(`  ${name}: ${result.summary}`);
  console.log(`  budget: ${result.budget ?? '—'} → ${result.notRun && !result.summary ? 'NOT RUN' : result.ok ? 'ok' : 'FAIL'} (${result.seconds}s)`);
}

const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
})();
const machine = {
  date: new Date().toISOString(),
  commit,
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? null,
  memoryGB: Math.round(os.totalmem() / 2 ** 30),
  // Other work on the machine skews every figure; recorded so results can be read in context.
  loadAverageAtStart: loadAtStart,
  totalSeconds: Math.round((Date.now() - started) / 1000),
};

writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify({ machine, results }, null, 2)}\n`);

const verdict = (r) => (r.notRun && !r.summary ? 'not run' : r.ok ? 'ok' : 'FAIL');
const md = [
  '# Belfry benchmark results',
  '',
  `${machine.date} · commit ${commit ?? '?'} · Node ${machine.node} · ${machine.cpus} × ${machine.cpuModel} · ${machine.memoryGB} GB · load average at start ${loadAtStart.join(' / ')} · whole run ${machine.totalSeconds} s`,
  '',
  '| bench | figures | budget | result |',
  '| --- | --- | --- | --- |',
  ...results.map((r) => `| ${r.name} | ${(r.summary ?? `not run: ${r.notRun}`).replace(/\|/g, '\\|')}${r.summary && r.notRun ? ` (not run: ${r.notRun})` : ''} | ${r.budget ?? '—'} | ${verdict(r)} |`),
  '',
  ...results.flatMap((r) => (r.details ? [`## ${r.name}`, '', r.details, ''] : [])),
].join('\n');
writeFileSync(join(ROOT, 'bench/results.md'), `${md}\n`);
console.log(`\n${md}`);

const failed = results.filter((r) => !r.ok);
if (failed.length) {
  console.error(`\nbench: ${failed.length} of ${results.length} failed or not run: ${failed.map((r) => r.name).join(', ')}`);
  process.exit(1);
}
console.log(`\nbench: all ${results.length} within budget`);
