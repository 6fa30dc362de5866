// Builds the pages the suite serves (standalone script, playground, Vite examples) once per run.
// @ts-expect-error -- plain ESM build script without type declarations
import { buildAll } from '../playground/build.mjs';

export default async function setup(): Promise<void> {
  const started = Date.now();
  await (buildAll as (options: { examples: boolean; log: (m: string) => void }) => Promise<void>)({
    examples: true,
    log: (message) => console.log(`[e2e build] ${message}`),
  });
  console.log(`[e2e build] pages ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
