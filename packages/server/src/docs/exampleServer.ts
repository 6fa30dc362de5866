// The server the examples are recorded on and the code samples run against: a fresh SQLite database,
// the demo app, webhook deliveries queued but not sent, and DNS answered for example.com only, so every
// recorded example can be replayed the same way on any machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBelfryServer, type BelfryServer } from '../server.js';

/** What the examples show: the demo app and `npx belfry-server start --demo`'s address. */
export const EXAMPLE = { baseUrl: 'http://localhost:4000', appId: 'demo', secret: 'sk_test_demo' } as const;

export async function startExampleServer(): Promise<BelfryServer & { cleanup(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'belfry-examples-'));
  const server = await createBelfryServer({
    port: 0,
    host: '127.0.0.1',
    sqlitePath: join(dir, 'belfry.db'),
    databaseUrl: '',
    masterKey: 'belfry-examples-master-key',
    seedApps: [{ id: EXAMPLE.appId, secret: EXAMPLE.secret, name: 'Demo' }],
    // An explicit origin list: outside dev mode a server may require one.
    allowedOrigins: ['http://localhost:4000'],
    rateLimit: false,
    logger: false,
    docs: false,
    webhooks: { dispatch: false, resolve: async () => [{ address: '93.184.215.14', family: 4 }] },
  });
  return Object.assign(server, {
    async cleanup() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}
