// The packages as npm users get them. Every non-private package under packages/ is found by itself
// (a new package is picked up without touching this file).
//   node scripts/packages.mjs pack    build them, then `npm pack` each into packs/ (installable tarballs)
//   node scripts/packages.mjs check   pack, then publint --strict and attw on each tarball
//   node scripts/packages.mjs repository URL   fails unless every package's `repository` is URL (npm
//                                     provenance rejects a tarball whose repository is not the one that built it)
// attw runs with its default (strict) profile, or `esm-only` for a package whose README says it is
// ESM-only and whose package.json has no `require` condition and no CommonJS `main` (the server).
// Subpaths whose target is a plain file (styles.css, the standalone belfry.js script) are assets, not
// modules: attw has no types to check there, so they are left out of its run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const packsDir = join(root, 'packs');

export function publicPackages() {
  return readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'packages', d.name, 'package.json')))
    .map((d) => {
      const dir = join(root, 'packages', d.name);
      return { dir, pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) };
    })
    .filter(({ pkg }) => !pkg.private);
}

function sh(cmd, args, cwd = root) {
  const res = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  return { ok: res.status === 0, out: `${res.stdout ?? ''}${res.stderr ?? ''}`.trim(), stdout: res.stdout ?? '' };
}

/** Builds every public package (turbo: cached when nothing changed) and packs each into packs/. */
export function packAll({ log = console.log } = {}) {
  const packages = publicPackages();
  const build = sh('npx', ['turbo', 'run', 'build', '--output-logs=errors-only', ...packages.map(({ pkg }) => `--filter=${pkg.name}`)]);
  if (!build.ok) throw new Error(`build failed:\n${build.out}`);
  rmSync(packsDir, { recursive: true, force: true });
  mkdirSync(packsDir, { recursive: true });
  const packed = packages.map(({ dir, pkg }) => {
    const res = sh('npm', ['pack', '--json', '--pack-destination', packsDir], dir);
    if (!res.ok) throw new Error(`npm pack ${pkg.name} failed:\n${res.out}`);
    const [info] = JSON.parse(res.stdout.slice(res.stdout.indexOf('[')));
    const tarball = join(packsDir, info.filename);
    log(`${pkg.name}@${pkg.version}: ${info.entryCount} files, ${(info.size / 1024).toFixed(1)} KB → packs/${info.filename}`);
    return { dir, pkg, tarball };
  });
  // What was packed, for the tarball smoke suite (which reuses packs/ right after a check).
  writeFileSync(join(packsDir, 'index.json'), `${JSON.stringify(packed.map(({ pkg, tarball }) => ({ pkg: { name: pkg.name, version: pkg.version }, tarball })), null, 2)}\n`);
  return packed;
}

const hasRequire = (exports) => JSON.stringify(exports ?? {}).includes('"require"');
export const isEsmOnly = (pkg) => pkg.type === 'module' && !hasRequire(pkg.exports) && !/\.cjs$/.test(pkg.main ?? '');

/** Subpaths that map straight to a file with no conditions: assets (CSS, a <script> build). */
function assetSubpaths(pkg) {
  return Object.entries(pkg.exports ?? {})
    .filter(([sub, target]) => typeof target === 'string' && sub !== './package.json')
    .map(([sub]) => sub.replace(/^\.\//, ''));
}

const normalise = (url) => String(url ?? '').replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/$/, '').toLowerCase();

export function checkRepository(url) {
  const wrong = publicPackages().filter(({ pkg }) => normalise(pkg.repository?.url) !== normalise(url));
  for (const { dir, pkg } of wrong) {
    const directory = dir.slice(root.length + 1);
    console.error(`${pkg.name}: repository is ${JSON.stringify(pkg.repository ?? null)}; set it to {"type":"git","url":"git+${url}.git","directory":"${directory}"}`);
  }
  return wrong.length;
}

export function checkAll({ log = console.log } = {}) {
  const packed = packAll({ log });
  let failures = 0;
  for (const { pkg, tarball } of packed) {
    const publint = sh('npx', ['publint', 'run', tarball, '--strict']);
    const publintClean = publint.ok && /All good!/.test(publint.out);
    log(`\n── publint --strict ${pkg.name}: ${publintClean ? 'clean' : 'PROBLEMS'}\n${publint.out}`);
    const profile = isEsmOnly(pkg) ? ['--profile', 'esm-only'] : [];
    const assets = assetSubpaths(pkg);
    const attwArgs = ['attw', tarball, '--format', 'table-flipped', ...profile, ...(assets.length ? ['--exclude-entrypoints', ...assets] : [])];
    const attw = sh('npx', attwArgs);
    log(`\n── attw ${attwArgs.slice(2).join(' ').replace(tarball, `packs/${tarball.split('/').pop()}`)}: ${attw.ok ? 'clean' : 'PROBLEMS'}\n${attw.out}`);
    if (!publintClean) failures++;
    if (!attw.ok) failures++;
  }
  return failures;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const command = process.argv[2] ?? 'pack';
  try {
    if (command === 'pack') {
      packAll();
      console.log(`\nInstall them anywhere with: npm install ${join('<belfry checkout>', 'packs', '<file>.tgz')} …`);
    } else if (command === 'check') {
      const failures = checkAll();
      if (failures) {
        console.error(`\npackages: ${failures} check(s) failed`);
        process.exit(1);
      }
      console.log('\npackages: publint and attw clean for every package');
    } else if (command === 'repository' && process.argv[3]) {
      if (checkRepository(process.argv[3])) process.exit(1);
      console.log(`every package names ${process.argv[3]} as its repository`);
    } else {
      console.error('usage: node scripts/packages.mjs pack|check|repository URL');
      process.exit(2);
    }
  } catch (error) {
    console.error(error?.message ?? error);
    process.exit(1);
  }
}
