// DEV-ONLY routes for the playground, the examples and the e2e suite. They stand in for "your backend":
// the app secret stays on the server, the browser only ever receives a userKey computed here.
// Never register this plugin in a production server.
import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { activityRoutes } from './activityRoutes.js';
import { serveStatic, type StaticMount } from './serveStatic.js';

export interface PlaygroundRoutesOptions {
  appId: string;
  /** The app's secret key; used server-side only. */
  secret: string;
  /** The user the playground acts as when a request names none. */
  defaultUserId?: string;
  /** Directories served as static files (the playground page, the standalone script, built examples). */
  mounts?: StaticMount[];
}

const USER_ID = /^[A-Za-z0-9_.@-]{1,128}$/;

export interface SendBody {
  userId?: string;
  title?: string;
  body?: string;
  category?: string;
  actionUrl?: string;
  /** Adds two action buttons ("Approve", "Later") to show clicks with an action. */
  withActions?: boolean;
}

export async function playgroundRoutes(fastify: FastifyInstance, options: PlaygroundRoutesOptions): Promise<void> {
  const { appId, secret } = options;
  const defaultUserId = options.defaultUserId ?? 'demo-user';
  const userKeyFor = (userId: string) => createHmac('sha256', secret).update(userId).digest('hex');

  const pickUser = (raw: unknown): string | null => {
    const userId = typeof raw === 'string' && raw !== '' ? raw : defaultUserId;
    return USER_ID.test(userId) ? userId : null;
  };

  // What a real backend would hand its signed-in user: the app id, the user id and its userKey.
  fastify.get('/playground/session', async (request, reply) => {
    const userId = pickUser((request.query as Record<string, unknown>).userId);
    if (!userId) return reply.code(400).send({ error: { code: 'bad_request', message: 'querystring/userId is invalid', field: 'userId' } });
    reply.header('cache-control', 'no-store');
    return { appId, userId, userKey: userKeyFor(userId) };
  });

  // Triggers a notification with the secret, in-process; the response is the API's own.
  fastify.post('/playground/send', async (request, reply) => {
    const input = (request.body ?? {}) as SendBody;
    const userId = pickUser(input.userId);
    if (!userId) return reply.code(400).send({ error: { code: 'bad_request', message: 'body/userId is invalid', field: 'userId' } });
    const payload: Record<string, unknown> = {
      recipients: [userId],
      category: input.category || 'general',
      title: input.title || 'Hello from the playground',
    };
    if (input.body) payload.body = input.body;
    if (input.actionUrl) payload.actionUrl = input.actionUrl;
    if (input.withActions) payload.actions = [{ id: 'approve', label: 'Approve', style: 'primary' }, { id: 'later', label: 'Later' }];
    const result = await fastify.inject({
      method: 'POST',
      url: '/v1/notifications',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', 'user-agent': 'belfry-playground' },
      payload: JSON.stringify(payload),
    });
    reply.code(result.statusCode).header('content-type', 'application/json').send(result.body);
  });

  await activityRoutes(fastify, secret, pickUser);

  for (const mount of options.mounts ?? []) serveStatic(fastify, mount);
}
