// The same suite against React 18 (the react18 / react-dom18 npm aliases in devDependencies), so
// "React 18 and 19" stays proven. Imports Vite resolves go through the aliases below; requires Node
// resolves inside packages go through test/react18.ts.
import { mergeConfig } from 'vitest/config';
import base from './vitest.config';

export default mergeConfig(base, {
  resolve: {
    alias: [
      { find: /^react-dom(?=$|\/)/, replacement: 'react-dom18' },
      { find: /^react(?=$|\/)/, replacement: 'react18' },
    ],
  },
  test: {
    env: { BELFRY_REACT_MAJOR: '18' },
    // Runs before any test file loads React.
    setupFiles: ['test/react18.ts'],
  },
});
