// Build plugin for the bundles Belfry builds itself (standalone dist/belfry.js, playground, bench
// page): core connects with `transports: [WebSocket]` only, but engine.io-client's Socket keeps a
// table of every default transport and its index re-exports them all, so HTTP long-polling and
// WebTransport stay in a bundle that can never use them. This swaps that table for one holding the
// WebSocket transport alone and the other transports for stubs (about 2 KB gzip less).
//
// It rewrites an internal module of engine.io-client, so socket.io-client and engine.io-client are
// pinned exactly in @belfry/core's dependencies; the build FAILS when the module is not found or no
// longer looks as expected (a new version moved it): update the match, never drop the check.
import { readFileSync } from 'node:fs';

const DIR = String.raw`[\\/]engine\.io-client[\\/]build[\\/]esm(?:-debug)?[\\/]transports[\\/]`;

const stub = (name) =>
  `export class ${name} { constructor() { throw new Error("engine.io-client: only the WebSocket transport is in this build"); } }\n`;

/**
 * The modules replaced, each with what the pinned version must contain (else the build fails):
 * the transports table the Socket falls back on, and the transports themselves, which
 * engine.io-client's index re-exports (a bundler keeps them for their top-level code otherwise).
 */
const SWAPS = [
  {
    file: new RegExp(`${DIR}index\\.js$`),
    expect: /export const transports = \{\s*websocket: WS,\s*webtransport: WT,\s*polling: XHR,?\s*\};/,
    // The browser WebSocket transport (the browser field maps websocket.node.js to it as well).
    code: 'import { WS } from "./websocket.js";\nexport const transports = { websocket: WS };\n',
  },
  { file: new RegExp(`${DIR}polling-xhr(?:\\.node)?\\.js$`), expect: /export class XHR extends BaseXHR \{/, code: stub('XHR') },
  { file: new RegExp(`${DIR}polling-fetch\\.js$`), expect: /export class Fetch extends Polling \{/, code: stub('Fetch') },
  { file: new RegExp(`${DIR}webtransport\\.js$`), expect: /export class WT extends Transport \{/, code: stub('WT') },
];

/** Matches every module the plugin replaces (engine.io-client/build/esm/transports/*). */
export const TRANSPORTS_MODULE = new RegExp(`${DIR}(index|polling-xhr|polling-xhr\\.node|polling-fetch|webtransport)\\.js$`);

const failure = (why) =>
  `websocket-only: ${why}. engine.io-client changed its internals: check scripts/websocket-only.mjs against the pinned version in packages/core/package.json.`;

/** The replacement source for `file`, or throws when the module is not the one this plugin knows. */
export function websocketOnlySource(file, code = readFileSync(file, 'utf8')) {
  const swap = SWAPS.find((s) => s.file.test(file));
  if (!swap) throw new Error(failure(`${file} is not a module it replaces`));
  if (!swap.expect.test(code)) throw new Error(failure(`${file} no longer looks as expected`));
  return swap.code;
}

const isTable = (file) => SWAPS[0].file.test(file);

/** Rollup: replaces the module on load; fails the build when nothing matched. */
export function websocketOnlyRollup() {
  let matched = 0;
  return {
    name: 'belfry-websocket-only',
    buildStart() {
      matched = 0;
    },
    load(id) {
      if (!TRANSPORTS_MODULE.test(id)) return null;
      if (isTable(id)) matched++;
      return { code: websocketOnlySource(id), map: null };
    },
    buildEnd(error) {
      if (!error && matched === 0) this.error(failure('engine.io-client/build/esm/transports/index.js was not part of the build'));
    },
  };
}

/** esbuild: the same swap; fails the build when nothing matched. */
export function websocketOnlyEsbuild() {
  return {
    name: 'belfry-websocket-only',
    setup(build) {
      let matched = 0;
      build.onStart(() => {
        matched = 0;
      });
      build.onLoad({ filter: TRANSPORTS_MODULE }, (args) => {
        if (isTable(args.path)) matched++;
        try {
          return { contents: websocketOnlySource(args.path), loader: 'js' };
        } catch (err) {
          return { errors: [{ text: err.message }] };
        }
      });
      build.onEnd((result) => {
        if (result.errors.length === 0 && matched === 0) {
          return { errors: [{ text: failure('engine.io-client/build/esm/transports/index.js was not part of the build') }] };
        }
      });
    },
  };
}
