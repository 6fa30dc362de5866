// Webhook routes (secret key): endpoints CRUD, secret rotation, the delivery log and replays.
import type { WebhookCreate, WebhookDeliveryStatus, WebhookRotateRequest, WebhookUpdate } from '@belfry/core/api';
import type { FastifyInstance } from 'fastify';
import { appOf, secretGuard } from '../auth/guards.js';
import type { Context } from '../context.js';
import { emptyQuery } from '../routes/schemas.js';
import * as s from './schemas.js';

const security = [{ secretKey: [] }];
const tags = ['webhooks'];

export async function webhookRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  const onRequest = secretGuard(ctx.apps);
  const hooks = ctx.webhooks;

  app.post<{ Body: WebhookCreate }>(
    '/v1/webhooks',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Register a webhook endpoint',
        description:
          'Registers a URL to receive lifecycle events as signed HTTP POSTs (Standard Webhooks: `webhook-id` = the event id, `webhook-timestamp`, `webhook-signature`). The response carries the signing secret, shown only once. Deliveries are durable and at least once: receivers should dedupe by `webhook-id`.',
        body: s.createBody,
        querystring: emptyQuery,
      },
    },
    async (request, reply) => reply.status(201).send(await hooks.create(appOf(request), request.body)),
  );

  app.get(
    '/v1/webhooks',
    { onRequest, schema: { tags, security, summary: 'List webhook endpoints', description: 'Every endpoint of the app, oldest first (at most 50 per app). Secrets are never returned.', querystring: emptyQuery } },
    async (request) => ({ webhooks: await hooks.list(appOf(request)) }),
  );

  app.get<{ Params: { id: string } }>(
    '/v1/webhooks/:id',
    { onRequest, schema: { tags, security, summary: 'Get a webhook endpoint', description: 'One endpoint by id, without its secret (shown only when created or rotated).', params: s.webhookParams, querystring: emptyQuery } },
    async (request) => ({ webhook: await hooks.get(appOf(request), request.params.id) }),
  );

  app.patch<{ Params: { id: string }; Body: WebhookUpdate }>(
    '/v1/webhooks/:id',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Update a webhook endpoint',
        description: 'Changes the URL, the event types, the description, or enables/disables it. While disabled, no new events are queued for it; deliveries already pending wait and resume when it is enabled again.',
        params: s.webhookParams,
        body: s.updateBody,
        querystring: emptyQuery,
      },
    },
    async (request) => ({ webhook: await hooks.update(appOf(request), request.params.id, request.body) }),
  );

  app.delete<{ Params: { id: string } }>(
    '/v1/webhooks/:id',
    { onRequest, schema: { tags, security, summary: 'Delete a webhook endpoint', description: 'Deletes the endpoint, its pending deliveries and its delivery log.', params: s.webhookParams, querystring: emptyQuery } },
    async (request) => {
      await hooks.remove(appOf(request), request.params.id);
      return { deleted: true };
    },
  );

  app.post<{ Params: { id: string }; Body: WebhookRotateRequest | undefined }>(
    '/v1/webhooks/:id/rotate-secret',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Rotate the signing secret',
        description:
          'Issues a new signing secret (shown only in this response). For `graceSeconds` the old secret keeps signing too: each delivery then carries both signatures in `webhook-signature`, so receivers can switch without dropping one.',
        params: s.webhookParams,
        body: s.rotateBody,
        querystring: emptyQuery,
      },
    },
    async (request) => hooks.rotate(appOf(request), request.params.id, request.body?.graceSeconds),
  );

  app.get<{ Params: { id: string }; Querystring: { status?: WebhookDeliveryStatus; limit: number; cursor?: string } }>(
    '/v1/webhooks/:id/deliveries',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'List deliveries and their attempts',
        description:
          'The delivery log of one endpoint, newest first: each event queued for it with every attempt (time, status code, duration, error). Retried on network errors, timeouts (10 s), 408, 429 (honouring Retry-After) and 5xx with exponential backoff and jitter over about a day, then `failed` (still replayable).',
        params: s.webhookParams,
        querystring: s.deliveriesQuery,
      },
    },
    async (request) => hooks.deliveries(appOf(request), request.params.id, request.query),
  );

  app.post<{ Params: { id: string; deliveryId: string } }>(
    '/v1/webhooks/:id/deliveries/:deliveryId/replay',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Replay a delivery',
        description: 'Queues the same event again (same body and `webhook-id`) as a new delivery with a fresh retry schedule, whatever the state of the original.',
        params: s.deliveryParams,
        querystring: emptyQuery,
      },
    },
    async (request, reply) => reply.status(202).send({ delivery: await hooks.replay(appOf(request), request.params.id, request.params.deliveryId) }),
  );
}
