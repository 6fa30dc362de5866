// Finishes the OpenAPI document generated from the route schemas: what each operation is for, every
// error code with its status, field descriptions with limits, the recorded examples and the code
// samples made from them.
import recorded from './examples.json' with { type: 'json' };
import { codeSamples, pathParams, queryOf } from './codeSamples.js';
import type { RecordedExample, RecordedExamples } from './exampleTypes.js';
import { describeFields } from './fields.js';
import { common, ERROR_MEANING, ERROR_STATUS, operationDocs } from './operations.js';
import type { ErrorCode } from '@belfry/core/api';
import { errorBodySchema } from '../routes/errorDocs.js';

type Doc = Record<string, any>;
export const examples = recorded as RecordedExamples;
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];


function errorResponses(codes: ErrorCode[]): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      String(status),
      { description: list.map((c) => `\`${c}\`: ${ERROR_MEANING[c]}`).join('; '), content: { 'application/json': { schema: errorBodySchema(list) } } },
    ]),
  );
}

const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function addExamples(op: Doc, list: RecordedExample[]): void {
  const main = list.find((e) => e.status < 400);
  if (!main) return;
  if (main.body !== undefined && op.requestBody?.content?.['application/json']) {
    op.requestBody.content['application/json'].examples = Object.fromEntries(
      list.filter((e) => e.body !== undefined).map((e) => [slug(e.title), { summary: e.title, value: e.body }]),
    );
  }
  const values = { ...pathParams(main), ...queryOf(main) };
  for (const param of op.parameters ?? []) if (values[param.name] !== undefined) param.example = values[param.name];
  for (const e of list) {
    const response = op.responses?.[String(e.status)];
    if (!response) continue;
    response.content ??= { 'application/json': {} };
    const media = (response.content['application/json'] ??= {});
    media.examples = { ...media.examples, [slug(e.title)]: { summary: e.title, value: e.response } };
  }
  op['x-codeSamples'] = codeSamples(main, examples.baseUrl, examples.secret);
}

export function decorateDocument(doc: Doc): Doc {
  doc.info.description =
    'Trigger notifications from your backend with the app secret key; browsers read and change one user’s inbox with a session token. Every example on this page was recorded from a real server, and every code sample runs in CI. Errors are JSON `{ "error": { "code", "message", "field"? } }`.';
  for (const [path, item] of Object.entries<Doc>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const key = `${method.toUpperCase()} ${path}`;
      const docs = operationDocs[key];
      if (docs) {
        op.summary ||= docs.summary;
        op.description ||= docs.description;
        const isSession = (op.security ?? []).some((s: Doc) => 'sessionToken' in s);
        const codes = [...new Set([...docs.errors, ...(op.security ? common : ['rate_limited', 'internal'] as ErrorCode[]), ...(isSession ? ['token_expired' as const] : [])])];
        for (const status of Object.keys(op.responses ?? {})) if (!/^2/.test(status)) delete op.responses[status];
        Object.assign(op.responses, errorResponses(codes));
      }
      for (const [status, response] of Object.entries<Doc>(op.responses ?? {})) {
        if (/^2/.test(status) && (!response.description || response.description === 'Default Response')) response.description = status === '201' ? 'Created' : status === '202' ? 'Accepted' : 'OK';
      }
      for (const param of op.parameters ?? []) {
        describeFields(param.schema, param.name);
        param.description ??= param.schema?.description;
      }
      describeFields(op.requestBody?.content?.['application/json']?.schema);
      addExamples(op, examples.examples.filter((e) => e.operation === key));
    }
  }
  return doc;
}
