// The belfry-server command line: `start` serves the API, `create-app` registers an app offline.
// Exit codes scripts can rely on: 0 done (help and --version included), 1 a runtime failure (the
// database, the port, a missing origin list …), 2 a usage error (unknown command or flag, bad value).
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

const DEMO = { id: 'demo', secret: 'sk_test_demo', name: 'Demo' };

const ENV_HELP = `
Environment:
  PORT, BELFRY_HOST, BELFRY_DB, DATABASE_URL, REDIS_URL, BELFRY_ALLOWED_ORIGINS, BELFRY_DEV,
  BELFRY_ALLOWED_LINK_HOSTS, BELFRY_USER_TOKEN_MAX_LIFETIME, BELFRY_SESSION_SECRET, BELFRY_MASTER_KEY,
  BELFRY_EVENT_RETENTION_DAYS, LOG_LEVEL (flags win over the environment)

Exit codes: 0 ok, 1 runtime failure, 2 usage error.`;

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function port(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65_535) throw new InvalidArgumentError('must be a number from 0 to 65535.');
  return Number(value);
}

const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);

interface StartFlags {
  port?: number;
  host?: string;
  db?: string;
  databaseUrl?: string;
  redisUrl?: string;
  allowedOrigins?: string[];
  dev?: boolean;
  demo?: boolean;
}

// The server is loaded only to run it: --help, --version and usage errors answer at once.
async function start(flags: StartFlags): Promise<number> {
  const { createBelfryServer } = await import('./server.js');
  const server = await createBelfryServer({
    ...(flags.port !== undefined ? { port: flags.port } : {}),
    ...(flags.host !== undefined ? { host: flags.host } : {}),
    ...(flags.db !== undefined ? { sqlitePath: flags.db } : {}),
    ...(flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : {}),
    ...(flags.redisUrl ? { redisUrl: flags.redisUrl } : {}),
    ...(flags.allowedOrigins ? { allowedOrigins: flags.allowedOrigins } : {}),
    ...(flags.dev ? { dev: true } : {}),
    // The demo's secret is public: it is dev mode (loopback pages may connect without BELFRY_ALLOWED_ORIGINS),
    // and the reference's try-it console is pre-filled with it.
    ...(flags.demo ? { seedApps: [DEMO], dev: true, docs: { secretKey: DEMO.secret } } : {}),
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
  });
  console.log(`belfry listening on ${server.url}`);
  if (flags.demo) {
    console.log(`demo app: id ${DEMO.id}, secret ${DEMO.secret} (dev only). Send a notification to user "alice":
  curl -X POST ${server.url}/v1/notifications \\
    -H 'Authorization: Bearer ${DEMO.secret}' -H 'Content-Type: application/json' \\
    -d '{"recipients":["alice"],"category":"comments","title":"Hello from Belfry"}'`);
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await server.close();
  return EXIT.ok;
}

async function createApp(flags: { name: string; db?: string; databaseUrl?: string }): Promise<number> {
  const { createAppOffline } = await import('./admin.js');
  const app = await createAppOffline(
    { ...(flags.db !== undefined ? { sqlitePath: flags.db } : {}), ...(flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : {}) },
    flags.name,
  );
  console.log(`app id:     ${app.id}\nsecret key: ${app.secret}\n(the secret is shown only once; it is stored hashed)`);
  return EXIT.ok;
}

function program(done: (code: number) => void): Command {
  const root = new Command('belfry-server')
    .description('The Belfry notifications API: REST + socket.io over SQLite or PostgreSQL.')
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    .helpCommand('help [command]', 'print the help of a command')
    .showHelpAfterError('(belfry-server --help lists the commands and flags)')
    .showSuggestionAfterError(true)
    .addHelpText('after', ENV_HELP)
    .exitOverride();

  const db = () => new Option('--db <file>', 'SQLite file (env BELFRY_DB; default .belfry/belfry.db)');
  const databaseUrl = () => new Option('--database-url <url>', 'postgres://…: PostgreSQL instead of SQLite (env DATABASE_URL)');

  root
    .command('start')
    .description('serve the API and realtime on one port')
    .addOption(new Option('--port <port>', 'port to listen on, 0 for a free one (env PORT; default 4000)').argParser(port))
    .option('--host <host>', 'address to listen on (env BELFRY_HOST; default 127.0.0.1)')
    .addOption(db())
    .addOption(databaseUrl())
    .option('--redis-url <url>', 'socket.io Redis adapter, for several processes (env REDIS_URL)')
    .addOption(new Option('--allowed-origins <origins>', 'comma-separated origins of the pages embedding the inbox, or * (env BELFRY_ALLOWED_ORIGINS)').argParser(list))
    .option('--dev', 'dev mode: loopback pages and webhook receivers allowed; never in production (env BELFRY_DEV)')
    .option('--demo', 'dev mode, plus the demo app (id demo, secret sk_test_demo) and a curl example')
    .addHelpText('after', ENV_HELP)
    .action(async (flags: StartFlags) => done(await start(flags)));

  root
    .command('create-app')
    .description('register an app in the database (offline) and print its id and secret once')
    .requiredOption('--name <name>', 'the app name')
    .addOption(db())
    .addOption(databaseUrl())
    .addHelpText('after', ENV_HELP)
    .action(async (flags: { name: string; db?: string; databaseUrl?: string }) => done(await createApp(flags)));

  // Subcommands inherit exitOverride and the output settings; each points at its own help, and
  // answers --version too.
  for (const sub of root.commands) {
    sub.version(version, '-v, --version', 'print the version').showHelpAfterError(`(belfry-server ${sub.name()} --help lists its flags)`);
  }
  return root;
}

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const root = program((c) => (code = c));
  if (argv.length === 0) {
    root.outputHelp({ error: true });
    return EXIT.usage;
  }
  try {
    await root.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successes; every other parser error is a usage error (already printed).
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    console.error(err instanceof Error ? err.message : err);
    return EXIT.failure;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(EXIT.failure);
  },
);
