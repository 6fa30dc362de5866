// A real Belfry server for the SDK's tests (fresh SQLite database, one app).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBelfryServer, type BelfryServerOptions } from '@belfry/server';
import { afterAll, beforeAll } from 'vitest';

export const APP = { id: 'sdk_app', secret: 'sk_test_sdk_0123456789' };

export function useServer(options: BelfryServerOptions = {}) {
  const state = { url: '' };
  let server: Awaited<ReturnType<typeof createBelfryServer>> | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'belfry-node-'));
  beforeAll(async () => {
    server = await createBelfryServer({
      port: 0,
      host: '127.0.0.1',
      sqlitePath: join(dir, 'belfry.db'),
      databaseUrl: '',
      masterKey: 'belfry-node-test-master-key',
      seedApps: [{ id: APP.id, secret: APP.secret }],
      // An explicit origin list: outside dev mode a server may require one.
      allowedOrigins: ['http://localhost:4000'],
      rateLimit: false,
      logger: false,
      docs: false,
      webhooks: { dispatch: false, resolve: async () => [{ address: '93.184.215.14', family: 4 }] },
      ...options,
    });
    state.url = server.url;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return state;
}
