// No plugins: Vite's own esbuild handles the TSX, so the app needs only react, react-dom and vite.
import { defineConfig } from 'vite';

export default defineConfig({ base: './', esbuild: { jsx: 'automatic' }, logLevel: 'warn' });
