import { belfryVitest } from '../../vitest.shared';

export default belfryVitest();
