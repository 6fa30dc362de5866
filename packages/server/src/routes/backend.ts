// Server-to-server routes, authenticated with the app's secret key.
import type { CategoryDefinition, FeedFilter, TriggerRequest, UserUpsert } from '@belfry/core/api';
import type { FastifyInstance } from 'fastify';
import { appOf, secretGuard } from '../auth/guards.js';
import type { Context } from '../context.js';
import { checkTriggerBody, requestMeta } from '../http/triggerBody.js';
import { listCategories, upsertCategory } from '../store/categories.js';
import { listFeed } from '../store/feed.js';
import { deleteNotification } from '../store/mutations.js';
import { triggerNotifications } from '../store/trigger.js';
import { upsertUser } from '../store/users.js';
import * as s from './schemas.js';

const security = [{ secretKey: [] }];

export async function backendRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  const onRequest = secretGuard(ctx.apps);

  app.post<{ Body: TriggerRequest }>(
    '/v1/notifications',
    { onRequest, schema: { tags: ['backend'], security, body: s.triggerBody, querystring: s.emptyQuery } },
    async (request, reply) => {
      checkTriggerBody(request.body, ctx.linkPolicy);
      const { response, created } = await triggerNotifications(ctx, appOf(request), request.body, requestMeta(request));
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
    async (request) => deleteNotification(ctx, appOf(request), request.params.userId, request.params.id, 'app'),
  );
}
