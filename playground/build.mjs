// Builds what the dev server (npm start) and the e2e suite serve:
//   standalone   packages/web-component/dist/belfry.js   (rollup, the web-component entry of rollup.config.mjs)
//   playground   playground/dist/{index.html,app.js}      (esbuild, React + @belfry/react from source)
//   examples     examples/{react-vite,vue}/dist           (vite build; vanilla-html needs no build)
// Each step is skipped when its output is newer than every source it depends on (unless force).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { websocketOnlyEsbuild } from '../scripts/websocket-only.mjs';

const root = resolve(import.meta.dirname, '..');
const at = (...parts) => resolve(root, ...parts);

const LIB_SOURCES = ['packages/core/src', 'packages/react/src', 'packages/web-component/src'];

function newest(paths) {
  let max = 0;
  for (const p of paths) {
    const full = at(p);
    if (!existsSync(full)) continue;
    const info = statSync(full);
    if (info.isFile()) {
      max = Math.max(max, info.mtimeMs);
      continue;
    }
    for (const entry of readdirSync(full, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || (entry.parentPath ?? entry.path).includes('node_modules')) continue;
      if ((entry.parentPath ?? entry.path).split('/').includes('dist')) continue;
      max = Math.max(max, statSync(resolve(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
    }
  }
  return max;
}

const fresh = (output, sources) => existsSync(at(output)) && statSync(at(output)).mtimeMs >= newest(sources);

/** The standalone script, built with the exact config the package's own build uses. */
export async function buildStandalone({ force = false, log = () => {} } = {}) {
  const out = 'packages/web-component/dist/belfry.js';
  if (!force && fresh(out, LIB_SOURCES) && fresh('packages/web-component/dist/belfry-grouped.js', LIB_SOURCES)) return at(out);
  log('building packages/web-component/dist/belfry.js and belfry-grouped.js …');
  // rollup.config.mjs reads PKG when imported; run it in a child so the env var stays local.
  const run = spawnSync(
    process.execPath,
    [at('node_modules/rollup/dist/bin/rollup'), '-c', at('rollup.config.mjs'), '--environment', 'PKG:web-component,BELFRY_STANDALONE_ONLY:1', '--silent'],
    { cwd: at('packages/web-component'), stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (run.status !== 0) throw new Error(`standalone build failed (exit ${run.status})`);
  return at(out);
}

export async function buildPlaygroundApp({ force = false, log = () => {} } = {}) {
  const out = 'playground/dist/app.js';
  if (!force && fresh(out, [...LIB_SOURCES, 'playground/src', 'playground/index.html'])) return at(out);
  log('building playground/dist …');
  mkdirSync(at('playground/dist'), { recursive: true });
  await bundleForBrowser(at('playground/src/main.tsx'), at(out));
  copyFileSync(at('playground/index.html'), at('playground/dist/index.html'));
  return at(out);
}

/** One browser ESM bundle of a page script, with the workspace packages from their TypeScript source. */
export async function bundleForBrowser(entry, outfile) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    jsx: 'automatic',
    conditions: ['belfry-source', 'browser', 'module', 'import'],
    define: { 'process.env.NODE_ENV': '"production"' },
    // Core connects over WebSocket only: engine.io-client's polling and WebTransport are dropped.
    plugins: [websocketOnlyEsbuild()],
    logLevel: 'warning',
  });
}

export const VITE_EXAMPLES = ['react-vite', 'vue'];

export async function buildExamples({ force = false, log = () => {}, only = VITE_EXAMPLES } = {}) {
  for (const name of only) {
    const dir = `examples/${name}`;
    if (!force && fresh(`${dir}/dist/index.html`, [...LIB_SOURCES, `${dir}/src`, `${dir}/index.html`, `${dir}/vite.config.ts`])) continue;
    log(`building ${dir}/dist …`);
    // A child process with NODE_ENV=production: test runners set NODE_ENV=test, which would make Vite
    // build a development bundle (import.meta.env.DEV, React's development build).
    const run = spawnSync(process.execPath, [at('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], {
      cwd: at(dir),
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (run.status !== 0) throw new Error(`${dir}: vite build failed (exit ${run.status})`);
  }
}

export async function buildAll({ examples = true, force = false, log = () => {} } = {}) {
  await buildStandalone({ force, log });
  await buildPlaygroundApp({ force, log });
  if (examples) await buildExamples({ force, log });
}
