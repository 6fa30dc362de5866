// DEV-ONLY routes behind the playground's Activity panel: the app's messages and a notification's
// timeline (read with the secret, server-side), and a webhook receiver on this same dev server that
// verifies every delivery with the `standardwebhooks` package, so a newcomer sees signed deliveries
// arrive. The receiver's endpoint is registered (or its secret rotated) on first use; it needs the
// server's dev mode, since it is on loopback.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { Webhook } from 'standardwebhooks';

export interface ReceivedDelivery {
  webhookId: string;
  type: string;
  eventId: string;
  notificationId: string | null;
  /** webhook-timestamp (seconds). */
  timestamp: string;
  verified: boolean;
  at: string;
}

const KEEP = 30;
const hidden = { schema: { hide: true } };

export async function activityRoutes(fastify: FastifyInstance, secret: string, pickUser: (raw: unknown) => string | null): Promise<void> {
  const api = async (method: InjectOptions['method'], url: string, body?: unknown) => {
    const res = await fastify.inject({
      method,
      url,
      headers: { authorization: `Bearer ${secret}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    return { status: res.statusCode, body: res.body };
  };
  const relay = async (reply: { code(n: number): { header(k: string, v: string): { send(b: string): unknown } } }, r: { status: number; body: string }) =>
    reply.code(r.status).header('content-type', 'application/json').send(r.body);

  fastify.get('/playground/activity/messages', hidden, async (request, reply) => {
    const userId = pickUser((request.query as Record<string, unknown>).userId);
    if (!userId) return reply.code(400).send({ error: { code: 'bad_request', message: 'querystring/userId is invalid', field: 'userId' } });
    return relay(reply, await api('GET', `/v1/messages?limit=8&userId=${encodeURIComponent(userId)}`));
  });

  fastify.get('/playground/activity/messages/:id', hidden, async (request, reply) =>
    relay(reply, await api('GET', `/v1/messages/${encodeURIComponent((request.params as { id: string }).id)}`)),
  );

  fastify.get('/playground/activity/notifications/:id/events', hidden, async (request, reply) =>
    relay(reply, await api('GET', `/v1/notifications/${encodeURIComponent((request.params as { id: string }).id)}/events?limit=100`)),
  );

  // ---- the built-in webhook receiver -------------------------------------------------------------
  const received: ReceivedDelivery[] = [];
  let secrets: string[] = [];
  let endpoint: Promise<{ id: string; url: string }> | undefined;

  const ensureEndpoint = (host: string) =>
    (endpoint ??= (async () => {
      const url = `http://${host}/playground/webhooks/receive`;
      const list = JSON.parse((await api('GET', '/v1/webhooks')).body) as { webhooks?: Array<{ id: string; url: string }> };
      const existing = list.webhooks?.find((w) => w.url === url);
      // The secret is shown once: an endpoint left from an earlier run gets a fresh one.
      const res = existing
        ? await api('POST', `/v1/webhooks/${existing.id}/rotate-secret`, { graceSeconds: 0 })
        : await api('POST', '/v1/webhooks', { url, events: ['*'], description: 'playground receiver (npm start)' });
      const body = JSON.parse(res.body) as { webhook?: { id: string; url: string }; secret?: string; error?: { message: string } };
      if (!body.webhook || !body.secret) {
        endpoint = undefined;
        throw new Error(`could not register the playground receiver: ${body.error?.message ?? res.status}`);
      }
      secrets = [body.secret];
      return body.webhook;
    })());

  fastify.get('/playground/webhooks', hidden, async (request, reply) => {
    try {
      const webhook = await ensureEndpoint(request.headers.host ?? '127.0.0.1');
      reply.header('cache-control', 'no-store');
      return { webhook, received: [...received].reverse() };
    } catch (err) {
      return reply.code(503).send({ error: { code: 'internal', message: (err as Error).message } });
    }
  });

  // Verification needs the exact bytes that were signed: this route keeps the body as text.
  await fastify.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post('/playground/webhooks/receive', hidden, async (request, reply) => {
      const body = String(request.body ?? '');
      const headers = {
        'webhook-id': String(request.headers['webhook-id'] ?? ''),
        'webhook-timestamp': String(request.headers['webhook-timestamp'] ?? ''),
        'webhook-signature': String(request.headers['webhook-signature'] ?? ''),
      };
      const verified = secrets.some((s) => {
        try {
          new Webhook(s).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      let payload: { type?: string; data?: { notificationId?: string } } = {};
      try {
        payload = JSON.parse(body) as typeof payload;
      } catch {
        // an unverifiable body is recorded as such
      }
      received.push({
        webhookId: (await endpoint)?.id ?? '',
        type: payload.type ?? '?',
        eventId: headers['webhook-id'],
        notificationId: payload.data?.notificationId ?? null,
        timestamp: headers['webhook-timestamp'],
        verified,
        at: new Date().toISOString(),
      });
      if (received.length > KEEP) received.splice(0, received.length - KEEP);
      return reply.code(verified ? 204 : 401).send();
    });
  });
}
