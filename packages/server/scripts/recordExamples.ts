// `npm run docs:record`: calls every operation of the API on a fresh real server, in an order that
// tells one story (a category, a user, a webhook, a trigger, its message and timeline, the user's inbox),
// and writes each request with the real response to src/docs/examples.json. The OpenAPI document shows
// them as its examples and code samples; test/docsExamples.test.ts re-checks them against the schemas.
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { EXAMPLE, startExampleServer } from '../src/docs/exampleServer.js';
import type { ExampleAuth, RecordedExample, RecordedExamples } from '../src/docs/exampleTypes.js';

const server = await startExampleServer();
const examples: RecordedExample[] = [];
let token = '';

/** One call, recorded under `operation` (the OpenAPI path); returns the response body. */
async function call(operation: string, title: string, path: string, auth: ExampleAuth, body?: unknown): Promise<any> {
  const method = operation.split(' ')[0]!;
  const headers: Record<string, string> = {};
  if (auth === 'secret') headers.authorization = `Bearer ${EXAMPLE.secret}`;
  if (auth === 'session') headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(server.url + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const response = await res.json();
  examples.push({ operation, title, method, path, auth, ...(auth === 'session' ? { token } : {}), ...(body !== undefined ? { body } : {}), status: res.status, response });
  return response;
}

try {
  await call('PUT /v1/categories/{category}', 'Define a category', '/v1/categories/comments', 'secret', {
    label: 'Comments',
    defaultChannels: { in_app: true, email: false },
    throttle: { limit: 20, windowSeconds: 3600 },
  });
  await call('GET /v1/categories', 'List categories', '/v1/categories', 'secret');
  await call('PUT /v1/users/{userId}', 'Create or update a user', '/v1/users/alice', 'secret', { name: 'Alice Martin', locale: 'en-GB' });
  const { webhook } = await call('POST /v1/webhooks', 'Register a webhook endpoint', '/v1/webhooks', 'secret', {
    url: 'https://example.com/belfry/webhooks',
    events: ['delivered', 'read', 'clicked'],
    description: 'Activity feed',
  });
  await call('POST /v1/notifications/preview', 'Dry-run a trigger', '/v1/notifications/preview', 'secret', {
    recipients: ['alice', 'bob'],
    category: 'comments',
    title: 'Bob replied to your comment',
  });
  const trigger = { recipients: ['alice'], category: 'comments', title: 'Bob replied to your comment', body: '“Looks good to me!”', actionUrl: '/posts/42#comment-7', data: { postId: 42 }, idempotencyKey: 'comment-7-reply' };
  const sent = await call('POST /v1/notifications', 'Trigger a notification', '/v1/notifications', 'secret', trigger);
  await call('POST /v1/notifications', 'Missing title (400)', '/v1/notifications', 'secret', { recipients: ['alice'], category: 'comments' });
  const notificationId = sent.notifications[0].id as string;
  await call('GET /v1/messages', 'List messages', '/v1/messages?userId=alice&limit=10', 'secret');
  await call('GET /v1/messages/{id}', 'Get a message', `/v1/messages/${sent.messageId}`, 'secret');
  await call('GET /v1/messages/{id}', 'Unknown message (404)', '/v1/messages/msg_0000000000000000', 'secret');
  await call('GET /v1/messages/{id}/events', 'A message’s events', `/v1/messages/${sent.messageId}/events`, 'secret');
  await call('GET /v1/users/{userId}/notifications', 'A user’s notifications', '/v1/users/alice/notifications?limit=10', 'secret');

  const userKey = createHmac('sha256', EXAMPLE.secret).update('alice').digest('hex');
  const session = await call('POST /v1/inbox/session', 'Start an inbox session', '/v1/inbox/session', 'none', { appId: EXAMPLE.appId, userId: 'alice', userKey });
  token = session.token;
  await call('GET /v1/inbox/notifications', 'The user’s feed', '/v1/inbox/notifications?limit=20', 'session');
  await call('GET /v1/inbox/counts', 'Unread, unseen and total', '/v1/inbox/counts?byCategory=true', 'session');
  await call('PATCH /v1/inbox/notifications/{id}', 'Mark read and clicked', `/v1/inbox/notifications/${notificationId}`, 'session', { read: true, clicked: true });
  await call('POST /v1/inbox/notifications/bulk', 'Mark all read', '/v1/inbox/notifications/bulk', 'session', { filter: { read: false }, read: true });
  await call('GET /v1/inbox/changes', 'Changes since a seq', '/v1/inbox/changes?since=0', 'session');
  await call('GET /v1/inbox/preferences', 'The user’s preferences', '/v1/inbox/preferences', 'session');
  await call('PUT /v1/inbox/preferences', 'Turn off push for comments', '/v1/inbox/preferences', 'session', { categories: { comments: { channels: { push: false } } } });
  await call('GET /v1/notifications/{id}/events', 'A notification’s timeline', `/v1/notifications/${notificationId}/events`, 'secret');

  const second = await call('POST /v1/notifications', 'Trigger a notification', '/v1/notifications', 'secret', { recipients: ['alice'], category: 'comments', title: 'Carol liked your comment' });
  await call('DELETE /v1/inbox/notifications/{id}', 'Delete from the inbox', `/v1/inbox/notifications/${second.notifications[0].id}`, 'session');
  const third = await call('POST /v1/notifications', 'Trigger a notification', '/v1/notifications', 'secret', { recipients: ['alice'], category: 'comments', title: 'Dan mentioned you' });
  await call('DELETE /v1/users/{userId}/notifications/{id}', 'Delete a user’s notification', `/v1/users/alice/notifications/${third.notifications[0].id}`, 'secret');

  await call('GET /v1/webhooks', 'List webhook endpoints', '/v1/webhooks', 'secret');
  await call('GET /v1/webhooks/{id}', 'Get a webhook endpoint', `/v1/webhooks/${webhook.id}`, 'secret');
  await call('PATCH /v1/webhooks/{id}', 'Subscribe to every event', `/v1/webhooks/${webhook.id}`, 'secret', { events: ['*'] });
  await call('POST /v1/webhooks/{id}/rotate-secret', 'Rotate with a one-hour grace period', `/v1/webhooks/${webhook.id}/rotate-secret`, 'secret', { graceSeconds: 3600 });
  const { deliveries } = await call('GET /v1/webhooks/{id}/deliveries', 'The delivery log', `/v1/webhooks/${webhook.id}/deliveries?limit=5`, 'secret');
  await call('POST /v1/webhooks/{id}/deliveries/{deliveryId}/replay', 'Replay a delivery', `/v1/webhooks/${webhook.id}/deliveries/${deliveries[0].id}/replay`, 'secret');
  await call('DELETE /v1/webhooks/{id}', 'Delete a webhook endpoint', `/v1/webhooks/${webhook.id}`, 'secret');
} finally {
  await server.cleanup();
}

const out: RecordedExamples = { baseUrl: EXAMPLE.baseUrl, secret: EXAMPLE.secret, examples };
const file = new URL('../src/docs/examples.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
console.log(`recorded ${examples.length} examples of ${new Set(examples.map((e) => e.operation)).size} operations → src/docs/examples.json`);
for (const e of examples) if (e.status >= 400 && !/\(\d{3}\)$/.test(e.title)) console.warn(`unexpected ${e.status} for ${e.operation}: ${JSON.stringify(e.response)}`);
