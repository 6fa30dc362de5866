// Shared vitest settings: packages resolve each other's TypeScript source (the `belfry-source`
// export condition), so tests never need a prior build.
import { defineConfig, mergeConfig, type UserConfig } from 'vitest/config';

const conditions = ['belfry-source', 'module', 'node', 'import', 'default'];

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
