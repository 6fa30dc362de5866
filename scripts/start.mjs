// `npm start`: builds what the playground needs (the standalone custom-element script and the React
// playground page; with --examples also the Vite examples), then serves the API + playground on
// http://localhost:4000 (PORT to change it) on the embedded SQLite database (.belfry/belfry.db).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { buildAll } from '../playground/build.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const started = Date.now();

try {
  await buildAll({ examples: args.includes('--examples'), force: args.includes('--force'), log: (m) => console.log(`[start] ${m}`) });
} catch (error) {
  console.error(`[start] build failed: ${error?.message ?? error}`);
  process.exit(1);
}
console.log(`[start] pages ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);

// The server runs from TypeScript source (tsx) with the workspace packages' source export condition,
// so no package needs a prior build.
const child = spawn(process.execPath, ['--conditions=belfry-source', '--import', 'tsx', resolve(root, 'playground/serve.ts')], {
  cwd: root,
  // The IPC channel closes when this process dies, however it dies: the server then stops too.
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
