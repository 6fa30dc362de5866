// Inbox routes: authenticated with a session token, acting only on the session's (app, user).
import type { BulkRequest, FeedFilter, NotificationPatch, PreferencesUpdate, SessionRequest } from '@belfry/core/api';
import type { FastifyInstance } from 'fastify';
import { exchangeSession } from '../auth/exchange.js';
import { sessionGuard, sessionOf } from '../auth/guards.js';
import type { Context } from '../context.js';
import { badRequest } from '../errors.js';
import { assertFutureDate } from '../http/dates.js';
import { readChanges } from '../store/changes.js';
import { countsOf, currentSeq, listFeed } from '../store/feed.js';
import { listGroups } from '../store/groups.js';
import { bulkUpdate, deleteNotification, patchNotification } from '../store/mutations.js';
import { getPreferences, updatePreferences } from '../store/preferences.js';
import * as s from './schemas.js';

const security = [{ sessionToken: [] }];

export async function inboxRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  const onRequest = sessionGuard(ctx.sessions);

  app.post<{ Body: SessionRequest }>(
    '/v1/inbox/session',
    { schema: { tags: ['inbox'], body: s.sessionBody, querystring: s.emptyQuery } },
    async (request) => exchangeSession(ctx.apps, ctx.sessions, request.body, ctx.userTokenMaxLifetimeSeconds),
  );

  app.get<{ Querystring: FeedFilter & { limit: number; cursor?: string; grouped: boolean } }>(
    '/v1/inbox/notifications',
    { onRequest, schema: { tags: ['inbox'], security, querystring: s.feedQuery } },
    async (request) => {
      const { appId, userId } = sessionOf(request);
      const { limit, cursor, grouped, ...filter } = request.query;
      if (grouped) return listGroups(ctx.db.kysely, appId, userId, filter, { limit, cursor });
      return listFeed(ctx.db.kysely, appId, userId, filter, limit, cursor);
    },
  );

  app.get<{ Querystring: { byCategory: boolean } }>(
    '/v1/inbox/counts',
    { onRequest, schema: { tags: ['inbox'], security, querystring: s.countsQuery } },
    async (request) => {
      const { appId, userId } = sessionOf(request);
      // seq first, as for pages: a change landing between the two reads is replayed, never missed.
      const seq = await currentSeq(ctx.db.kysely, appId, userId);
      return { ...(await countsOf(ctx.db.kysely, appId, userId, request.query.byCategory)), seq };
    },
  );

  app.patch<{ Params: { id: string }; Body: NotificationPatch }>(
    '/v1/inbox/notifications/:id',
    { onRequest, schema: { tags: ['inbox'], security, params: s.idParams, body: s.patchBody, querystring: s.emptyQuery } },
    async (request) => {
      const { appId, userId } = sessionOf(request);
      const until = request.body.snoozedUntil;
      if (typeof until === 'string') assertFutureDate(until, 'snoozedUntil');
      return patchNotification(ctx, appId, userId, request.params.id, request.body);
    },
  );

  app.post<{ Body: BulkRequest }>(
    '/v1/inbox/notifications/bulk',
    { onRequest, schema: { tags: ['inbox'], security, body: s.bulkBody, querystring: s.emptyQuery } },
    async (request) => {
      const { appId, userId } = sessionOf(request);
      const body = request.body;
      const bySet = body.filter !== undefined || body.groupKey !== undefined;
      if ((body.ids === undefined) === !bySet) throw badRequest('ids', 'body must have either ids, or a filter and/or a groupKey');
      if (body.read === undefined && body.seen === undefined && body.archived === undefined) {
        throw badRequest('read', 'body must set at least one of read, seen or archived');
      }
      if (body.ids && new Set(body.ids).size !== body.ids.length) throw badRequest('ids', 'body/ids must not contain duplicates');
      return bulkUpdate(ctx, appId, userId, body);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/v1/inbox/notifications/:id',
    { onRequest, schema: { tags: ['inbox'], security, params: s.idParams, querystring: s.emptyQuery } },
    async (request) => {
      const { appId, userId } = sessionOf(request);
      return deleteNotification(ctx, appId, userId, request.params.id, 'user');
    },
  );

  app.get<{ Querystring: { since: number; limit: number } }>(
    '/v1/inbox/changes',
    { onRequest, schema: { tags: ['inbox'], security, querystring: s.changesQuery } },
    async (request) => {
      const { appId, userId } = sessionOf(request);
      return readChanges(ctx.db.kysely, appId, userId, request.query.since, request.query.limit);
    },
  );

  app.get('/v1/inbox/preferences', { onRequest, schema: { tags: ['inbox'], security, querystring: s.emptyQuery } }, async (request) => {
    const { appId, userId } = sessionOf(request);
    return getPreferences(ctx.db.kysely, appId, userId);
  });

  app.put<{ Body: PreferencesUpdate }>(
    '/v1/inbox/preferences',
    { onRequest, schema: { tags: ['inbox'], security, body: s.preferencesBody, querystring: s.emptyQuery } },
    async (request) => {
      const { appId, userId } = sessionOf(request);
      return updatePreferences(ctx.db.kysely, appId, userId, request.body);
    },
  );
}
