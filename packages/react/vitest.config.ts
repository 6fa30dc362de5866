import { belfryVitest } from '../../vitest.shared';

export default belfryVitest({
  test: { environment: 'happy-dom', globalSetup: ['test/globalSetup.ts'], setupFiles: ['test/setup.ts'] },
});
