import { belfryVitest } from '../../vitest.shared';

export default belfryVitest({
  test: {
    environment: 'happy-dom',
    globalSetup: ['test/globalSetup.ts'],
    setupFiles: ['test/setup.ts'],
    // One shared server and a 2-core machine: files run one after another so realtime timings stay honest.
    fileParallelism: false,
  },
});
