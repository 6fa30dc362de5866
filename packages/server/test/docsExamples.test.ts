// The recorded examples (src/docs/examples.json, `npm run docs:record`) still match the document:
// every operation has a summary, a description, its error codes, request and response examples and
// code samples; every example validates against its operation's schemas; every request field is described.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { examples } from '../src/docs/document';
import { undescribed } from '../src/docs/fields';
import { useServer } from './harness';

type Op = Record<string, any>;

describe('OpenAPI examples and descriptions', () => {
  const h = useServer('sqlite');
  const operations = async () => {
    const doc = (await h.call<Record<string, any>>('GET', '/v1/openapi.json')).body;
    return Object.entries<Record<string, Op>>(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
    );
  };

  it('every operation: summary, description, error codes with statuses, examples and four kinds of code sample', async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThanOrEqual(28);
    for (const { key, op } of ops) {
      expect(op.summary, key).toEqual(expect.any(String));
      expect(op.description?.length ?? 0, `${key} description`).toBeGreaterThan(40);
      const errors = Object.entries<Op>(op.responses).filter(([s]) => /^[45]\d\d$/.test(s));
      expect(errors.map(([s]) => s), key).toEqual(expect.arrayContaining(['429', '500']));
      for (const [status, r] of errors) {
        const codes: string[] = r.content['application/json'].schema.properties.error.properties.code.enum;
        for (const code of codes) expect(r.description, `${key} ${status}`).toContain(`\`${code}\``);
      }
      const success = Object.entries<Op>(op.responses).filter(([s]) => /^2/.test(s));
      const recorded = success.flatMap(([, r]) => Object.keys(r.content?.['application/json']?.examples ?? {}));
      expect(recorded.length, `${key} has no recorded response example`).toBeGreaterThan(0);
      if (op.requestBody) expect(Object.keys(op.requestBody.content['application/json'].examples ?? {}).length, `${key} request example`).toBeGreaterThan(0);
      const labels = (op['x-codeSamples'] ?? []).map((s: { label: string }) => s.label);
      expect(labels, key).toEqual(expect.arrayContaining(['curl', 'Node (fetch)', 'Python (requests)']));
      if (op.security?.some((s: Op) => 'secretKey' in s)) expect(labels, key).toContain('Node (@belfry/node)');
    }
  });

  it('every recorded example validates against its operation’s request and response schemas', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const ops = new Map((await operations()).map(({ key, op }) => [key, op]));
    for (const e of examples.examples) {
      const op = ops.get(e.operation);
      expect(op, `${e.operation} is recorded but not in the document`).toBeDefined();
      const schema = op!.responses[String(e.status)]?.content?.['application/json']?.schema;
      expect(schema, `${e.operation} ${e.status} has no response schema`).toBeDefined();
      const valid = ajv.validate(schema, e.response);
      expect(valid, `${e.operation} (${e.title}) response: ${ajv.errorsText(ajv.errors)}`).toBe(true);
      if (e.body !== undefined && e.status < 400) {
        const ok = ajv.validate(op!.requestBody.content['application/json'].schema, e.body);
        expect(ok, `${e.operation} request: ${ajv.errorsText(ajv.errors)}`).toBe(true);
      }
    }
  });

  it('every request field is described, with its limits', async () => {
    for (const { key, op } of await operations()) {
      expect(undescribed(op.requestBody?.content?.['application/json']?.schema), `${key} body`).toEqual([]);
      for (const p of op.parameters ?? []) expect(p.description, `${key} ${p.in} ${p.name}`).toEqual(expect.any(String));
    }
    const trigger = (await operations()).find((o) => o.key === 'POST /v1/notifications')!.op;
    const props = trigger.requestBody.content['application/json'].schema.properties;
    expect(props.title.description).toMatch(/1–200 characters/);
    expect(props.recipients.description).toMatch(/1–1000 items/);
  });
});
