// Starts one real @belfry/server for the run (test/serve.ts in a child Node process) and hands its URL
// to the tests through vitest's provide/inject.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    belfryUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const child = spawn(process.execPath, ['--conditions=belfry-source', '--import', 'tsx', resolve(import.meta.dirname, 'serve.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
    cwd: resolve(import.meta.dirname, '..'),
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`test server did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /belfry-test-server (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`test server exited (${code}): ${out}`)));
  });
  project.provide('belfryUrl', url);
  return async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
}
