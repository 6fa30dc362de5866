// The belfry-server command line: `start` serves the API, `create-app` registers an app offline.
import { parseArgs } from 'node:util';
import { createAppOffline } from './admin.js';
import { createBelfryServer } from './server.js';

const DEMO = { id: 'demo', secret: 'sk_test_demo', name: 'Demo' };

const usage = `usage:
  belfry-server start [--port 4000] [--host 127.0.0.1] [--db .belfry/belfry.db] [--database-url URL] [--redis-url URL] [--demo]
  belfry-server create-app --name NAME [--db .belfry/belfry.db] [--database-url URL]
env: PORT, BELFRY_HOST, BELFRY_DB, DATABASE_URL, REDIS_URL, BELFRY_ALLOWED_ORIGINS, BELFRY_SESSION_SECRET,
     BELFRY_MASTER_KEY, LOG_LEVEL`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      'database-url': { type: 'string' },
      'redis-url': { type: 'string' },
      demo: { type: 'boolean', default: false },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help || !command || command === 'help') {
    console.log(usage);
    return command ? 0 : 1;
  }
  if (command === 'create-app') {
    if (!values.name) {
      console.error('create-app needs --name NAME');
      return 1;
    }
    const app = await createAppOffline(
      { ...(values.db !== undefined ? { sqlitePath: values.db } : {}), ...(values['database-url'] ? { databaseUrl: values['database-url'] } : {}) },
      values.name,
    );
    console.log(`app id:     ${app.id}\nsecret key: ${app.secret}\n(the secret is shown only once; it is stored hashed)`);
    return 0;
  }
  if (values.port !== undefined && !/^\d{1,5}$/.test(values.port)) {
    console.error(`--port must be a number, got ${values.port}`);
    return 1;
  }
  if (command !== 'start') {
    console.error(`unknown command ${command}\n${usage}`);
    return 1;
  }
  const server = await createBelfryServer({
    ...(values.port !== undefined ? { port: Number(values.port) } : {}),
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(values.db !== undefined ? { sqlitePath: values.db } : {}),
    ...(values['database-url'] ? { databaseUrl: values['database-url'] } : {}),
    ...(values['redis-url'] ? { redisUrl: values['redis-url'] } : {}),
    // The demo's secret is public: it is dev mode (loopback pages may connect without BELFRY_ALLOWED_ORIGINS).
    ...(values.demo ? { seedApps: [DEMO], dev: true } : {}),
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
  });
  console.log(`belfry listening on ${server.url}`);
  if (values.demo) {
    console.log(`demo app: id ${DEMO.id}, secret ${DEMO.secret} (dev only). Send a notification to user "alice":
  curl -X POST ${server.url}/v1/notifications \\
    -H 'Authorization: Bearer ${DEMO.secret}' -H 'Content-Type: application/json' \\
    -d '{"recipients":["alice"],"category":"comments","title":"Hello from Belfry"}'`);
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
