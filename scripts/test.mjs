// `npm test`: typecheck, every package's suite against real servers and databases, the bundle-size
// budgets, then the end-to-end suite in Chromium. Stops at the first failing stage and ends with one
// "N passed, N failed" line summed over every suite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = mkdtempSync(join(tmpdir(), 'belfry-test-'));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', FORCE_COLOR: process.env.FORCE_COLOR ?? '1' };
const totals = { passed: 0, failed: 0, skipped: 0, brokenFiles: 0 };

function run(title, cmd, args, cwd = root, after = () => {}) {
  console.log(`\n━━ ${title} ━━`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd, env, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  // Counted before a failure ends the run, so the summary says what did pass and fail.
  after();
  if (res.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${res.status ?? res.signal}) after ${seconds}s`);
    finish(1);
  }
  console.log(`✓ ${title} (${seconds}s)`);
}

function vitest(title, dir, config) {
  if (!existsSync(join(root, dir, config))) return;
  const out = join(reports, `${title.replace(/\W+/g, '-')}.json`);
  run(title, 'npx', ['vitest', 'run', '-c', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], join(root, dir), () => tally(out));
}

function tally(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests ?? 0;
  totals.failed += r.numFailedTests ?? 0;
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // A file that fails to load (syntax error, failing hook) reports no tests at all.
  totals.brokenFiles += (r.testResults ?? []).filter((f) => f.status === 'failed' && !f.assertionResults?.length).length;
}

function finish(code) {
  const broken = totals.brokenFiles ? `; ${totals.brokenFiles} test file(s) failed before running any test` : '';
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped${broken}`);
  process.exit(code);
}

const only = process.argv[2];
const stages = {
  typecheck: () => run('typecheck', 'npx', ['turbo', 'run', 'typecheck', '--output-logs=errors-only']),
  server: () => vitest('server', 'packages/server', 'vitest.config.ts'),
  core: () => vitest('core', 'packages/core', 'vitest.config.ts'),
  react: () => vitest('react', 'packages/react', 'vitest.config.ts'),
  react18: () => vitest('react (React 18)', 'packages/react', 'vitest.react18.config.ts'),
  'web-component': () => vitest('web-component', 'packages/web-component', 'vitest.config.ts'),
  size: () => run('bundle-size budgets', 'node', ['scripts/size.mjs']),
  e2e: () => vitest('e2e (Chromium)', 'e2e', 'vitest.config.ts'),
};

if (only && !stages[only]) {
  console.error(`unknown stage "${only}"; stages: ${Object.keys(stages).join(', ')}`);
  process.exit(2);
}
for (const [name, stage] of Object.entries(stages)) {
  if (!only || only === name) stage();
}
finish(totals.failed > 0 ? 1 : 0);
