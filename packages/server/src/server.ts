// createBelfryServer: the database, the HTTP API (Fastify) and realtime (socket.io) on one port.
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { MasterKey } from './auth/masterKey.js';
import { SessionTokens } from './auth/sessionTokens.js';
import type { Context } from './context.js';
import { connectDb, type Dialect } from './db/connect.js';
import { installErrorHandling, routerErrorResponse } from './http/errorHandler.js';
import { installJsonParser } from './http/jsonParser.js';
import { rateLimitKey } from './http/rateLimitKey.js';
import { validatorCompiler } from './http/validation.js';
import { corsOrigin, originPolicy } from './http/origins.js';
import { Metrics } from './metrics.js';
import { resolveOptions, type BelfryServerOptions } from './options.js';
import { OrderedEmitter } from './realtime/orderedEmitter.js';
import { attachRealtime, type Realtime } from './realtime/socket.js';
import { backendRoutes } from './routes/backend.js';
import { inboxRoutes } from './routes/inbox.js';
import { opsRoutes } from './routes/ops.js';
import { responseDocs } from './routes/responses.js';
import { recordReach } from './lifecycle/reach.js';
import { lifecycleRoutes } from './lifecycle/routes.js';
import { lifecycleResponseDocs } from './lifecycle/schemas.js';
import { Apps, type CreateAppInput } from './store/apps.js';
import type { WorkHooks } from './store/work.js';
import { decorateDocument } from './docs/document.js';
import { docsRoutes } from './docs/reference.js';
import { Sweeper } from './sweeper.js';
import { requestId } from './http/requestId.js';
import { Dispatcher } from './webhooks/dispatcher.js';
import { createEgressGuard } from './webhooks/egress.js';
import { Webhooks } from './webhooks/endpoints.js';
import { webhookRoutes } from './webhooks/routes.js';
import { webhookResponseDocs } from './webhooks/schemas.js';

const docsByRoute = { ...responseDocs, ...lifecycleResponseDocs, ...webhookResponseDocs };

export interface BelfryServer {
  /** e.g. http://127.0.0.1:54321 */
  url: string;
  port: number;
  host: string;
  dialect: Dialect;
  /** The Fastify instance (for inject() in tests, or extra introspection). */
  app: FastifyInstance;
  /** Creates an app; the secret is returned once and stored hashed (and sealed, see README). */
  createApp(input: CreateAppInput): Promise<{ id: string; secret: string }>;
  /** Runs one sweep now (snooze wake-ups, expiry, history pruning) instead of waiting for the timer. */
  sweep(): Promise<void>;
  /** Looks for due webhook deliveries now instead of at the next poll. */
  dispatch(): void;
  /** Closes sockets, HTTP, timers and the database. Idempotent. */
  close(): Promise<void>;
}

export async function createBelfryServer(options: BelfryServerOptions = {}): Promise<BelfryServer> {
  const o = resolveOptions(options);
  // Before anything opens: a server that would answer every origin must not start by accident.
  const origins = originPolicy(o.allowedOrigins, o.dev);
  const db = await connectDb({ databaseUrl: o.databaseUrl, sqlitePath: o.sqlitePath });
  let app: FastifyInstance | undefined;
  let realtime: Realtime | undefined;
  try {
    const masterKey = o.masterKey ? MasterKey.fromString(o.masterKey) : MasterKey.fromFile(o.masterKeyPath);
    const apps = new Apps(db, masterKey);
    for (const seed of o.seedApps) await apps.upsert({ id: seed.id, secret: seed.secret, name: seed.name ?? seed.id });
    const sessions = new SessionTokens(o.sessionSecret, o.sessionTtlSeconds);
    const metrics = new Metrics();

    app = Fastify({
      logger: o.logger,
      bodyLimit: o.bodyLimit,
      forceCloseConnections: true,
      return503OnClosing: true,
      // Ids may be 128 characters; longer ones must reach validation (a 400 naming the field), not the router's 414.
      routerOptions: { maxParamLength: 1024 },
      frameworkErrors: routerErrorResponse,
      genReqId: requestId,
    });
    app.setValidatorCompiler(validatorCompiler());
    installJsonParser(app);
    installErrorHandling(app);
    app.decorateRequest('principal', null);
    app.addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', request.id);
    });
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      metrics.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
      metrics.duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    });

    await app.register(cors, {
      origin: corsOrigin(origins),
      credentials: false,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type'],
      exposedHeaders: ['Retry-After', 'X-Request-Id'],
      maxAge: 600,
    });
    if (o.rateLimit) {
      await app.register(rateLimit, { max: o.rateLimit.max, timeWindow: o.rateLimit.timeWindowMs, keyGenerator: rateLimitKey });
    }
    await app.register(swagger, {
      transform: ({ schema, url, route }) => {
        // The document describes the API only: dev routes and static files (playground) stay out.
        if (!url.startsWith('/v1/')) return { schema: { ...schema, hide: true }, url };
        const responses = docsByRoute[`${String(route.method)} ${route.url}`];
        return { schema: responses ? { ...schema, response: responses } : schema, url };
      },
      transformObject: (document) => decorateDocument('openapiObject' in document ? document.openapiObject : document.swaggerObject),
      openapi: {
        // 3.1: schemas are JSON Schema 2020-12 (type arrays for nullable, dependentRequired).
        openapi: '3.1.0',
        info: { title: 'Belfry notifications API', version: '1.0.0' },
        components: {
          securitySchemes: {
            secretKey: { type: 'http', scheme: 'bearer', description: 'The app secret key (sk_…), from backends only' },
            sessionToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'From POST /v1/inbox/session' },
          },
        },
      },
    });

    const live = (realtime = await attachRealtime(app.server, sessions, metrics, { ...o, origins }));
    const emitter = new OrderedEmitter(live.send);
    const guard = createEgressGuard({ open: o.dev, resolve: o.webhooks.resolve });
    const fastifyLog = app.log;
    const dispatcher = new Dispatcher(db, masterKey, guard, o.webhooks, fastifyLog);
    const hooks: WorkHooks = {
      committed(work) {
        if (work.events.deliveries > 0) dispatcher.wake();
        if (work.pushed.size > 0) {
          recordReach(db, live.reach, work.appId, work.pushed).catch((err: unknown) => fastifyLog.warn({ err }, 'could not record push reach'));
        }
      },
    };
    const webhooks = new Webhooks(db, masterKey, guard, () => dispatcher.wake());
    const ctx: Context = { db, apps, sessions, emitter, metrics, webhooks, hooks, linkPolicy: { allowedHosts: o.allowedLinkHosts }, userTokenMaxLifetimeSeconds: o.userTokenMaxLifetimeSeconds };
    await opsRoutes(app, ctx);
    await backendRoutes(app, ctx);
    await inboxRoutes(app, ctx);
    await lifecycleRoutes(app, ctx);
    await webhookRoutes(app, ctx);
    if (o.docs) await docsRoutes(app, o.docs);
    if (o.configure) await o.configure(app);

    app.addHook('preClose', async () => live.disconnectAll());
    await app.listen({ port: o.port, host: o.host });
    const port = (app.server.address() as AddressInfo).port;
    const host = o.host === '0.0.0.0' || o.host === '::' ? '127.0.0.1' : o.host;

    const log = app.log;
    const sweeper = new Sweeper(ctx, o.sweepIntervalMs, (err) => log.error({ err }, 'sweep failed'), o.eventRetentionDays * 86_400_000);
    sweeper.start();
    if (o.webhooks.dispatch) dispatcher.start();

    let closing: Promise<void> | undefined;
    const fastify = app;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      port,
      host,
      dialect: db.dialect,
      app: fastify,
      createApp: (input) => apps.create(input),
      sweep: () => sweeper.sweep(true),
      dispatch: () => dispatcher.wake(),
      close: () =>
        (closing ??= (async () => {
          await sweeper.stop();
          await dispatcher.stop();
          await fastify.close();
          await live.close();
          await db.close();
        })()),
    };
  } catch (err) {
    await app?.close().catch(() => undefined);
    await realtime?.close().catch(() => undefined);
    await db.close();
    throw err;
  }
}
