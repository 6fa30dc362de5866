import { belfryVitest } from '../../vitest.shared';

export default belfryVitest({ test: { environment: 'happy-dom' } });
