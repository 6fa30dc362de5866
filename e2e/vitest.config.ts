// End-to-end suite: real server + SQLite in-process, built example pages, system Chromium via playwright-core.
// Files run one after another (one Chromium at a time on small CI machines); the pages are built once
// in globalSetup.
import { belfryVitest } from '../vitest.shared';

export default belfryVitest({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '.cache/**'],
    globalSetup: ['./globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
