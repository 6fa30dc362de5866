// Builds the pages the suite serves (standalone script, playground, Vite examples, the React fixture) once per run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
// @ts-expect-error -- plain ESM build script without type declarations
import { buildAll, bundleForBrowser } from '../playground/build.mjs';

function nextBuild(log: (m: string) => void): void {
  const started = Date.now();
  const run = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@belfry/example-next-app', '--output-logs=errors-only'], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`examples/next-app: next build failed (exit ${run.status})`);
  log(`examples/next-app built (next build, via turbo) in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

export default async function setup(): Promise<void> {
  const started = Date.now();
  await (buildAll as (options: { examples: boolean; log: (m: string) => void }) => Promise<void>)({
    examples: true,
    log: (message) => console.log(`[e2e build] ${message}`),
  });
  // fixtures/react.tsx → /e2e/dist/react.js: the React <Inbox> configured from the query string.
  await (bundleForBrowser as (entry: string, outfile: string) => Promise<void>)(
    join(import.meta.dirname, 'fixtures/react.tsx'),
    join(import.meta.dirname, 'fixtures/dist/react.js'),
  );
  // examples/next-app: `next build` after @belfry/core and @belfry/react (their dist/, as a user gets them).
  nextBuild((message) => console.log(`[e2e build] ${message}`));
  console.log(`[e2e build] pages ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
