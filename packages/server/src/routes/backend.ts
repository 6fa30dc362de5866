// Server-to-server routes, authenticated with the app's secret key.
import type { CategoryDefinition, FeedFilter, TriggerRequest, UserUpsert } from '@belfry/core/api';
import type { FastifyInstance } from 'fastify';
import { appOf, secretGuard } from '../auth/guards.js';
import type { Context } from '../context.js';
import { badRequest } from '../errors.js';
import { assertFutureDate } from '../http/dates.js';
import { listCategories, upsertCategory } from '../store/categories.js';
import { listFeed } from '../store/feed.js';
import { deleteNotification } from '../store/mutations.js';
import { triggerNotifications } from '../store/trigger.js';
import { upsertUser } from '../store/users.js';
import * as s from './schemas.js';

const DATA_LIMIT = 16 * 1024;
const security = [{ secretKey: [] }];

/** Bytes of the JSON text; absurdly deep nesting that can't be serialized counts as too large. */
function serializedSize(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value));
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export async function backendRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  const onRequest = secretGuard(ctx.apps);

  app.post<{ Body: TriggerRequest }>(
    '/v1/notifications',
    { onRequest, schema: { tags: ['backend'], security, body: s.triggerBody, querystring: s.emptyQuery } },
    async (request, reply) => {
      const body = request.body;
      if (body.data !== undefined && serializedSize(body.data) > DATA_LIMIT) {
        throw badRequest('data', 'body/data must be at most 16 KB when serialized');
      }
      if (body.expiresAt !== undefined) assertFutureDate(body.expiresAt, 'expiresAt');
      const { response, created } = await triggerNotifications(ctx, appOf(request), body);
      ctx.metrics.notifications.inc(created);
      return reply.status(response.replayed ? 200 : 201).send(response);
    },
  );

  app.put<{ Params: { category: string }; Body: CategoryDefinition }>(
    '/v1/categories/:category',
    { onRequest, schema: { tags: ['backend'], security, params: s.categoryParams, body: s.categoryBody, querystring: s.emptyQuery } },
    async (request) => ({ category: await upsertCategory(ctx.db.kysely, appOf(request), request.params.category, request.body ?? {}) }),
  );

  app.get('/v1/categories', { onRequest, schema: { tags: ['backend'], security, querystring: s.emptyQuery } }, async (request) => ({
    categories: await listCategories(ctx.db.kysely, appOf(request)),
  }));

  app.put<{ Params: { userId: string }; Body: UserUpsert }>(
    '/v1/users/:userId',
    { onRequest, schema: { tags: ['backend'], security, params: s.userParams, body: s.userBody, querystring: s.emptyQuery } },
    async (request) => ({ user: await upsertUser(ctx.db.kysely, appOf(request), request.params.userId, request.body ?? {}) }),
  );

  app.get<{ Params: { userId: string }; Querystring: FeedFilter & { limit: number; cursor?: string } }>(
    '/v1/users/:userId/notifications',
    { onRequest, schema: { tags: ['backend'], security, params: s.userParams, querystring: s.adminListQuery } },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return listFeed(ctx.db.kysely, appOf(request), request.params.userId, filter, limit, cursor);
    },
  );

  app.delete<{ Params: { userId: string; id: string } }>(
    '/v1/users/:userId/notifications/:id',
    { onRequest, schema: { tags: ['backend'], security, params: s.userNotificationParams, querystring: s.emptyQuery } },
    async (request) => deleteNotification(ctx, appOf(request), request.params.userId, request.params.id),
  );
}
