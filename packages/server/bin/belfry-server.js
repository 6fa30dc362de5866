#!/usr/bin/env node
// In a source checkout (src/ present and tsx installed) runs the TypeScript source, so a stale build
// never runs by accident; in the published package (no src/) runs the build in dist/.
import { existsSync } from 'node:fs';
import { register } from 'node:module';

const source = new URL('../src/bin.ts', import.meta.url);
let tsx;
if (existsSync(source)) {
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    // no tsx: fall back to the build
  }
}
if (tsx) {
  tsx.register();
  // The workspace packages' source too (the `belfry-source` export condition, as in every test and
  // the playground), so @belfry/core/api needs no prior build either.
  register(
    'data:text/javascript,' +
      encodeURIComponent(
        "export const resolve = (specifier, context, next) => next(specifier, { ...context, conditions: [...context.conditions, 'belfry-source'] });",
      ),
  );
  await import(source.href);
} else {
  await import(new URL('../dist/bin.js', import.meta.url).href);
}
