// onRequest guards: they run before body parsing and validation, so a missing or wrong credential is
// a 401 whatever the body holds. They leave the authenticated principal on `request.principal`.
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../errors.js';
import type { Apps } from '../store/apps.js';
import type { SessionTokens } from './sessionTokens.js';

export interface Principal {
  appId: string;
  /** Set for session-token (inbox) requests. */
  userId?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

const looksLikeJwt = (token: string) => token.split('.').length === 3 && !token.startsWith('sk_');

export function secretGuard(apps: Apps) {
  return async (request: FastifyRequest) => {
    const token = bearerOf(request);
    if (!token) throw unauthorized('missing Authorization: Bearer <secret key>');
    if (looksLikeJwt(token)) throw forbidden('this route needs the app secret key, not a session token');
    const app = await apps.bySecret(token);
    if (!app) throw unauthorized('invalid secret key');
    request.principal = { appId: app.id };
  };
}

export function sessionGuard(sessions: SessionTokens) {
  return async (request: FastifyRequest) => {
    const token = bearerOf(request);
    if (!token) throw unauthorized('missing Authorization: Bearer <session token>');
    if (token.startsWith('sk_')) throw forbidden('a secret key must never be sent from a browser; use a session token');
    const claims = await sessions.verify(token);
    request.principal = { appId: claims.appId, userId: claims.userId };
  };
}

/** The session's (app, user); only called on routes behind sessionGuard. */
export function sessionOf(request: FastifyRequest): { appId: string; userId: string } {
  const p = request.principal;
  if (!p?.userId) throw unauthorized();
  return { appId: p.appId, userId: p.userId };
}

export function appOf(request: FastifyRequest): string {
  const p = request.principal;
  if (!p || p.userId !== undefined) throw unauthorized();
  return p.appId;
}
