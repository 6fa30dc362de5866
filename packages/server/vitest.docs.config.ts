// The `docs` stage (node scripts/test.mjs docs): the reference's code samples and the READMEs' quick
// starts run against fresh real servers. @belfry/node must be built first (the stage does it).
import { belfryVitest } from '../../vitest.shared';

const config = belfryVitest({ test: { fileParallelism: false } });
// mergeConfig concatenates arrays: replace the shared include instead of adding to it.
config.test = { ...config.test, include: ['docs-test/**/*.test.ts'] };
export default config;
