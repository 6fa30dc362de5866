// `npm test`: typecheck, every package's suite against real servers and databases, the API
// reference's code samples run against real servers, the bundle-size
// budgets, the packed packages' checks (publint, attw), the end-to-end suite in Chromium (with the
// Next.js example), the packed-tarball smoke suite, then the server and core suites on a second Node
// major. Stops at the first failing stage and ends with one "N passed, N failed" line summed over every
// suite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SECOND_NODE, secondNode } from './secondNode.mjs';

const root = new URL('..', import.meta.url).pathname;
const reports = mkdtempSync(join(tmpdir(), 'belfry-test-'));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', FORCE_COLOR: process.env.FORCE_COLOR ?? '1' };
const totals = { passed: 0, failed: 0, skipped: 0, brokenFiles: 0 };

function run(title, cmd, args, cwd = root, after = () => {}, runEnv = env) {
  console.log(`\n━━ ${title} ━━`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd, env: runEnv, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  // Counted before a failure ends the run, so the summary says what did pass and fail.
  after();
  if (res.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${res.status ?? res.signal}) after ${seconds}s`);
    finish(1);
  }
  console.log(`✓ ${title} (${seconds}s)`);
}

/** One package's vitest suite; `node` runs it on another Node binary (with that Node's env). */
function vitest(title, dir, config, node) {
  if (!existsSync(join(root, dir, config))) return;
  const out = join(reports, `${title.replace(/\W+/g, '-')}.json`);
  const args = ['run', '-c', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  if (node) run(title, node.bin, [join(root, 'node_modules/vitest/vitest.mjs'), ...args], join(root, dir), () => tally(out), { ...node.env, ...env, PATH: node.env.PATH, NODE_OPTIONS: node.env.NODE_OPTIONS });
  else run(title, 'npx', ['vitest', ...args], join(root, dir), () => tally(out));
}

/** The server and core suites again on the second supported Node major (scripts/secondNode.mjs). */
function onSecondNode() {
  console.log(`\n━━ Node ${SECOND_NODE}: preparing ━━`);
  const started = Date.now();
  let node;
  try {
    node = secondNode({ log: (m) => console.log(`[node ${SECOND_NODE}] ${m}`) });
  } catch (error) {
    console.error(`\n✗ Node ${SECOND_NODE} could not be prepared: ${error?.message ?? error}`);
    finish(1);
  }
  console.log(`✓ Node ${SECOND_NODE} ready (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  vitest(`server (Node ${SECOND_NODE})`, 'packages/server', 'vitest.config.ts', node);
  vitest(`core (Node ${SECOND_NODE})`, 'packages/core', 'vitest.config.ts', node);
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
  node: () => vitest('node (@belfry/node)', 'packages/node', 'vitest.config.ts'),
  // Every code sample of the API reference and every marked README quick start, run against fresh
  // real servers (curl, Node fetch, @belfry/node from its build, Python requests).
  docs: () => {
    run('docs: build @belfry/node', 'npx', ['turbo', 'run', 'build', '--filter=@belfry/node', '--output-logs=errors-only']);
    vitest('docs: code samples', 'packages/server', 'vitest.docs.config.ts');
  },
  react: () => vitest('react', 'packages/react', 'vitest.config.ts'),
  react18: () => vitest('react (React 18)', 'packages/react', 'vitest.react18.config.ts'),
  'web-component': () => vitest('web-component', 'packages/web-component', 'vitest.config.ts'),
  size: () => run('bundle-size budgets', 'node', ['scripts/size.mjs']),
  // Build, pack, publint --strict and attw for every public package; the smoke suite then installs
  // those same tarballs (packs/) instead of packing again.
  packages: () => {
    run('packages: publint + attw', 'node', ['scripts/packages.mjs', 'check']);
    env.BELFRY_REUSE_PACKS = '1';
  },
  e2e: () => vitest('e2e (Chromium)', 'e2e', 'vitest.config.ts'),
  smoke: () => vitest('tarball smoke', 'smoke', 'vitest.config.ts'),
  [`node${SECOND_NODE.split('.')[0]}`]: onSecondNode,
};

if (only && !stages[only]) {
  console.error(`unknown stage "${only}"; stages: ${Object.keys(stages).join(', ')}`);
  process.exit(2);
}
for (const [name, stage] of Object.entries(stages)) {
  if (!only || only === name) stage();
}
finish(totals.failed > 0 ? 1 : 0);
