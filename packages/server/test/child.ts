// Starts test/fixtures/server.ts as a child process (a real, separately killable server).
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { BelfryServerOptions } from '../src/index';

const ROOT = resolve(import.meta.dirname, '../../..');
const SCRIPT = resolve(import.meta.dirname, 'fixtures/server.ts');

export interface Child {
  url: string;
  proc: ChildProcess;
  output: string[];
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export function startChild(options: BelfryServerOptions): Promise<Child> {
  const env: NodeJS.ProcessEnv = { ...process.env, BELFRY_TEST_SERVER: JSON.stringify(options) };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const proc = spawn(process.execPath, ['--conditions=belfry-source', '--import', 'tsx', SCRIPT], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const signal = (sig: NodeJS.Signals) => async () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(sig);
    await exited;
  };
  return new Promise((res, rej) => {
    const timer = setTimeout(() => (proc.kill('SIGKILL'), rej(new Error(`child did not listen within 45 s:\n${output.join('')}`))), 45_000);
    proc.stdout!.on('data', (d: Buffer) => {
      output.push(d.toString());
      const m = /listening (http:\/\/\S+)/.exec(output.join(''));
      if (m) {
        clearTimeout(timer);
        res({ url: m[1]!, proc, output, kill9: signal('SIGKILL'), stop: signal('SIGTERM') });
      }
    });
    proc.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
    proc.once('exit', (code) => (clearTimeout(timer), rej(new Error(`child exited (${code}) before listening:\n${output.join('')}`))));
  });
}
