// The elements render @belfry/react's components with Preact, as the published builds do: react and
// react-dom resolve to preact/compat here too. Browser APIs come from happy-dom.
import { belfryVitest } from '../../vitest.shared';

const alias = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

export default belfryVitest({
  resolve: { alias },
  test: { environment: 'happy-dom', server: { deps: { inline: [/@belfry\//] } } },
});
