import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs, so the build also works when served under a sub-path (npm start serves it at
  // /examples/react-vite/).
  base: './',
  resolve: {
    // Only needed inside the Belfry monorepo: resolve @belfry/* to their TypeScript source so the
    // example runs without building the packages first. An app installing from npm leaves this out.
    conditions: ['belfry-source', ...defaultClientConditions],
  },
  server: { port: 5173 },
});
