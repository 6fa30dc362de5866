// Storybook for @belfry/react. Run from packages/react (`npm run storybook -w @belfry/react`), which is
// where Storybook is installed; stories replay fixtures recorded from the real server.
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { StorybookConfig } from '@storybook/react-vite';

const here = import.meta.dirname;
const requireFromReact = createRequire(resolve(here, '../packages/react/package.json'));
const packageDir = (name: string) => dirname(requireFromReact.resolve(`${name}/package.json`));

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  framework: { name: packageDir('@storybook/react-vite') as '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // Storybook is installed in packages/react: bare imports from its virtual modules resolve from there.
    viteConfig.root = resolve(here, '../packages/react');
    viteConfig.server = { ...viteConfig.server, fs: { ...viteConfig.server?.fs, allow: [resolve(here, '..')] } };
    // Stories live outside the package: use the automatic JSX runtime there too.
    viteConfig.esbuild = { ...(viteConfig.esbuild || {}), jsx: 'automatic' };
    // Workspace packages resolve to their TypeScript source, as in the tests.
    viteConfig.resolve = {
      ...viteConfig.resolve,
      conditions: ['belfry-source', 'browser', 'module', 'import', 'default'],
    };
    return viteConfig;
  },
};

export default config;
