// Builds the browser library packages: ESM + CJS + .d.ts each (run from a package dir with
// `rollup -c ../../rollup.config.mjs --environment PKG:<name>`). The server builds with tsc.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import alias from '@rollup/plugin-alias';
import commonjs from '@rollup/plugin-commonjs';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { transformSync } from 'esbuild';
import { dts } from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { websocketOnlyRollup } from './scripts/websocket-only.mjs';

const root = import.meta.dirname;
const pkgDir = (name) => resolve(root, 'packages', name);
const readPkg = (name) => JSON.parse(readFileSync(resolve(pkgDir(name), 'package.json'), 'utf8'));

/** Everything a package depends on stays external in its npm build (subpaths included). */
function externalsOf(name, extra = []) {
  const pkg = readPkg(name);
  const names = [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...extra,
  ];
  return (id) => names.some((dep) => id === dep || id.startsWith(`${dep}/`));
}

const sourceResolve = (browser = true) =>
  nodeResolve({
    browser,
    exportConditions: ['belfry-source', browser ? 'browser' : 'node', 'module', 'import', 'default'],
    extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
  });

const ts = (minify = false) =>
  esbuild({ target: 'es2022', jsx: 'automatic', minify, tsconfig: resolve(root, 'tsconfig.base.json') });

/**
 * CommonJS consumers need CommonJS-flavoured types: every emitted `.d.ts` gets a `.d.cts` twin whose
 * relative imports name the `.cjs` files (TypeScript maps `x.cjs` to `x.d.cts`).
 */
const ctsTwins = {
  name: 'belfry-d-cts',
  generateBundle(_options, bundle) {
    for (const file of Object.values(bundle)) {
      if (file.type !== 'chunk' || !file.fileName.endsWith('.d.ts')) continue;
      const code = file.code.replace(/(from\s+|import\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\.js\2/g, '$1$2$3.cjs$2');
      this.emitFile({ type: 'asset', fileName: file.fileName.replace(/\.d\.ts$/, '.d.cts'), source: code });
    }
  },
};

/**
 * A bundle can't keep module-level directives, and rollup warns for each one it drops. `'use client'`
 * is blanked out of the sources here (same length, so source maps stay exact); the library build puts
 * it back on the entries that need it with `banner`.
 */
const blankUseClient = {
  name: 'belfry-blank-use-client',
  transform(code) {
    const m = /^\s*(['"])use client\1;?/.exec(code);
    return m ? { code: ' '.repeat(m[0].length) + code.slice(m[0].length), map: null } : null;
  },
};

/** Empties a package's dist/ once per build, so files from an earlier build never get packed. */
function cleanDist(dir) {
  return { name: 'belfry-clean-dist', buildStart: () => rmSync(resolve(dir, 'dist'), { recursive: true, force: true }) };
}

/**
 * ESM + CJS + d.ts/d.cts for one library package; `entries` maps output name → source file.
 * `banner(chunk)` returns text placed before a chunk's code (e.g. a directive).
 */
export function library(name, entries, { extraExternal = [], plugins = [], banner } = {}) {
  const dir = pkgDir(name);
  const input = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, resolve(dir, v)]));
  const external = externalsOf(name, extraExternal);
  const js = { dir: resolve(dir, 'dist'), sourcemap: true, ...(banner ? { banner } : {}) };
  return [
    {
      input,
      external,
      plugins: [cleanDist(dir), blankUseClient, ...plugins, sourceResolve(), commonjs(), ts()],
      output: [
        { ...js, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
        { ...js, format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
      ],
    },
    {
      input,
      external: (id) => external(id) || /\.css$/.test(id),
      plugins: [dts({ tsconfig: resolve(root, 'tsconfig.base.json') }), ctsTwins],
      output: { dir: resolve(dir, 'dist'), format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
    },
  ];
}

/** One self-contained, minified browser file (for size budgets and the standalone script). */
export function standalone(input, file, { format = 'es', name, preact = false, plugins = [] } = {}) {
  return {
    input,
    plugins: [
      blankUseClient,
      ...plugins,
      ...(preact
        ? [
            alias({
              entries: [
                { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
                { find: /^react-dom$/, replacement: 'preact/compat' },
                { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
                { find: /^react$/, replacement: 'preact/compat' },
              ],
            }),
          ]
        : []),
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      sourceResolve(),
      commonjs(),
      ts(true),
    ],
    // esbuild minifies each module; terser then compresses the whole script, across modules (about 2 KB
    // gzip smaller). No unsafe transforms; ASCII-only output, as a classic script's charset is the page's.
    // Hoisting each function's vars into one declaration and inlining only argument-less functions
    // gzip better here (about 90 B on belfry.js).
    output: {
      file,
      format,
      name,
      sourcemap: false,
      inlineDynamicImports: true,
      plugins: [terser({ ecma: 2020, compress: { passes: 2, hoist_vars: true, inline: 1 }, format: { ascii_only: true, comments: false } })],
    },
  };
}

const configs = {
  core: () => library('core', { index: 'src/index.ts', api: 'src/api/index.ts', grouped: 'src/grouped.ts' }),
  // @belfry/node: the backend SDK (Node built-ins stay imports).
  node: () => library('node', { index: 'src/index.ts' }, { extraExternal: ['node:crypto'] }),
  // @belfry/react: the stylesheet ships minified as dist/styles.css (the same text is exported as
  // belfryStyles, generated by scripts/styles-text.mjs); translations are the `locales` entry.
  react: () =>
    library('react', { index: 'src/index.ts', grouped: 'src/grouped.tsx', locales: 'src/locales/index.ts' }, {
      // Directives are dropped when modules are bundled; the entry keeps one for React Server
      // Components (Next.js App Router): everything they export is client code. `locales` is plain data.
      banner: (chunk) => (chunk.isEntry && (chunk.name === 'index' || chunk.name === 'grouped') ? "'use client';" : ''),
      plugins: [
        {
          name: 'belfry-react-css',
          generateBundle(output) {
            if (output.format !== 'es') return;
            const css = readFileSync(resolve(pkgDir('react'), 'src/styles.css'), 'utf8');
            this.emitFile({ type: 'asset', fileName: 'styles.css', source: transformSync(css, { loader: 'css', minify: true }).code });
          },
        },
      ],
    }),
  // npm build: @belfry/react is bundled in with react → preact/compat (left as imports of preact), core
  // and the UI's dependencies stay external. dist/belfry.js: everything in one IIFE (global `Belfry`).
  // BELFRY_STANDALONE_ONLY=1 builds just the standalone script (the playground and e2e builds).
  'web-component': () => {
    const toPreact = {
      name: 'belfry-react-to-preact',
      resolveId(id) {
        const map = { react: 'preact/compat', 'react-dom': 'preact/compat', 'react-dom/client': 'preact/compat/client', 'react/jsx-runtime': 'preact/jsx-runtime' };
        return map[id] ? { id: map[id], external: true } : null;
      },
    };
    // engine.io-client's "browser" field swaps its *.node.js transports for browser ones; node-resolve
    // does not apply it to files reached through "exports", which would bundle a Node XHR shim.
    const engineBrowserFiles = {
      name: 'belfry-engine-io-browser',
      resolveId(source, importer) {
        if (!importer || !/\/engine\.io-client\//.test(importer) || !/\.node\.js$/.test(source)) return null;
        return resolve(dirname(importer), source.replace(/\.node\.js$/, '.js'));
      },
    };
    // The script carries English only; every other locale is dist/locales/<code>.js (see locales below).
    const englishOnly = {
      name: 'belfry-standalone-english-only',
      resolveId: (id) => (id === '@belfry/react/locales' ? '\0belfry-no-locales' : null),
      load: (id) => (id === '\0belfry-no-locales' ? 'export const MESSAGES = {};' : null),
    };
    // dist/belfry.js, and dist/belfry-grouped.js: the same with grouped feeds (`grouped` attribute).
    const [script, groupedScript] = [
      ['standalone.ts', 'belfry.js'],
      ['standaloneGrouped.ts', 'belfry-grouped.js'],
    ].map(([source, file]) =>
      standalone(resolve(pkgDir('web-component'), 'src', source), resolve(pkgDir('web-component'), 'dist', file), {
        format: 'iife',
        name: 'Belfry',
        preact: true,
        // Core connects over WebSocket only: engine.io-client's polling and WebTransport are dropped.
        plugins: [engineBrowserFiles, websocketOnlyRollup(), englishOnly],
      }),
    );
    // One small classic script per shipped locale, registering itself before or after belfry.js.
    const localeDir = resolve(pkgDir('react'), 'src/locales');
    const locales = readdirSync(localeDir)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => {
        const code = f.slice(0, -3);
        const entry = `\0belfry-locale:${code}`;
        const source = [
          `import { ${code} as table } from ${JSON.stringify(resolve(localeDir, f))};`,
          'const g = globalThis;',
          `(g.BelfryLocales ||= {})[${JSON.stringify(code)}] = table;`,
          `g.Belfry?.registerLocale?.(${JSON.stringify(code)}, table);`,
        ].join('\n');
        return standalone(entry, resolve(pkgDir('web-component'), `dist/locales/${code}.js`), {
          format: 'iife',
          plugins: [{ name: 'belfry-locale-entry', resolveId: (id) => (id === entry ? id : null), load: (id) => (id === entry ? source : null) }],
        });
      });
    if (process.env.BELFRY_STANDALONE_ONLY) return [script, groupedScript, ...locales];
    return [
      ...library('web-component', { index: 'src/index.ts', define: 'src/define.ts', grouped: 'src/grouped.ts' }, {
        plugins: [toPreact],
        extraExternal: Object.keys(readPkg('react').dependencies ?? {}),
      }),
      script,
      groupedScript,
      ...locales,
    ];
  },
};

const target = process.env.PKG;
if (!target || !configs[target]) {
  throw new Error(`Set PKG to one of: ${Object.keys(configs).join(', ')}`);
}

export default configs[target]();
