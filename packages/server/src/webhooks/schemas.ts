// Request schemas (validation + OpenAPI) and response shapes (OpenAPI only) of the webhook routes.
import { EVENT_TYPES, WEBHOOK_EVENT_FILTERS } from '../wire.js';
import { eventSchema } from '../lifecycle/schemas.js';
import { errorResponses } from '../routes/errorDocs.js';

const object = (properties: Record<string, unknown>, required: string[] = [], extra: Record<string, unknown> = {}) => ({
  type: 'object',
  additionalProperties: false,
  properties,
  ...(required.length > 0 ? { required } : {}),
  ...extra,
});
const prefixedId = (prefix: string, what: string) => ({ type: 'string', minLength: 1, maxLength: 64, pattern: `^${prefix}_[A-Za-z0-9]+$`, description: `${what} id (\`${prefix}_…\`)` });

const url = {
  type: 'string',
  minLength: 1,
  maxLength: 2048,
  pattern: '^[^\\s\\u0000-\\u001f]*$',
  description: 'Absolute http(s) URL that receives the deliveries. Outside dev mode it must not be (or resolve to) a loopback, private, link-local or metadata address; that is checked again on every connect',
};
const events = {
  type: 'array',
  minItems: 1,
  maxItems: WEBHOOK_EVENT_FILTERS.length,
  items: { type: 'string', enum: [...WEBHOOK_EVENT_FILTERS] },
  description:
    'Event types to receive. `*` is every type except webhook.*, which are sent only to endpoints that name them (and never about the endpoint itself or about a webhook.* event)',
};
const description = { type: 'string', maxLength: 500, pattern: '^[^\\u0000]*$', description: 'A note for people (≤ 500 characters)' };

export const webhookParams = object({ id: prefixedId('wh', 'Webhook') }, ['id']);
export const deliveryParams = object({ id: prefixedId('wh', 'Webhook'), deliveryId: prefixedId('whd', 'Delivery') }, ['id', 'deliveryId']);

export const createBody = object(
  { url, events, description, enabled: { type: 'boolean', default: true, description: 'Start enabled (default true)' } },
  ['url', 'events'],
);

export const updateBody = object(
  {
    url,
    events,
    description: { anyOf: [description, { type: 'null' }], description: 'A note for people; null clears it' },
    enabled: { type: 'boolean', description: 'false: new events are not queued for it, and deliveries already pending wait (they resume when it is enabled again)' },
  },
  [],
  { minProperties: 1 },
);

export const rotateBody = object({
  graceSeconds: {
    type: 'integer',
    minimum: 0,
    maximum: 604_800,
    default: 86_400,
    description: 'How long the old secret keeps signing alongside the new one, in seconds (0 – 7 days, default 1 day)',
  },
});

export const deliveriesQuery = object({
  status: { type: 'string', enum: ['pending', 'delivered', 'failed'], description: 'Only deliveries in this state' },
  limit: { type: 'integer', minimum: 1, maximum: 100, default: 20, description: 'Page size, 1–100' },
  cursor: { type: 'string', minLength: 1, maxLength: 512, description: 'Opaque cursor: `nextCursor` of the previous page' },
});

// ---- response shapes (documentation) ------------------------------------------------------------

const nullable = (schema: Record<string, unknown>) => ({ ...schema, type: [schema.type as string, 'null'] });
const str = (d: string) => ({ type: 'string', description: d });
const date = (d: string) => ({ type: 'string', format: 'date-time', description: d });
const obj = (properties: Record<string, unknown>, description?: string) => ({ type: 'object', properties, required: Object.keys(properties), ...(description ? { description } : {}) });

const webhook = obj(
  {
    id: str('`wh_…`'),
    url: str('Receiver URL'),
    events: { type: 'array', items: { type: 'string', enum: [...WEBHOOK_EVENT_FILTERS] } },
    description: nullable(str('A note for people')),
    enabled: { type: 'boolean' },
    createdAt: date('Created'),
    updatedAt: date('Last changed'),
    previousSecretExpiresAt: nullable(date('Until then deliveries are signed with the previous secret too')),
  },
  'A webhook endpoint',
);
const withSecret = obj({ webhook, secret: str('The signing secret (`whsec_…`, Standard Webhooks format). Shown only in this response') });
const attempt = obj({
  attempt: { type: 'integer', description: '1 for the first attempt' },
  at: date('When it was made'),
  statusCode: nullable({ type: 'integer', description: 'The receiver’s status; null when no response came' }),
  durationMs: { type: 'integer' },
  error: nullable(str('Why it failed: HTTP status and body start, network error, timeout, refused address or redirect')),
  outcome: { type: 'string', enum: ['delivered', 'retry', 'failed'], description: 'retry: another attempt is scheduled' },
});
export const deliverySchema = obj(
  {
    id: str('`whd_…`'),
    webhookId: str('`wh_…`'),
    eventId: str('The event delivered; its `webhook-id` header'),
    eventType: { type: 'string', enum: [...EVENT_TYPES] },
    status: { type: 'string', enum: ['pending', 'delivered', 'failed'] },
    attempts: { type: 'integer', description: 'Attempts so far' },
    nextAttemptAt: nullable(date('When the next attempt is due (pending only)')),
    createdAt: date('Queued'),
    finishedAt: nullable(date('Delivered or given up')),
    replayOf: nullable(str('The delivery this one replays')),
    attemptLog: { type: 'array', items: attempt },
  },
  'One event to one endpoint',
);

export const webhookResponseDocs: Record<string, Record<string, unknown>> = {
  'POST /v1/webhooks': { 201: withSecret, ...errorResponses(400, 409) },
  'GET /v1/webhooks': { 200: obj({ webhooks: { type: 'array', items: webhook } }), ...errorResponses() },
  'GET /v1/webhooks/:id': { 200: obj({ webhook }), ...errorResponses(400, 404) },
  'PATCH /v1/webhooks/:id': { 200: obj({ webhook }), ...errorResponses(400, 404) },
  'DELETE /v1/webhooks/:id': { 200: obj({ deleted: { type: 'boolean', enum: [true] } }), ...errorResponses(400, 404) },
  'POST /v1/webhooks/:id/rotate-secret': { 200: withSecret, ...errorResponses(400, 404) },
  'GET /v1/webhooks/:id/deliveries': { 200: obj({ deliveries: { type: 'array', items: deliverySchema }, nextCursor: nullable(str('Cursor of the next page')) }), ...errorResponses(400, 404) },
  'POST /v1/webhooks/:id/deliveries/:deliveryId/replay': { 202: obj({ delivery: deliverySchema }), ...errorResponses(400, 404, 409) },
};

/** The body of every delivery, for the document's webhook section. */
export const payloadSchema = obj({ type: { type: 'string', enum: [...EVENT_TYPES] }, timestamp: date('When the event happened'), data: eventSchema });
