// The API reference: /docs served with its script from this server under a strict CSP, turned off by
// BELFRY_DOCS=off or `docs: false`, the try-it console pre-filled only when a secret is given (demo),
// and /v1/openapi.json valid OpenAPI by a standard validator, describing the API only.
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useServer } from './harness';

describe('API reference (/docs)', () => {
  describe('default', () => {
    const h = useServer('sqlite', {
      configure: (app) => {
        // Stands in for the playground's dev routes and static files registered beside the API.
        app.get('/playground/session', async () => ({ ok: true }));
        app.get('/belfry.js', async () => '');
      },
    });

    it('serves the page with a strict CSP: no remote script, only its own inline configuration by hash', async () => {
      const res = await h.call('GET', '/docs/');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'none'/);
      expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+(;|$)/);
      expect(csp).not.toMatch(/unsafe-eval|https?:/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      // every script the page loads is a path on this server
      const srcs = [...res.text.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
      expect(srcs.length).toBeGreaterThan(0);
      for (const src of srcs) {
        expect(src).not.toMatch(/^(https?:)?\/\//);
        const js = await h.call('GET', new URL(src, `${h.url}/docs/`).pathname);
        expect(js.status, src).toBe(200);
        expect(js.headers.get('content-type')).toMatch(/javascript/);
      }
      expect(res.text).toContain('/v1/openapi.json');
      expect(res.text).not.toMatch(/sk_test/);
    });

    it('/v1/openapi.json is valid OpenAPI and lists no dev routes or static files', async () => {
      const res = await h.call<Record<string, unknown> & { paths: Record<string, unknown> }>('GET', '/v1/openapi.json');
      await SwaggerParser.validate(structuredClone(res.body) as never);
      const paths = Object.keys(res.body.paths);
      expect(paths.length).toBeGreaterThan(20);
      for (const p of paths) expect(p).toMatch(/^\/v1\//);
      expect(paths.some((p) => /docs|openapi/.test(p))).toBe(false);
    });
  });

  describe('demo', () => {
    const h = useServer('sqlite', { docs: { secretKey: 'sk_test_demo_prefill' } });
    it('pre-fills the try-it console with the given secret key', async () => {
      const res = await h.call('GET', '/docs/');
      expect(res.text).toContain('sk_test_demo_prefill');
      expect(res.text).toMatch(/preferredSecurityScheme/);
    });
  });

  describe('turned off', () => {
    const h = useServer('sqlite', { docs: false });
    it('docs: false serves no reference', async () => {
      expect((await h.call('GET', '/docs/')).status).toBe(404);
      expect((await h.call('GET', '/v1/openapi.json')).status).toBe(200);
    });
  });

  describe('BELFRY_DOCS=off', () => {
    beforeAll(() => {
      process.env.BELFRY_DOCS = 'off';
    });
    const h = useServer('sqlite');
    afterAll(() => {
      delete process.env.BELFRY_DOCS;
    });
    it('the env switch turns it off', async () => {
      expect((await h.call('GET', '/docs/')).status).toBe(404);
    });
  });
});
