// A temporary npm project outside the workspace with the packed tarballs installed, as a user's app
// would have them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
// @ts-expect-error -- plain ESM script without type declarations
import { packAll, packsDir } from '../scripts/packages.mjs';

const root = resolve(import.meta.dirname, '..');
const lockVersion = (name: string): string =>
  (JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> }).packages[`node_modules/${name}`]!.version;

export interface Project {
  dir: string;
  run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): string;
  spawn(cmd: string, args: string[]): ChildProcess;
}

interface Packed {
  pkg: { name: string };
  tarball: string;
}

/** Packs the packages (or reuses packs/ when BELFRY_REUSE_PACKS=1) and installs them into a new project. */
export function createProject(log: (m: string) => void): Project {
  const packed: Packed[] =
    process.env.BELFRY_REUSE_PACKS === '1' && existsSync(packsDir)
      ? JSON.parse(readFileSync(join(packsDir, 'index.json'), 'utf8'))
      : packAll({ log });
  const dir = mkdtempSync(join(tmpdir(), 'belfry-smoke-'));
  const tarballs = Object.fromEntries(packed.map(({ pkg, tarball }) => [pkg.name, `file:${tarball}`]));
  const sqlite = lockVersion('better-sqlite3');
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify(
      {
        name: 'belfry-smoke-app',
        private: true,
        type: 'module',
        dependencies: { ...tarballs, react: lockVersion('react'), 'react-dom': lockVersion('react-dom'), vite: lockVersion('vite') },
        // The packages name each other by version (@belfry/react → @belfry/core 0.1.0), which the
        // registry does not have yet: the tarballs stand in for it. better-sqlite3 is held to the
        // workspace's version so its compiled addon can be reused (below).
        overrides: { ...tarballs, 'better-sqlite3': sqlite },
      },
      null,
      2,
    )}\n`,
  );
  cpSync(join(import.meta.dirname, 'app'), dir, { recursive: true });

  const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
    const res = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production', ...env } });
    if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
    return res.stdout;
  };
  const started = Date.now();
  // Install scripts are skipped for one reason: better-sqlite3 would compile its addon a second time
  // (minutes on a small machine). npm ci built that same version for this Node in the workspace; it is
  // copied in instead. Everything else installs as it does for any user, from the registry (cache).
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--no-package-lock']);
  const addon = 'better-sqlite3/build/Release/better_sqlite3.node';
  mkdirSync(dirname(join(dir, 'node_modules', addon)), { recursive: true });
  copyFileSync(join(root, 'node_modules', addon), join(dir, 'node_modules', addon));
  log(`installed ${packed.length} tarballs into ${dir} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  for (const name of Object.keys(tarballs)) {
    if (!existsSync(join(dir, 'node_modules', name, 'package.json'))) throw new Error(`${name} is not installed`);
  }
  return { dir, run, spawn: (cmd, args) => spawn(cmd, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } }) };
}
