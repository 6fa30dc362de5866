// The belfry-server bin as a script sees it: help and version for the bin and each command, an error
// that names the unknown flag or command, and exit codes 0 (ok), 1 (runtime failure), 2 (usage error).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/belfry-server.js', import.meta.url));
const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const dir = mkdtempSync(join(tmpdir(), 'belfry-cli-'));
// Not the developer's environment: no origin list, no dev mode, unless a test says so.
const env = { ...process.env, LOG_LEVEL: 'warn', BELFRY_ALLOWED_ORIGINS: '', BELFRY_DEV: '', BELFRY_DB: join(dir, 'belfry.db') };

function run(...args: string[]) {
  const res = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('belfry-server', { timeout: 120_000 }, () => {
  it('--help and help: usage, the commands, the exit codes; exit 0', () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const r = run(...args);
      expect(r.code, `${args} ${r.err}`).toBe(0);
      expect(r.out).toContain('Usage: belfry-server');
      expect(r.out).toMatch(/start .*serve the API/);
      expect(r.out).toMatch(/create-app/);
      expect(r.out).toContain('Exit codes: 0 ok, 1 runtime failure, 2 usage error.');
    }
  });

  it('--version and -v print the package version for the bin and each command; exit 0', () => {
    for (const args of [['--version'], ['-v'], ['start', '--version'], ['create-app', '--version']]) {
      const r = run(...args);
      expect([r.code, r.out.trim()], args.join(' ')).toEqual([0, VERSION]);
    }
  });

  it('each command has its --help', () => {
    const start = run('start', '--help');
    expect(start.code).toBe(0);
    for (const flag of ['--port', '--host', '--db', '--database-url', '--redis-url', '--allowed-origins', '--dev', '--demo']) expect(start.out).toContain(flag);
    const createApp = run('help', 'create-app');
    expect(createApp.code).toBe(0);
    expect(createApp.out).toContain('--name <name>');
  });

  it('usage errors exit 2 and name what is wrong', () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /Usage: belfry-server/],
      [['--frobnicate'], /unknown option '--frobnicate'/],
      [['start', '--frobnicate'], /unknown option '--frobnicate'.*\n.*belfry-server start --help/],
      [['create-app', '--name', 'x', '--colour', 'red'], /unknown option '--colour'/],
      [['strat'], /unknown command 'strat'[\s\S]*Did you mean start\?/],
      [['start', '--port', 'abc'], /'--port <port>' argument 'abc' is invalid/],
      [['start', '--port', '70000'], /'--port <port>' argument '70000' is invalid/],
      [['create-app'], /required option '--name <name>' not specified/],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(2);
      expect(r.err, args.join(' ')).toMatch(message);
    }
  });

  it('a runtime failure exits 1 with the reason: start without an origin list outside dev mode', () => {
    const r = run('start', '--port', '0');
    expect(r.code, r.err).toBe(1);
    expect(r.err).toContain('BELFRY_ALLOWED_ORIGINS is required outside dev mode');
  });

  it('create-app exits 0; start with --allowed-origins serves until SIGTERM, then exits 0', { timeout: 90_000 }, async () => {
    const created = run('create-app', '--name', 'Cli');
    expect(created.code, created.err).toBe(0);
    expect(created.out).toMatch(/secret key: sk_/);

    const server = spawn(process.execPath, [BIN, 'start', '--port', '0', '--allowed-origins', 'https://app.example'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    server.stdout.on('data', (d: Buffer) => (out += d.toString()));
    server.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => server.on('exit', (code) => r(code)));
    const url = await new Promise<string>((resolve, reject) => {
      server.stdout.on('data', () => {
        const m = /belfry listening on (http:\/\/\S+)\n/.exec(out);
        if (m) resolve(m[1]!);
      });
      void exited.then((code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    const preflight = await fetch(`${url}/v1/inbox/counts`, { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'GET' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example');
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
