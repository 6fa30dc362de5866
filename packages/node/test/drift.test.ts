// The SDK's types and the OpenAPI document can't drift apart: types generated from the live document
// (openapi-typescript) must be assignable to what each SDK method returns, and each SDK method's input
// to the documented request body. The check compiles with tsc; any mismatch fails with tsc's message.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { useServer } from './server';

const dir = join(import.meta.dirname, '.drift');

// [SDK method (group.name), path, method, success status, request-body parameter index or -1]
const methods: Array<[string, string, string, number, number]> = [
  ['notifications.trigger', '/v1/notifications', 'post', 201, 0],
  ['notifications.preview', '/v1/notifications/preview', 'post', 200, 0],
  ['notifications.events', '/v1/notifications/{id}/events', 'get', 200, -1],
  ['categories.upsert', '/v1/categories/{category}', 'put', 200, 1],
  ['categories.list', '/v1/categories', 'get', 200, -1],
  ['users.upsert', '/v1/users/{userId}', 'put', 200, 1],
  ['users.notifications', '/v1/users/{userId}/notifications', 'get', 200, -1],
  ['users.deleteNotification', '/v1/users/{userId}/notifications/{id}', 'delete', 200, -1],
  ['messages.list', '/v1/messages', 'get', 200, -1],
  ['messages.get', '/v1/messages/{id}', 'get', 200, -1],
  ['messages.events', '/v1/messages/{id}/events', 'get', 200, -1],
  ['webhooks.create', '/v1/webhooks', 'post', 201, 0],
  ['webhooks.list', '/v1/webhooks', 'get', 200, -1],
  ['webhooks.get', '/v1/webhooks/{id}', 'get', 200, -1],
  ['webhooks.update', '/v1/webhooks/{id}', 'patch', 200, 1],
  ['webhooks.delete', '/v1/webhooks/{id}', 'delete', 200, -1],
  ['webhooks.rotateSecret', '/v1/webhooks/{id}/rotate-secret', 'post', 200, 1],
  ['webhooks.deliveries', '/v1/webhooks/{id}/deliveries', 'get', 200, -1],
  ['webhooks.replay', '/v1/webhooks/{id}/deliveries/{deliveryId}/replay', 'post', 202, -1],
];

describe('SDK ↔ OpenAPI', () => {
  const s = useServer();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every secret-key operation has an SDK method', async () => {
    const doc = (await (await fetch(`${s.url}/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, { security?: Array<Record<string, unknown>> }>> };
    const documented = Object.entries(doc.paths).flatMap(([p, item]) =>
      Object.entries(item)
        .filter(([, op]) => op.security?.some((x) => 'secretKey' in x))
        .map(([m]) => `${m} ${p}`),
    );
    expect(methods.map(([, p, m]) => `${m} ${p}`).sort()).toEqual(documented.sort());
  });

  it('the SDK’s request and response types agree with types generated from the document', async () => {
    const doc = await (await fetch(`${s.url}/v1/openapi.json`)).json();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'openapi.ts'), astToString(await openapiTS(doc)));
    const checks = methods.map(([sdk, path, method, status, bodyArg], i) => {
      const fn = `Belfry['${sdk.split('.').join("']['")}']`;
      const res = `Assignable<Res<${fn}>, Json<paths['${path}']['${method}'], ${status}>>`;
      const req = bodyArg >= 0 ? `\ntype Req${i} = Assignable<Body<paths['${path}']['${method}']>, NonNullable<Parameters<${fn}>[${bodyArg}]>>;` : '';
      return `type Res${i} = ${res};${req}`;
    });
    writeFileSync(
      join(dir, 'check.ts'),
      `import type { paths } from './openapi';
import type { Belfry } from '../../src/index';
type Res<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;
type Json<Op, S extends number> = Op extends { responses: { [K in S]: { content: { 'application/json': infer J } } } } ? J : never;
type Body<Op> = Op extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
/** Compiles only when B is assignable to A. */
type Assignable<A, B extends A> = [A, B];
${checks.join('\n')}
`,
    );
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.json', include: ['check.ts', 'openapi.ts'], compilerOptions: { noUnusedLocals: false } }));
    let output = '';
    try {
      execFileSync('npx', ['tsc', '-p', join(dir, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      output = `${(err as { stdout?: string }).stdout ?? ''}${(err as { stderr?: string }).stderr ?? ''}`;
    }
    expect(output).toBe('');
  }, 120_000);
});
