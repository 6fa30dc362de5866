// Lifecycle routes (secret key): messages, timelines and the dry run.
import type { MessageListQuery, TriggerRequest } from '@belfry/core/api';
import type { FastifyInstance } from 'fastify';
import { appOf, secretGuard } from '../auth/guards.js';
import type { Context } from '../context.js';
import { checkTriggerBody } from '../http/triggerBody.js';
import { emptyQuery, triggerBody } from '../routes/schemas.js';
import { previewTrigger } from './preview.js';
import { getMessage, listMessages, messageEvents, notificationEvents } from './reads.js';
import * as s from './schemas.js';

const security = [{ secretKey: [] }];
const tags = ['lifecycle'];

export async function lifecycleRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  const onRequest = secretGuard(ctx.apps);
  const db = ctx.db.kysely;

  app.get<{ Querystring: MessageListQuery & { limit: number } }>(
    '/v1/messages',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'List messages',
        description:
          'Every trigger call is a message. Newest first, filtered by recipient, category, outcome and time range, paged with an opaque keyset cursor (stable while new messages arrive). Kept for the retention period (30 days by default).',
        querystring: s.messageListQuery,
      },
    },
    async (request) => listMessages(db, appOf(request), request.query),
  );

  app.get<{ Params: { id: string } }>(
    '/v1/messages/:id',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Get a message',
        description: 'One trigger call with every recipient: delivered (with the notification id) or suppressed with its reason code, and the decision per channel.',
        params: s.messageIdParams,
        querystring: emptyQuery,
      },
    },
    async (request) => getMessage(db, appOf(request), request.params.id),
  );

  app.get<{ Params: { id: string }; Querystring: { limit: number; cursor?: string; userId?: string } }>(
    '/v1/messages/:id/events',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'List a message’s events',
        description: 'Every event of every recipient of one message, oldest first: triggered, delivered or suppressed, then what each recipient did, and each webhook attempt.',
        params: s.messageIdParams,
        querystring: s.messageEventsQuery,
      },
    },
    async (request) => messageEvents(db, appOf(request), request.params.id, request.query),
  );

  app.get<{ Params: { id: string }; Querystring: { limit: number; cursor?: string } }>(
    '/v1/notifications/:id/events',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'A notification’s timeline',
        description:
          'Every step of one notification, oldest first: triggered → delivered (with the sockets the live push reached) → seen → read → clicked (with the action) → archived …, deleted or expired, and each webhook attempt about it. Still readable after the notification is deleted, for the retention period.',
        params: s.notificationIdParams,
        querystring: s.eventListQuery,
      },
    },
    async (request) => notificationEvents(db, appOf(request), request.params.id, request.query),
  );

  app.post<{ Body: TriggerRequest }>(
    '/v1/notifications/preview',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Dry-run a trigger',
        description:
          'Takes exactly the body of POST /v1/notifications and writes nothing. Answers, per recipient and per channel (in_app, email, push, sms), the decision and reason code the real trigger would produce now — the same decision function — and which webhook endpoints would receive events about it.',
        body: triggerBody,
        querystring: emptyQuery,
      },
    },
    async (request) => {
      checkTriggerBody(request.body, ctx.linkPolicy);
      return previewTrigger(db, appOf(request), request.body);
    },
  );
}
