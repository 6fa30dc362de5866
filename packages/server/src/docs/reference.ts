// The interactive API reference at /docs: Scalar's Fastify plugin over /v1/openapi.json, its script
// served from this server (never a CDN) and the page locked down by a strict Content-Security-Policy.
import apiReference from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';

export interface DocsOptions {
  /** Pre-fills the try-it console's secret key (the demo app's, in demo mode only). */
  secretKey?: string;
}

const inlineScripts = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

/** The page's own inline scripts (its configuration) are allowed by hash; nothing else inline runs. */
export function contentSecurityPolicy(html: string): string {
  const hashes = [...html.matchAll(inlineScripts)].map((m) => `'sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}'`);
  return [
    "default-src 'none'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    // The reference sets element styles at run time; no remote stylesheet or font is allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export async function docsRoutes(app: FastifyInstance, options: DocsOptions): Promise<void> {
  await app.register(async (scope) => {
    let cached: { html: string; csp: string } | undefined;
    scope.addHook('onSend', async (_request, reply, payload) => {
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      if (typeof payload !== 'string' || !String(reply.getHeader('content-type')).startsWith('text/html')) return payload;
      if (cached?.html !== payload) cached = { html: payload, csp: contentSecurityPolicy(payload) };
      reply.header('content-security-policy', cached.csp);
      return payload;
    });
    await scope.register(apiReference, {
      routePrefix: '/docs',
      logLevel: 'warn',
      configuration: {
        url: '/v1/openapi.json',
        pageTitle: 'Belfry API reference',
        withDefaultFonts: false,
        telemetry: false,
        hideClientButton: true,
        showDeveloperTools: 'never',
        mcp: { disabled: true },
        defaultOpenFirstTag: true,
        ...(options.secretKey
          ? { authentication: { preferredSecurityScheme: 'secretKey', securitySchemes: { secretKey: { token: options.secretKey } } } }
          : {}),
      },
    });
  });
}
