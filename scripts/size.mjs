// Bundle-size budgets (CI: `npm run size`). Each target is bundled for the browser from source
// (the `belfry-source` export condition, so no prior build is needed), minified, then gzipped:
//   core            @belfry/core with all its dependencies
//   react-inbox     BelfryProvider + Inbox from @belfry/react (react/react-dom external) + core + deps + CSS
//   web-component   the standalone custom-element script packages/web-component/dist/belfry.js
// A target that cannot be measured (package not there yet, build error) is a failure, never a pass.
// Exported `measureSizes()` is reused by the benchmark suite (bench/run.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, resolve, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync, constants as zlib } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const KB = 1024;

export const BUDGETS = { core: 27 * KB, 'react-inbox': 35 * KB, 'web-component': 40 * KB };
/**
 * What CI holds each bundle to today. Where a budget is not met yet, the ceiling sits just above the
 * measured size so that any growth fails the build; the table still reports the missed budget.
 * Lower a ceiling whenever a bundle shrinks; it never rises above a measured size plus 0.5 KB.
 */
export const CEILINGS = { core: 27 * KB, 'react-inbox': 40.07 * KB, 'web-component': 52.71 * KB };

const gzipSize = (text) => gzipSync(Buffer.from(text), { level: zlib.Z_BEST_COMPRESSION }).length;

async function loadHelpers() {
  // rollup.config.mjs picks a package config from PKG at import time; any valid value lets us
  // import its exported helpers without building anything.
  process.env.PKG ??= 'core';
  const { standalone } = await import(pathToFileURL(resolve(root, 'rollup.config.mjs')).href);
  const { rollup } = await import('rollup');
  const esbuild = await import('esbuild');
  return { standalone, rollup, esbuild };
}

/** A virtual entry module, so only the named exports are kept (tree-shaking as an app would see it). */
function virtualEntry(id, code) {
  return {
    name: 'belfry-size-entry',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (moduleId) => (moduleId === `\0${id}` ? code : null),
  };
}

/** CSS imported from JS is collected (and counted) instead of being parsed as JS. */
function collectCss(sink) {
  return {
    name: 'belfry-size-css',
    load(id) {
      if (!id.endsWith('.css')) return null;
      sink.set(id, readFileSync(id, 'utf8'));
      return 'export default "";';
    },
  };
}

/**
 * engine.io-client's "browser" field swaps its *.node.js transports (a Node XHR shim, ws) for the
 * browser ones; the TS plugin resolves those relative files before node-resolve applies the field,
 * so the swap is made here — as a browser bundler would.
 */
const engineIoBrowserFiles = {
  name: 'belfry-size-engine-io-browser',
  resolveId(source, importer) {
    if (!importer || !/\/engine\.io-client\//.test(importer) || !/\.node\.js$/.test(source)) return null;
    return resolve(dirname(importer), source.replace(/\.node\.js$/, '.js'));
  },
};

async function bundle(helpers, { entryId, entryCode, external, css }) {
  const config = helpers.standalone(entryId, '/dev/null', {
    plugins: [virtualEntry(entryId, entryCode), engineIoBrowserFiles, collectCss(css)],
  });
  const warnings = [];
  const build = await helpers.rollup({
    ...config,
    cwd: root,
    external,
    onwarn: (w) => warnings.push(w),
  });
  try {
    const { output } = await build.generate({ ...config.output, file: undefined, dir: undefined });
    return output.filter((chunk) => chunk.type === 'chunk').map((chunk) => chunk.code).join('\n');
  } finally {
    await build.close();
  }
}

async function minifyCss(helpers, files) {
  let out = '';
  for (const file of files) {
    const { code } = await helpers.esbuild.transform(readFileSync(file, 'utf8'), { loader: 'css', minify: true });
    out += code;
  }
  return out;
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
    label: '@belfry/core (+ deps)',
    async measure(helpers) {
      const src = resolve(root, 'packages/core/src/index.ts');
      if (!existsSync(src)) throw new Error(`${relative(root, src)} does not exist yet`);
      const css = new Map();
      const js = await bundle(helpers, {
        entryId: 'belfry-size:core',
        entryCode: `export * from '@belfry/core';`,
        external: [],
        css,
      });
      return { js, css: '' };
    },
  },
  {
    name: 'react-inbox',
    label: '@belfry/react BelfryProvider+Inbox (+ core, deps, CSS; react external)',
    async measure(helpers) {
      const src = resolve(root, 'packages/react/src/index.ts');
      if (!existsSync(src)) throw new Error(`${relative(root, src)} does not exist yet`);
      const styles = resolve(root, 'packages/react/src/styles.css');
      if (!existsSync(styles)) throw new Error(`${relative(root, styles)} does not exist yet`);
      const css = new Map();
      const js = await bundle(helpers, {
        entryId: 'belfry-size:react',
        entryCode: `export { BelfryProvider, Inbox } from '@belfry/react';`,
        external: (id) => /^react(-dom)?(\/|$)/.test(id),
        css,
      });
      if (!/\bBelfryProvider\b|\bInbox\b/.test(js) && js.length < 200) {
        throw new Error('@belfry/react does not export BelfryProvider and Inbox yet');
      }
      return { js, css: await minifyCss(helpers, new Set([styles, ...css.keys()])) };
    },
  },
  {
    name: 'web-component',
    label: '@belfry/web-component standalone dist/belfry.js',
    async measure(_helpers, log) {
      const file = ensureStandaloneBuilt(log);
      return { js: readFileSync(file, 'utf8'), css: '' };
    },
  },
];

/**
 * Measures every target. Returns [{ name, label, budget, minified, gzip, ok, error? }].
 * minified/gzip are bytes (JS + CSS, each gzipped on its own, as they are served).
 */
export async function measureSizes({ only, log = () => {} } = {}) {
  const helpers = await loadHelpers();
  const results = [];
  for (const target of TARGETS) {
    if (only && !only.includes(target.name)) continue;
    const budget = BUDGETS[target.name];
    try {
      const { js, css } = await target.measure(helpers, log);
      const minified = Buffer.byteLength(js) + Buffer.byteLength(css);
      const gzip = gzipSize(js) + (css ? gzipSize(css) : 0);
      const ceiling = CEILINGS[target.name] ?? budget;
      results.push({ name: target.name, label: target.label, budget, ceiling, minified, gzip, ok: gzip <= budget, withinCeiling: gzip <= ceiling });
    } catch (error) {
      const message = String(error?.message ?? error).split('\n').slice(0, 16).join('\n');
      results.push({ name: target.name, label: target.label, budget, minified: null, gzip: null, ok: false, error: message });
    }
  }
  return results;
}

const kb = (bytes) => (bytes == null ? '—' : `${(bytes / KB).toFixed(2)} KB`);

export function formatSizeTable(results) {
  const rows = [['bundle', 'minified', 'gzip', 'budget (gzip)', 'CI ceiling', 'result']];
  for (const r of results) {
    const verdict = r.error
      ? 'FAIL (not measured)'
      : r.ok
        ? 'ok'
        : r.withinCeiling
          ? `over budget by ${kb(r.gzip - r.budget)} (no growth)`
          : 'FAIL (over budget and ceiling)';
    rows.push([r.name, kb(r.minified), kb(r.gzip), kb(r.budget), kb(r.ceiling), verdict]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const lines = rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of results) if (r.error) lines.push(`\n${r.name}: could not be measured — ${r.error}`);
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = await measureSizes({ log: (m) => console.log(m) });
  console.log(formatSizeTable(results));
  // `--strict` (the benchmark suite) holds every bundle to its budget; CI holds it to its ceiling.
  const strict = process.argv.includes('--strict');
  const failed = results.filter((r) => (strict ? !r.ok : !r.withinCeiling || r.error));
  const over = results.filter((r) => !r.ok && !r.error);
  if (failed.length) {
    console.error(`\nsize: ${failed.length} of ${results.length} bundle(s) failed: ${failed.map((r) => r.name).join(', ')}`);
    process.exit(1);
  }
  if (over.length) {
    console.log(`\nsize: no bundle grew past its ceiling; still over budget: ${over.map((r) => r.name).join(', ')}`);
  } else {
    console.log(`\nsize: all ${results.length} bundles within budget`);
  }
}
