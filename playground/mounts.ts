// Where the dev server finds the pages it serves next to the API (built by playground/build.mjs).
import { resolve } from 'node:path';
import type { StaticMount } from './serveStatic.js';

export const repoRoot = resolve(import.meta.dirname, '..');

export function playgroundMounts(root = repoRoot): StaticMount[] {
  return [
    { prefix: '/belfry.js', dir: resolve(root, 'packages/web-component/dist/belfry.js'), file: true },
    { prefix: '/belfry-grouped.js', dir: resolve(root, 'packages/web-component/dist/belfry-grouped.js'), file: true },
    // The standalone script's other locales (dist/locales/<code>.js, each registering itself).
    { prefix: '/locales/', dir: resolve(root, 'packages/web-component/dist/locales') },
    { prefix: '/examples/react-vite/', dir: resolve(root, 'examples/react-vite/dist') },
    { prefix: '/examples/vue/', dir: resolve(root, 'examples/vue/dist') },
    { prefix: '/examples/vanilla-html/', dir: resolve(root, 'examples/vanilla-html') },
    { prefix: '/', dir: resolve(root, 'playground/dist') },
  ];
}
