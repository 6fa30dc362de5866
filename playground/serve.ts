// The dev server behind `npm start`: the Belfry API on the embedded SQLite database with the demo app,
// plus the playground page, the standalone script, the built examples and the dev-only routes.
// Run through scripts/start.mjs (which builds the pages first).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createBelfryServer } from '@belfry/server';
import { playgroundRoutes } from './devRoutes.js';
import { playgroundMounts, repoRoot } from './mounts.js';

const DEMO = { id: 'demo', secret: 'sk_test_demo', name: 'Demo' };
const port = Number(process.env.PORT ?? 4000);
// Not HOST: shells export it as the machine's name.
const host = process.env.BELFRY_HOST ?? '127.0.0.1';

const server = await createBelfryServer({
  port,
  host,
  seedApps: [DEMO],
  // Dev mode: the playground's own webhook receiver is on loopback, which production refuses.
  dev: true,
  docs: { secretKey: DEMO.secret },
  configure: async (fastify) => {
    await playgroundRoutes(fastify, { appId: DEMO.id, secret: DEMO.secret, mounts: playgroundMounts() });
  },
});

// Categories the playground's form offers; Security is locked (users cannot opt out of it).
const categories: Array<[string, Record<string, unknown>]> = [
  ['general', { label: 'General' }],
  ['comments', { label: 'Comments' }],
  ['product', { label: 'Product news', defaultChannels: { in_app: true, email: false } }],
  ['security', { label: 'Security', locked: true }],
];
for (const [key, definition] of categories) {
  const res = await fetch(`${server.url}/v1/categories/${key}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${DEMO.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(definition),
  });
  if (!res.ok) console.warn(`[playground] could not define category ${key}: HTTP ${res.status}`);
}

const builtExamples = ['vanilla-html', 'react-vite', 'vue'].filter(
  (name) => name === 'vanilla-html' || existsSync(resolve(repoRoot, 'examples', name, 'dist/index.html')),
);
const examplesHint = builtExamples.length < 3 ? '\n                      (build the others with `npm start -- --examples`)' : '';

const shown = host === '127.0.0.1' || host === '0.0.0.0' ? `http://localhost:${server.port}` : server.url;
const examples = builtExamples.map((name) => `${shown}/examples/${name}/`).join('\n                      ') + examplesHint;
console.log(`
  Belfry playground   ${shown}
  API                 ${shown}/v1   (OpenAPI: ${shown}/v1/openapi.json)
  API reference       ${shown}/docs/   (try it with the demo secret)
  Demo app            appId "demo", secret "sk_test_demo" (dev only)
  Webhooks            a receiver on this server (${shown}/playground/webhooks/receive) gets every event, signed
  Examples            ${examples}

  Send a notification to the playground's user:

    curl -X POST ${shown}/v1/notifications \\
      -H 'Authorization: Bearer sk_test_demo' -H 'Content-Type: application/json' \\
      -d '{"recipients":["demo-user"],"category":"general","title":"Hello from curl"}'
`);

let closing = false;
const stop = async () => {
  if (closing) return;
  closing = true;
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Started by scripts/start.mjs: stop with it.
process.on('disconnect', () => void stop());
