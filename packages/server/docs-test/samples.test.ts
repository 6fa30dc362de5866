// The `docs` stage: every code sample in the OpenAPI document (curl, Node fetch, @belfry/node, Python
// requests) and every marked README quick start runs against a fresh real server, in the order the
// examples were recorded, and its output must have the shape of the recorded response. Ids the
// recorded story created (msg_…, ntf_…, wh_…) are swapped for the ones this run created.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CodeSample } from '../src/docs/codeSamples';
import { examples } from '../src/docs/document';
import { startExampleServer } from '../src/docs/exampleServer';
import type { RecordedExample } from '../src/docs/exampleTypes';
import { shapeDiff } from './shape';

const root = resolve(import.meta.dirname, '../../..');
const work = join(import.meta.dirname, '.run');
const hasPython = spawnSync('python3', ['-c', 'import requests'], { stdio: 'ignore' }).status === 0;
const LANGS = ['curl', 'Node (fetch)', 'Node (@belfry/node)', 'Python (requests)'] as const;
let executed = 0;

const exec = promisify(execFile);

/** Runs one program (asynchronously: the server answers from this process); returns its stdout as JSON. */
async function run(label: string, source: string, env: Record<string, string>): Promise<unknown> {
  mkdirSync(work, { recursive: true });
  const file = join(work, `sample-${executed}.${label.startsWith('Python') ? 'py' : label === 'curl' ? 'sh' : 'mjs'}`);
  writeFileSync(file, source);
  const cmd = label.startsWith('Python') ? 'python3' : label === 'curl' ? 'bash' : 'node';
  executed++;
  const { stdout } = await exec(cmd, [file], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
  return JSON.parse(stdout);
}

/** Records recorded→actual for every string that differs at the same place (ids, tokens, times). */
function learn(map: Map<string, string>, recorded: unknown, actual: unknown): void {
  if (typeof recorded === 'string' && typeof actual === 'string' && recorded !== actual && recorded.length >= 6) map.set(recorded, actual);
  else if (Array.isArray(recorded) && Array.isArray(actual)) recorded.forEach((r, i) => learn(map, r, actual[i]));
  else if (recorded && actual && typeof recorded === 'object' && typeof actual === 'object') {
    for (const [k, v] of Object.entries(recorded)) learn(map, v, (actual as Record<string, unknown>)[k]);
  }
}

const swap = (text: string, map: Map<string, string>) => [...map].reduce((t, [from, to]) => t.split(from).join(to), text);

/** The first successful example of each operation is the one its code samples show. */
const firstOf = new Map<string, RecordedExample>();
for (const e of examples.examples) if (e.status < 400 && !firstOf.has(e.operation)) firstOf.set(e.operation, e);

async function replay(base: string, e: RecordedExample, map: Map<string, string>, session: string): Promise<unknown> {
  const headers: Record<string, string> = {};
  if (e.auth === 'secret') headers.authorization = `Bearer ${examples.secret}`;
  if (e.auth === 'session') headers.authorization = `Bearer ${session}`;
  if (e.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + swap(e.path, map), { method: e.method, headers, ...(e.body !== undefined ? { body: swap(JSON.stringify(e.body), map) } : {}) });
  return res.json();
}

describe('code samples', () => {
  // One fresh server per language, the four at once.
  it.concurrent.each(LANGS)('every operation’s %s sample runs and answers the documented shape', async (lang) => {
    if (lang.startsWith('Python') && !hasPython && !process.env.CI) return;
    const server = await startExampleServer();
    try {
      const doc = (await (await fetch(`${server.url}/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, { 'x-codeSamples'?: CodeSample[] }>> };
      const map = new Map<string, string>([[examples.baseUrl, server.url]]);
      let session = '';
      let ran = 0;
      for (const e of examples.examples) {
        const [method, path] = e.operation.split(' ') as [string, string];
        const sample = doc.paths[path]?.[method.toLowerCase()]?.['x-codeSamples']?.find((s) => s.label === lang);
        let actual: unknown;
        if (firstOf.get(e.operation) === e && sample) {
          actual = await run(lang, swap(sample.source, map), { BELFRY_SESSION: session });
          ran++;
          const diff = shapeDiff(e.response, actual);
          expect(diff, `${lang} sample of ${e.operation}:\n${JSON.stringify(actual).slice(0, 400)}`).toEqual([]);
        } else {
          actual = await replay(server.url, e, map, session);
        }
        learn(map, e.response, actual);
        if (e.operation === 'POST /v1/inbox/session') session = (actual as { token: string }).token;
      }
      expect(ran).toBeGreaterThanOrEqual(lang === 'Node (@belfry/node)' ? 19 : 28);
    } finally {
      await server.cleanup();
    }
  }, 120_000);
});

/** README blocks marked `<!-- example: METHOD /path -->` before their fence. */
function readmeBlocks(): Array<{ file: string; operation: string; lang: string; source: string }> {
  const files = ['packages/server/README.md', 'packages/node/README.md'];
  return files.flatMap((file) =>
    [...readFileSync(join(root, file), 'utf8').matchAll(/<!-- example: (\w+ \S+) -->\s*```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ file, operation: m[1]!, lang: m[2]!, source: m[3]! })),
  );
}

describe('README quick starts', () => {
  const blocks = readmeBlocks();
  const files = [...new Set(blocks.map((b) => b.file))];
  it('there are marked quick starts in the READMEs', () => expect(blocks.length).toBeGreaterThanOrEqual(3));
  // A README's blocks are steps of one story: run in order on one fresh server.
  it.each(files)('%s: every marked block runs and answers the documented shape', async (file) => {
    const server = await startExampleServer();
    try {
      await fetch(`${server.url}/v1/categories/comments`, { method: 'PUT', headers: { authorization: `Bearer ${examples.secret}`, 'content-type': 'application/json' }, body: '{}' });
      for (const block of blocks.filter((b) => b.file === file)) {
        const label = block.lang === 'python' ? 'Python (requests)' : block.lang === 'sh' ? 'curl' : 'Node (fetch)';
        if (label.startsWith('Python') && !hasPython && !process.env.CI) continue;
        const actual = await run(label, block.source.split(examples.baseUrl).join(server.url), {});
        expect(shapeDiff(firstOf.get(block.operation)!.response, actual), `${file} ${block.lang} ${block.operation}: ${JSON.stringify(actual).slice(0, 300)}`).toEqual([]);
      }
    } finally {
      await server.cleanup();
    }
  }, 60_000);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  console.log(`docs: ${executed} code samples executed against real servers${hasPython ? '' : ' (python3 with requests not found: Python samples skipped)'}`);
});
