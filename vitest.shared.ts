// Shared vitest settings: packages resolve each other's TypeScript source (the `belfry-source`
// export condition), so tests never need a prior build.
import { defineConfig, mergeConfig, type UserConfig } from 'vitest/config';

// No 'import' here: vitest hands these to Node for external CommonJS packages too, and there
// 'import' makes require() pick ESM builds (pg's require('pg-pool') then breaks).
const conditions = ['belfry-source', 'module', 'node', 'default'];

export function belfryVitest(overrides: UserConfig = {}) {
  return mergeConfig(
    defineConfig({
      resolve: { conditions },
      ssr: { resolve: { conditions, externalConditions: ['belfry-source'] } },
      test: {
        include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
      },
    }),
    overrides,
  );
}
