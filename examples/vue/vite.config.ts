import { defineConfig, defaultClientConditions } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    vue({
      // <belfry-*> are custom elements, not Vue components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('belfry-') } },
    }),
  ],
  base: './',
  resolve: {
    // Only needed inside the Belfry monorepo, where @belfry/* resolve to their TypeScript source (no
    // prior build): the elements render the React UI with Preact, as the published package does.
    // An app installing @belfry/web-component from npm leaves all of this out.
    conditions: ['belfry-source', ...defaultClientConditions],
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  server: { port: 5174 },
});
