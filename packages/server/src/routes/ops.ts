// Operational endpoints: health, Prometheus metrics, the OpenAPI document.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.js';
import { emptyQuery } from './schemas.js';

export async function opsRoutes(app: FastifyInstance, ctx: Context): Promise<void> {
  app.get('/healthz', { schema: { hide: true, querystring: emptyQuery }, config: { rateLimit: false } }, async () => ({ ok: true }));

  app.get('/metrics', { schema: { hide: true, querystring: emptyQuery }, config: { rateLimit: false } }, async (_request, reply) => {
    reply.type(ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });

  app.get('/v1/openapi.json', { schema: { hide: true, querystring: emptyQuery }, config: { rateLimit: false } }, async () => app.swagger());
}
