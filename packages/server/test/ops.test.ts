// Operational surface: rate limiting per app key (429 + Retry-After), CORS for allowed origins only,
// /healthz, Prometheus /metrics and the generated OpenAPI document.
import { describe, expect, it } from 'vitest';
import { databases, expectError, useServer } from './harness';

const ALLOWED = 'https://allowed.example';

describe.each(databases())('ops (%s)', (db) => {
  describe('rate limit', () => {
    const h = useServer(db, { rateLimit: { max: 3, timeWindowMs: 60_000 } });

    it('answers 429 rate_limited with Retry-After once an app key is over its limit; other apps are unaffected', async () => {
      for (let i = 0; i < 3; i++) expect((await h.secret('GET', '/v1/categories')).status).toBe(200);
      const res = await h.secret('GET', '/v1/categories');
      expectError(res, 429, 'rate_limited');
      const after = Number(res.headers.get('retry-after'));
      expect(Number.isInteger(after), `Retry-After: ${res.headers.get('retry-after')}`).toBe(true);
      expect(after).toBeGreaterThan(0);
      expect(after).toBeLessThanOrEqual(60);
      expect((await h.secret('GET', '/v1/categories', undefined, h.appB)).status).toBe(200);
    });
  });

  describe('http surface', () => {
    const h = useServer(db, { allowedOrigins: [ALLOWED] });

    it('CORS: preflight and responses carry the allowed origin, and only that one', async () => {
      const pre = await h.call('OPTIONS', '/v1/inbox/notifications/abc', {
        headers: { origin: ALLOWED, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect([200, 204]).toContain(pre.status);
      expect(pre.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(pre.headers.get('access-control-allow-methods')).toMatch(/PATCH/);
      expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(/authorization/);
      const get = await h.call('GET', '/healthz', { headers: { origin: ALLOWED } });
      expect(get.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      const evil = await h.call('OPTIONS', '/v1/inbox/notifications', {
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
      });
      expect(evil.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
      expect(evil.headers.get('access-control-allow-origin')).not.toBe('*');
    });

    it('/healthz is ok', async () => {
      const res = await h.call<{ ok: boolean }>('GET', '/healthz');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true });
    });

    it('/metrics is Prometheus text', async () => {
      await h.call('GET', '/healthz');
      const res = await h.call('GET', '/metrics');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/plain/);
      expect(res.text).toMatch(/^# HELP \w+/m);
      expect(res.text).toMatch(/^# TYPE \w+ (counter|gauge|histogram|summary)/m);
    });

    it('/v1/openapi.json lists every route', async () => {
      const res = await h.call<{ openapi?: string; swagger?: string; paths: Record<string, Record<string, unknown>> }>('GET', '/v1/openapi.json');
      expect(res.status).toBe(200);
      expect(res.body.openapi ?? res.body.swagger).toBeTruthy();
      const expected: Array<[string, string[]]> = [
        ['/v1/notifications', ['post']],
        ['/v1/categories', ['get']],
        ['/v1/categories/{category}', ['put']],
        ['/v1/users/{userId}', ['put']],
        ['/v1/users/{userId}/notifications', ['get']],
        ['/v1/users/{userId}/notifications/{id}', ['delete']],
        ['/v1/inbox/session', ['post']],
        ['/v1/inbox/notifications', ['get']],
        ['/v1/inbox/notifications/{id}', ['patch', 'delete']],
        ['/v1/inbox/notifications/bulk', ['post']],
        ['/v1/inbox/counts', ['get']],
        ['/v1/inbox/changes', ['get']],
        ['/v1/inbox/preferences', ['get', 'put']],
        ['/v1/notifications/preview', ['post']],
        ['/v1/messages', ['get']],
        ['/v1/messages/{id}', ['get']],
        ['/v1/messages/{id}/events', ['get']],
        ['/v1/notifications/{id}/events', ['get']],
        ['/v1/webhooks', ['get', 'post']],
        ['/v1/webhooks/{id}', ['get', 'patch', 'delete']],
        ['/v1/webhooks/{id}/rotate-secret', ['post']],
        ['/v1/webhooks/{id}/deliveries', ['get']],
        ['/v1/webhooks/{id}/deliveries/{deliveryId}/replay', ['post']],
      ];
      // Lifecycle and webhook operations are documented: summary, description, success and error responses.
      for (const [path, methods] of expected.filter(([p]) => /messages|events|preview|webhooks/.test(p))) {
        for (const m of methods) {
          const op = res.body.paths[path]?.[m] as { summary?: string; description?: string; responses?: Record<string, unknown> } | undefined;
          expect(op?.summary, `${m} ${path} summary`).toEqual(expect.any(String));
          expect(op?.description?.length ?? 0, `${m} ${path} description`).toBeGreaterThan(20);
          expect(Object.keys(op?.responses ?? {}), `${m} ${path} responses`).toEqual(expect.arrayContaining(['401', '429']));
          expect(Object.keys(op?.responses ?? {}).some((code) => /^2\d\d$/.test(code)), `${m} ${path} success response`).toBe(true);
        }
      }
      // generated from the route schemas, not written by hand: the trigger body carries its limits
      const post = res.body.paths['/v1/notifications']?.post as { requestBody?: { content?: Record<string, { schema?: unknown }> } } | undefined;
      const schema = JSON.stringify(post?.requestBody?.content?.['application/json']?.schema ?? {});
      expect(schema).toMatch(/"title":\{[^}]*"maxLength":200/);
      expect(schema).toMatch(/"recipients":\{[^}]*"maxItems":1000/);
      for (const [path, methods] of expected) {
        expect(Object.keys(res.body.paths), path).toContain(path);
        for (const m of methods) expect(Object.keys(res.body.paths[path] ?? {}), `${m} ${path}`).toContain(m);
      }
    });
  });
});
