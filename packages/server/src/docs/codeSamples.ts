// x-codeSamples generated from a recorded example: curl, Node (fetch), Node (@belfry/node) and Python
// (requests). Each prints the response body as JSON, so the docs stage can run it and compare the
// output with the recorded response. Inbox calls read the session token from $BELFRY_SESSION.
import type { RecordedExample } from './exampleTypes.js';

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

const SESSION_ENV = 'BELFRY_SESSION';
const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);
const json = (v: unknown) => JSON.stringify(v, null, 2);

/** A Python literal for a JSON value. */
function py(v: unknown, pad = ''): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string' || typeof v === 'number') return JSON.stringify(v);
  const inner = `${pad}    `;
  if (Array.isArray(v)) return v.length ? `[\n${v.map((x) => inner + py(x, inner)).join(',\n')},\n${pad}]` : '[]';
  const entries = Object.entries(v as Record<string, unknown>);
  return entries.length ? `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${py(x, inner)}`).join(',\n')},\n${pad}}` : '{}';
}

/** The path parameters of `example`, by name, read against its operation's path template. */
export function pathParams(example: RecordedExample): Record<string, string> {
  const template = example.operation.split(' ')[1]!.split('/');
  const actual = example.path.split('?')[0]!.split('/');
  return Object.fromEntries(template.flatMap((part, i) => (/^\{\w+\}$/.test(part) ? [[part.slice(1, -1), decodeURIComponent(actual[i]!)]] : [])));
}

export function queryOf(example: RecordedExample): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(example.path.split('?')[1] ?? ''));
}

const q = (query: Record<string, string>) => {
  const entries = Object.entries(query).map(([k, v]) => `${k}: ${/^\d+$/.test(v) ? v : v === 'true' || v === 'false' ? v : JSON.stringify(v)}`);
  return entries.length ? `{ ${entries.join(', ')} }` : '';
};

/** The @belfry/node call for an operation, or undefined (inbox calls belong to the browser client). */
function sdkCall(e: RecordedExample): string | undefined {
  const p = pathParams(e);
  const s = (v: string | undefined) => JSON.stringify(v);
  const body = e.body === undefined ? '' : indent(json(e.body), '');
  const query = q(queryOf(e));
  const calls: Record<string, () => string> = {
    'POST /v1/notifications': () => `belfry.notifications.trigger(${body})`,
    'POST /v1/notifications/preview': () => `belfry.notifications.preview(${body})`,
    'GET /v1/notifications/{id}/events': () => `belfry.notifications.events(${[s(p.id), query].filter(Boolean).join(', ')})`,
    'PUT /v1/categories/{category}': () => `belfry.categories.upsert(${s(p.category)}, ${body})`,
    'GET /v1/categories': () => 'belfry.categories.list()',
    'PUT /v1/users/{userId}': () => `belfry.users.upsert(${s(p.userId)}, ${body})`,
    'GET /v1/users/{userId}/notifications': () => `belfry.users.notifications(${[s(p.userId), query].filter(Boolean).join(', ')})`,
    'DELETE /v1/users/{userId}/notifications/{id}': () => `belfry.users.deleteNotification(${s(p.userId)}, ${s(p.id)})`,
    'GET /v1/messages': () => `belfry.messages.list(${query})`,
    'GET /v1/messages/{id}': () => `belfry.messages.get(${s(p.id)})`,
    'GET /v1/messages/{id}/events': () => `belfry.messages.events(${[s(p.id), query].filter(Boolean).join(', ')})`,
    'POST /v1/webhooks': () => `belfry.webhooks.create(${body})`,
    'GET /v1/webhooks': () => 'belfry.webhooks.list()',
    'GET /v1/webhooks/{id}': () => `belfry.webhooks.get(${s(p.id)})`,
    'PATCH /v1/webhooks/{id}': () => `belfry.webhooks.update(${s(p.id)}, ${body})`,
    'DELETE /v1/webhooks/{id}': () => `belfry.webhooks.delete(${s(p.id)})`,
    'POST /v1/webhooks/{id}/rotate-secret': () => `belfry.webhooks.rotateSecret(${[s(p.id), body].filter(Boolean).join(', ')})`,
    'GET /v1/webhooks/{id}/deliveries': () => `belfry.webhooks.deliveries(${[s(p.id), query].filter(Boolean).join(', ')})`,
    'POST /v1/webhooks/{id}/deliveries/{deliveryId}/replay': () => `belfry.webhooks.replay(${s(p.id)}, ${s(p.deliveryId)})`,
  };
  return calls[e.operation]?.();
}

/** The operations @belfry/node covers (every secret-key operation). */
export const sdkOperations = (examples: RecordedExample[]) => [...new Set(examples.filter((e) => sdkCall(e) !== undefined).map((e) => e.operation))];

export function codeSamples(e: RecordedExample, baseUrl: string, secret: string): CodeSample[] {
  const url = baseUrl + e.path;
  const hasBody = e.body !== undefined;
  const auth = e.auth === 'secret' ? `Bearer ${secret}` : e.auth === 'session' ? `Bearer $${SESSION_ENV}` : undefined;

  const curlLines = [`curl -sS -X ${e.method} '${url}'`];
  if (auth) curlLines.push(e.auth === 'session' ? `-H "Authorization: ${auth}"` : `-H 'Authorization: ${auth}'`);
  if (hasBody) curlLines.push(`-H 'Content-Type: application/json'`, `-d '${JSON.stringify(e.body).replace(/'/g, `'\\''`)}'`);
  const curl = curlLines.join(' \\\n  ');

  const nodeHeaders = [
    ...(e.auth === 'secret' ? [`Authorization: 'Bearer ${secret}'`] : []),
    ...(e.auth === 'session' ? [`Authorization: \`Bearer \${process.env.${SESSION_ENV}}\``] : []),
    ...(hasBody ? [`'Content-Type': 'application/json'`] : []),
  ];
  const fetchOptions = [
    `method: '${e.method}'`,
    ...(nodeHeaders.length ? [`headers: { ${nodeHeaders.join(', ')} }`] : []),
    ...(hasBody ? [`body: JSON.stringify(${indent(json(e.body), '  ')})`] : []),
  ];
  const node = `const res = await fetch('${url}', {\n  ${fetchOptions.join(',\n  ')},\n});\nconsole.log(JSON.stringify(await res.json(), null, 2));`;

  const query = queryOf(e);
  const pyArgs = [
    `'${baseUrl}${e.path.split('?')[0]}'`,
    ...(Object.keys(query).length ? [`params=${py(query)}`] : []),
    ...(e.auth === 'secret' ? [`headers={"Authorization": "Bearer ${secret}"}`] : []),
    ...(e.auth === 'session' ? [`headers={"Authorization": "Bearer " + os.environ["${SESSION_ENV}"]}`] : []),
    ...(hasBody ? [`json=${py(e.body)}`] : []),
  ];
  const python = `import json${e.auth === 'session' ? ', os' : ''}\nimport requests\n\nres = requests.${e.method.toLowerCase()}(\n    ${pyArgs.map((a) => indent(a, '    ')).join(',\n    ')},\n)\nprint(json.dumps(res.json(), indent=2))`;

  const samples: CodeSample[] = [
    { lang: 'Shell', label: 'curl', source: curl },
    { lang: 'JavaScript', label: 'Node (fetch)', source: node },
  ];
  const call = sdkCall(e);
  if (call) {
    samples.push({
      lang: 'JavaScript',
      label: 'Node (@belfry/node)',
      source: `import { Belfry } from '@belfry/node';\n\nconst belfry = new Belfry({ secretKey: '${secret}', baseUrl: '${baseUrl}' });\nconst result = await ${call};\nconsole.log(JSON.stringify(result, null, 2));`,
    });
  }
  samples.push({ lang: 'Python', label: 'Python (requests)', source: python });
  return samples;
}
