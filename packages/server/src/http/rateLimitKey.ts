// Rate-limit buckets: one per app secret, one per (app, user) for session tokens, else per IP.
// The key is read before authentication, so a forged token only spends its own claimed bucket.
import type { FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import { bearerOf } from '../auth/guards.js';
import { sha256Hex } from '../auth/crypto.js';

export function rateLimitKey(request: FastifyRequest): string {
  const token = bearerOf(request);
  if (token?.startsWith('sk_')) return `app:${sha256Hex(token)}`;
  if (token) {
    try {
      const claims = decodeJwt(token);
      if (typeof claims.app === 'string' && typeof claims.sub === 'string') return `user:${claims.app}:${claims.sub}`;
    } catch {
      // not a JWT: falls back to the address
    }
  }
  return `ip:${request.ip}`;
}
