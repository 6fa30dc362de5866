// Request schemas (validation + OpenAPI) and response shapes (OpenAPI only) of the lifecycle routes:
// messages, timelines and the dry run.
import { errorResponses } from '../routes/errorDocs.js';
import { categoryKey, idString } from '../routes/schemas.js';
import { CHANNELS, EVENT_TYPES, REASON_CODES, SUPPRESSION_REASONS } from '../wire.js';

const reasonList = (codes: Record<string, string>) =>
  Object.entries(codes)
    .map(([code, text]) => `\`${code}\`: ${text}`)
    .join('; ');

const date = (description: string) => ({ type: 'string', format: 'date-time', maxLength: 64, description });
const cursor = { type: 'string', minLength: 1, maxLength: 512, description: 'Opaque cursor: `nextCursor` of the previous page' };
const limit = (max: number, dflt: number) => ({ type: 'integer', minimum: 1, maximum: max, default: dflt, description: `Page size, 1–${max}` });
const prefixedId = (prefix: string, what: string) => ({
  type: 'string',
  minLength: 1,
  maxLength: 64,
  pattern: `^${prefix}_[A-Za-z0-9]+$`,
  description: `${what} id (\`${prefix}_…\`)`,
});

export const messageIdParams = { type: 'object', additionalProperties: false, required: ['id'], properties: { id: prefixedId('msg', 'Message') } };
export const notificationIdParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { ...idString, description: 'Notification id (`ntf_…`)' } },
};

export const messageListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    userId: { ...idString, description: 'Only messages with this recipient; `outcome` then means this recipient’s outcome' },
    category: { ...categoryKey, description: 'Only messages of this category' },
    outcome: {
      type: 'string',
      enum: ['delivered', 'suppressed', 'partial'],
      description: 'delivered: every recipient got it; suppressed: none did; partial: some did (with userId: that recipient’s outcome)',
    },
    from: date('Created at or after this instant'),
    to: date('Created before this instant'),
    limit: limit(100, 20),
    cursor,
  },
};

export const eventListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { limit: limit(500, 100), cursor },
};

export const messageEventsQuery = {
  ...eventListQuery,
  properties: { ...eventListQuery.properties, userId: { ...idString, description: 'Only the events of this recipient' } },
};

// ---- response shapes (documentation) ------------------------------------------------------------

// An enum must list null too, or a null value fails it whatever the type says.
const nullable = (schema: Record<string, unknown>) => ({
  ...schema,
  type: [schema.type as string, 'null'],
  ...(Array.isArray(schema.enum) ? { enum: [...schema.enum, null] } : {}),
});
const str = (description: string) => ({ type: 'string', description });
const int = (description: string) => ({ type: 'integer', description });
const obj = (properties: Record<string, unknown>, required = Object.keys(properties), description?: string) => ({
  type: 'object',
  properties,
  required,
  ...(description ? { description } : {}),
});

const reasonCode = { type: 'string', enum: Object.keys(REASON_CODES), description: reasonList(REASON_CODES) };
const suppressionReason = { type: 'string', enum: Object.keys(SUPPRESSION_REASONS), description: reasonList(SUPPRESSION_REASONS) };

const channelDecision = obj({
  decision: { type: 'string', enum: ['deliver', 'suppress', 'skip'], description: 'deliver: sent; suppress: a rule refused it; skip: allowed, but nothing sends on this channel' },
  reason: nullable(reasonCode),
});
const channelDecisions = obj(Object.fromEntries(CHANNELS.map((c) => [c, channelDecision])), [...CHANNELS], 'The decision per channel');

const recipient = obj({
  userId: str('The recipient'),
  outcome: { type: 'string', enum: ['delivered', 'suppressed'] },
  notificationId: nullable(str('The notification created (delivered only)')),
  reason: nullable(suppressionReason),
  channels: channelDecisions,
});

export const messageSchema = obj(
  {
    id: str('`msg_…`'),
    requestId: str('Request id of the trigger call (its `x-request-id` header)'),
    source: obj({ type: { type: 'string', enum: ['api'] }, ip: nullable(str('Caller address')), userAgent: nullable(str('Caller User-Agent')) }),
    idempotencyKey: nullable(str('The idempotencyKey of the call')),
    dedupeKey: nullable(str('The dedupeKey of the call')),
    category: str('Category key'),
    title: str('Notification title'),
    recipientCount: int('Recipients in the call'),
    deliveredCount: int('Recipients who got a notification'),
    suppressedCount: int('Recipients suppressed'),
    outcome: { type: 'string', enum: ['delivered', 'suppressed', 'partial'] },
    createdAt: { type: 'string', format: 'date-time' },
  },
  undefined,
  'One trigger call',
);

export const eventSchema = obj(
  {
    id: str('`evt_…`, sortable by time; the `webhook-id` of its webhook deliveries'),
    type: { type: 'string', enum: [...EVENT_TYPES] },
    at: { type: 'string', format: 'date-time' },
    messageId: nullable(str('The message (trigger call); null only for notifications older than message records')),
    notificationId: str('The notification, when the event concerns one'),
    userId: str('The recipient'),
    channel: { type: 'string', enum: [...CHANNELS] },
    reason: reasonCode,
    detail: {
      type: 'object',
      additionalProperties: true,
      description:
        'Per type: triggered → { category, title, dedupeKey? }; delivered → { sockets } once the live push is measured; clicked → { action? }; snoozed → { until }; unsnoozed / deleted → { by }; webhook.* → { webhookId, deliveryId, eventId, eventType, attempt, maxAttempts, statusCode, durationMs, error, nextAttemptAt }',
    },
  },
  ['id', 'type', 'at', 'messageId', 'userId'],
  'One step in a notification’s life',
);

const events = obj({ events: { type: 'array', items: eventSchema }, nextCursor: nullable(str('Cursor of the next page; null on the last')) });

const preview = obj({
  replayOf: nullable(str('The message an earlier call with this idempotencyKey created: the trigger would replay it and create nothing')),
  recipients: {
    type: 'array',
    items: obj({
      ...recipient.properties,
      webhooks: {
        type: 'array',
        description: 'Endpoints that would receive events about this recipient',
        items: obj({ webhookId: str('`wh_…`'), url: str('Endpoint URL'), events: { type: 'array', items: { type: 'string', enum: [...EVENT_TYPES] } } }),
      },
    }, ['userId', 'outcome', 'reason', 'channels', 'webhooks']),
  },
  deliverCount: int('Recipients who would get a notification'),
  suppressCount: int('Recipients who would be suppressed'),
});

export const lifecycleResponseDocs: Record<string, Record<string, unknown>> = {
  'GET /v1/messages': { 200: obj({ messages: { type: 'array', items: messageSchema }, nextCursor: nullable(str('Cursor of the next page')) }), ...errorResponses(400) },
  'GET /v1/messages/:id': { 200: obj({ ...messageSchema.properties, recipients: { type: 'array', items: recipient } }), ...errorResponses(400, 404) },
  'GET /v1/messages/:id/events': { 200: events, ...errorResponses(400, 404) },
  'GET /v1/notifications/:id/events': { 200: events, ...errorResponses(400, 404) },
  'POST /v1/notifications/preview': { 200: preview, ...errorResponses(400, 413) },
};
