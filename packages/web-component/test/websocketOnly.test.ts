// @vitest-environment node
// scripts/websocket-only.mjs, the build plugin that keeps only engine.io-client's WebSocket transport
// in the bundles Belfry builds itself: it drops polling and WebTransport, and fails the build when
// its match no longer finds the module it rewrites.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without declarations
import { websocketOnlyEsbuild, websocketOnlySource } from '../../../scripts/websocket-only.mjs';

const coreDir = join(import.meta.dirname, '../../core');
const bundle = async (contents: string, plugins: unknown[]) => {
  const out = await build({
    stdin: { contents, resolveDir: coreDir },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    plugins: plugins as never,
  });
  return out.outputFiles[0]!.text;
};

describe('websocket-only build plugin', () => {
  it('drops the polling and WebTransport transports from a socket.io-client bundle', async () => {
    const entry = "export { io, WebSocket } from 'socket.io-client';";
    const stock = await bundle(entry, []);
    const trimmed = await bundle(entry, [websocketOnlyEsbuild()]);
    expect(stock).toMatch(/XMLHttpRequest/);
    expect(stock).toMatch(/WebTransport/);
    expect(trimmed).not.toMatch(/XMLHttpRequest/);
    expect(trimmed).not.toMatch(/new WebTransport/);
    expect(gzipSync(trimmed).length).toBeLessThan(gzipSync(stock).length - 1024);
  });

  it('fails the build when the module it rewrites is not in the bundle', async () => {
    await expect(bundle('export const x = 1;', [websocketOnlyEsbuild()])).rejects.toThrow(/websocket-only: .*was not part of the build/);
  });

  it('refuses a transports module that no longer looks as expected', () => {
    const file = join(dirname(createRequire(join(coreDir, 'package.json')).resolve('engine.io-client')), '../esm/transports/index.js');
    expect(websocketOnlySource(file)).toMatch(/transports = \{ websocket: WS \}/);
    expect(() => websocketOnlySource(file, 'export const transports = { websocket: WS, polling: Fetch };')).toThrow(/no longer looks as expected/);
  });
});
