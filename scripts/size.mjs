// Bundle-size budgets (CI: `npm run size`). Each bundle is built the way an app's bundler builds the
// published entry: esbuild, browser, code splitting, minified, then each file gzipped (-9) as served.
// The packages are resolved through their `belfry-source` export condition (the same modules the
// npm build publishes), so no prior build is needed.
//   core            `createBelfry` from @belfry/core with its dependencies
//   react-inbox     `BelfryProvider` + `Inbox` from @belfry/react (react/react-dom external) + styles.css
//   web-component   the standalone custom-element script packages/web-component/dist/belfry.js
// and, with no budget of their own (grouping is opt-in, its own entry), what an app that groups ships:
//   react-grouped   `BelfryProvider` + `GroupedInbox` from @belfry/react/grouped + styles.css
//   web-component-grouped   dist/belfry-grouped.js (belfry.js with grouped feeds)
// "before realtime" counts what an app loads before core's `import()` of socket.io-client: the entry
// and the chunks it imports statically. A bundle that cannot be measured is a failure, never a pass.
// Exported `measureSizes()` is reused by the benchmark suite (bench/run.mjs) and bench/anchors.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlib } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const KB = 1024;

/**
 * BUDGETS are the sizes the product asks for on the socket.io-client stack; GOALS where the bundles
 * should get to. CI enforces CEILINGS: the budget where a bundle meets it, and otherwise the size
 * measured when the current features landed plus 0.3 KB (core all-in and the react inbox are still
 * over budget), which stops any further growth while the distance to the budget and the goal is
 * printed on every run. The grouped bundles (opt-in entries) have no budget of their own, only a
 * ceiling. Lower a ceiling whenever a bundle shrinks; never raise one to make a build pass.
 */
export const BUDGETS = {
  core: { all: 31 * KB, before: 19 * KB },
  'react-inbox': { all: 53 * KB, before: 40 * KB },
  'web-component': { all: 60 * KB },
};
export const CEILINGS = {
  core: { all: 32.2 * KB, before: 19 * KB },
  'react-inbox': { all: 54.4 * KB, before: 41.4 * KB },
  'web-component': { all: 60 * KB },
  'react-grouped': { all: 57.5 * KB, before: 44.5 * KB },
  'web-component-grouped': { all: 63.1 * KB },
};
export const GOALS = {
  core: { all: 29 * KB, before: 18 * KB },
  'react-inbox': { all: 50 * KB, before: 37 * KB },
  'web-component': { all: 56 * KB },
};

export const gzipSize = (text) => gzipSync(Buffer.from(text), { level: zlib.Z_BEST_COMPRESSION }).length;

/**
 * Bundles `entryCode` (resolved from `resolveDir`) as an app would and returns the gzip sizes:
 * `all` every JS file + CSS, `before` the entry and its static imports + CSS, and the minified bytes.
 */
export async function bundleLikeAnApp({ entryCode, resolveDir = root, external = [], conditions = ['belfry-source'], plugins = [], nodePaths }) {
  const esbuild = await import('esbuild');
  const outdir = mkdtempSync(join(tmpdir(), 'belfry-size-'));
  try {
    const result = await esbuild.build({
      stdin: { contents: entryCode, resolveDir, sourcefile: 'entry.js', loader: 'js' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      outdir,
      write: false,
      metafile: true,
      external,
      conditions: [...conditions, 'browser', 'module', 'import'],
      define: { 'process.env.NODE_ENV': '"production"' },
      loader: { '.css': 'css', '.svg': 'dataurl', '.png': 'dataurl', '.woff2': 'dataurl', '.woff': 'dataurl', '.ttf': 'dataurl' },
      logLevel: 'silent',
      legalComments: 'none',
      plugins,
      ...(nodePaths ? { nodePaths } : {}),
    });
    const files = new Map(result.outputFiles.map((f) => [f.path, f.text]));
    const outputs = result.metafile.outputs;
    const abs = (p) => resolve(process.cwd(), p);
    const entry = Object.keys(outputs).find((p) => outputs[p].entryPoint);
    const before = new Set();
    const walk = (p) => {
      if (before.has(p)) return;
      before.add(p);
      for (const imp of outputs[p]?.imports ?? []) if (imp.kind === 'import-statement' && !imp.external) walk(imp.path);
    };
    walk(entry);
    let all = 0;
    let early = 0;
    let minified = 0;
    for (const p of Object.keys(outputs)) {
      if (p.endsWith('.map')) continue;
      const text = files.get(abs(p)) ?? '';
      const size = gzipSize(text);
      minified += Buffer.byteLength(text);
      all += size;
      // CSS is needed before anything renders; it belongs to "before" too.
      if (before.has(p) || p.endsWith('.css')) early += size;
    }
    return { all, before: early, minified, metafile: result.metafile };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(resolve(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds packages/web-component when dist/belfry.js is missing or older than any UI source. */
export function ensureStandaloneBuilt(log = () => {}) {
  const pkgDir = resolve(root, 'packages/web-component');
  const file = resolve(pkgDir, 'dist/belfry.js');
  const sources = ['packages/web-component/src', 'packages/react/src', 'packages/core/src'].map((d) => resolve(root, d));
  const fresh = existsSync(file) && statSync(file).mtimeMs >= Math.max(...sources.map(newestMtime));
  if (fresh) return file;
  if (newestMtime(resolve(pkgDir, 'src')) === 0) throw new Error('packages/web-component/src has no sources yet');
  log('building @belfry/web-component (dist/belfry.js missing or stale) …');
  const run = spawnSync('npm', ['run', 'build', '-w', '@belfry/web-component'], {
    cwd: root,
    // The package's config builds only dist/belfry.js with this set (no ESM/CJS/d.ts library build).
    env: { ...process.env, BELFRY_STANDALONE_ONLY: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.status !== 0) {
    // eslint-disable-next-line no-control-regex
    const lines = `${run.stdout}\n${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((l) => l.trim() && !/^\s+at |^npm (error|ERR)/.test(l));
    const tail = lines.slice(-12).join('\n');
    throw new Error(`@belfry/web-component build failed (exit ${run.status}):\n${tail}`);
  }
  if (!existsSync(file)) throw new Error('@belfry/web-component build did not produce dist/belfry.js');
  return file;
}

const TARGETS = [
  {
    name: 'core',
    label: '@belfry/core createBelfry',
    async measure() {
      if (!existsSync(resolve(root, 'packages/core/src/index.ts'))) throw new Error('packages/core/src/index.ts does not exist yet');
      return bundleLikeAnApp({ entryCode: `export { createBelfry } from '@belfry/core';` });
    },
  },
  {
    name: 'react-inbox',
    label: '@belfry/react BelfryProvider + Inbox + styles.css (react external)',
    measure: () => measureReact(`export { BelfryProvider, Inbox } from '@belfry/react';`),
  },
  {
    name: 'web-component',
    label: 'standalone dist/belfry.js (one classic script, English; other locales separate)',
    measure: (log) => measureScript(ensureStandaloneBuilt(log)),
  },
  {
    name: 'react-grouped',
    label: '@belfry/react BelfryProvider + GroupedInbox (@belfry/react/grouped) + styles.css (react external)',
    measure: () => measureReact(`export { BelfryProvider } from '@belfry/react'; export { GroupedInbox } from '@belfry/react/grouped';`),
  },
  {
    name: 'web-component-grouped',
    label: 'standalone dist/belfry-grouped.js (belfry.js with grouped feeds)',
    measure: (log) => measureScript(resolve(dirname(ensureStandaloneBuilt(log)), 'belfry-grouped.js')),
  },
];

async function measureReact(entryCode) {
  const styles = resolve(root, 'packages/react/src/styles.css');
  if (!existsSync(styles)) throw new Error('packages/react/src/styles.css does not exist yet');
  const sized = await bundleLikeAnApp({ entryCode, external: ['react', 'react-dom', 'react/*', 'react-dom/*'] });
  // The stylesheet is served as its own file, before anything renders.
  const esbuild = await import('esbuild');
  const css = gzipSize((await esbuild.transform(readFileSync(styles, 'utf8'), { loader: 'css', minify: true })).code);
  return { ...sized, all: sized.all + css, before: sized.before + css };
}

function measureScript(file) {
  if (!existsSync(file)) throw new Error(`${file} was not built`);
  const text = readFileSync(file, 'utf8');
  return { all: gzipSize(text), before: null, minified: Buffer.byteLength(text) };
}

/**
 * Measures every bundle: [{ name, label, all, before, minified, ceiling, goal, ok, error? }]
 * (bytes; `ok` is "within every ceiling").
 */
export async function measureSizes({ only, log = () => {} } = {}) {
  const results = [];
  for (const target of TARGETS) {
    if (only && !only.includes(target.name)) continue;
    const ceiling = CEILINGS[target.name];
    const budget = BUDGETS[target.name];
    const goal = GOALS[target.name];
    try {
      const { all, before, minified } = await target.measure(log);
      const ok = all <= ceiling.all && (ceiling.before === undefined || before <= ceiling.before);
      // A bundle without a goal of its own (the grouped ones) is judged by its ceiling alone.
      const atGoal = !goal || (all <= goal.all && (goal.before === undefined || before <= goal.before));
      results.push({ name: target.name, label: target.label, all, before, minified, ceiling, budget, goal, ok, atGoal });
    } catch (error) {
      const message = String(error?.message ?? error).split('\n').slice(0, 16).join('\n');
      results.push({ name: target.name, label: target.label, all: null, before: null, minified: null, ceiling, budget, goal, ok: false, atGoal: false, error: message });
    }
  }
  return results;
}

export const kb = (bytes) => (bytes == null ? '—' : `${(bytes / KB).toFixed(2)}`);
const pair = (a, b) => (a === undefined ? '—' : b === undefined ? kb(a) : `${kb(a)} / ${kb(b)}`);
/** "+1.23" over the goal, "-0.50" under it. */
const distance = (value, goal) => (value == null || goal === undefined ? undefined : `${value > goal ? '+' : '−'}${kb(Math.abs(value - goal))}`);

const toward = (r, target = {}) => [distance(r.all, target.all), distance(r.before, target.before)].filter(Boolean).join(' / ') || '—';

export function formatSizeTable(results) {
  const rows = [['bundle (gzip KB)', 'all-in', 'before realtime', 'CI ceiling', 'budget', 'to budget', 'goal', 'to goal', 'result']];
  for (const r of results) {
    const verdict = r.error ? 'FAIL (not measured)' : !r.ok ? 'FAIL (over ceiling)' : r.atGoal && r.goal ? 'ok (at goal)' : 'ok';
    rows.push([
      r.name,
      kb(r.all),
      r.ceiling.before === undefined ? '—' : kb(r.before),
      pair(r.ceiling.all, r.ceiling.before),
      pair(r.budget?.all, r.budget?.before),
      toward(r, r.budget),
      pair(r.goal?.all, r.goal?.before),
      toward(r, r.goal),
      verdict,
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const lines = rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of results) if (r.error) lines.push(`\n${r.name}: could not be measured — ${r.error}`);
  return lines.join('\n');
}

/** The same table as Markdown (bench/results.md). */
export function formatSizeMarkdown(results) {
  const lines = ['| bundle | all-in | before realtime | CI ceiling | budget | to budget | goal | to goal |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const r of results) {
    const cells = [kb(r.all), r.ceiling.before === undefined ? '—' : kb(r.before), pair(r.ceiling.all, r.ceiling.before), pair(r.budget?.all, r.budget?.before), toward(r, r.budget), pair(r.goal?.all, r.goal?.before), toward(r, r.goal)];
    lines.push(`| ${r.label} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = await measureSizes({ log: (m) => console.log(m) });
  console.log(formatSizeTable(results));
  const failed = results.filter((r) => !r.ok);
  if (failed.length) {
    console.error(`\nsize: ${failed.length} of ${results.length} bundle(s) over a CI ceiling or not measured: ${failed.map((r) => r.name).join(', ')}`);
    process.exit(1);
  }
  const away = results.filter((r) => !r.atGoal);
  const overBudget = results.filter((r) => r.budget && (r.all > r.budget.all || (r.budget.before !== undefined && r.before > r.budget.before)));
  console.log(away.length ? `\nsize: every bundle within its ceiling; not at goal yet: ${away.map((r) => r.name).join(', ')}` : `\nsize: every bundle at its goal`);
  if (overBudget.length) console.log(`size: over budget (see "to budget"): ${overBudget.map((r) => r.name).join(', ')}`);
}
