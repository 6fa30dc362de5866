// User JWTs must carry iat, and live at most the server's maximum (exp - iat; 24 h by default): a
// token with an exp years ahead is a permanent credential once leaked. Each refusal has its own code.
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionResponse } from '@belfry/core/api';
import { resolveOptions } from '../src/options';
import { databases, expectError, rid, useServer, type Harness } from './harness';

const now = () => Math.floor(Date.now() / 1000);
const HOUR = 3600;

function token(h: Harness, userId: string, claims: { iat?: number; exp: number }) {
  const jwt = new SignJWT({ app: h.appA.id }).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setExpirationTime(claims.exp);
  if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
  return jwt.sign(new TextEncoder().encode(h.appA.secret));
}

const exchange = (h: Harness, userToken: string) => h.call<SessionResponse>('POST', '/v1/inbox/session', { body: { appId: h.appA.id, userToken } });

describe.each(databases())('user token lifetime (%s)', (kind) => {
  const h = useServer(kind);
  const short = useServer(kind, { userTokenMaxLifetimeSeconds: 600 });

  it('accepts a token of exactly the default maximum, 24 h', async () => {
    const t = now();
    const res = await exchange(h, await token(h, rid(), { iat: t, exp: t + 24 * HOUR }));
    expect(res.status, res.text).toBe(200);
    expect(typeof res.body.token).toBe('string');
  });

  it('refuses an exp 100 years ahead: 401 token_lifetime_exceeded, saying the limit', async () => {
    const t = now();
    const res = await exchange(h, await token(h, rid(), { iat: t, exp: t + 100 * 365 * 24 * HOUR }));
    expectError(res, 401, 'token_lifetime_exceeded', /at most 86400 s/);
    const justOver = await exchange(h, await token(h, rid(), { iat: t, exp: t + 24 * HOUR + 1 }));
    expectError(justOver, 401, 'token_lifetime_exceeded');
  });

  it('refuses a token without iat: 401 token_claims_invalid naming iat', async () => {
    const res = await exchange(h, await token(h, rid(), { exp: now() + 60 }));
    expectError(res, 401, 'token_claims_invalid', /iat/);
  });

  it('refuses an iat in the future (it would make any lifetime look short)', async () => {
    const t = now();
    const res = await exchange(h, await token(h, rid(), { iat: t + 10 * 365 * 24 * HOUR, exp: t + 10 * 365 * 24 * HOUR + 60 }));
    expectError(res, 401, 'token_claims_invalid', /future/);
  });

  it('the maximum is configurable (userTokenMaxLifetimeSeconds)', async () => {
    const t = now();
    expectError(await exchange(short, await token(short, rid(), { iat: t, exp: t + HOUR })), 401, 'token_lifetime_exceeded', /at most 600 s/);
    expect((await exchange(short, await token(short, rid(), { iat: t, exp: t + 600 }))).status).toBe(200);
  });
});

describe('userTokenMaxLifetimeSeconds from the environment', () => {
  const before = process.env.BELFRY_USER_TOKEN_MAX_LIFETIME;
  afterEach(() => {
    if (before === undefined) delete process.env.BELFRY_USER_TOKEN_MAX_LIFETIME;
    else process.env.BELFRY_USER_TOKEN_MAX_LIFETIME = before;
  });

  it('defaults to 86400, reads BELFRY_USER_TOKEN_MAX_LIFETIME, and refuses nonsense at start', () => {
    delete process.env.BELFRY_USER_TOKEN_MAX_LIFETIME;
    expect(resolveOptions({ dev: true }).userTokenMaxLifetimeSeconds).toBe(86_400);
    process.env.BELFRY_USER_TOKEN_MAX_LIFETIME = '3600';
    expect(resolveOptions({ dev: true }).userTokenMaxLifetimeSeconds).toBe(3600);
    process.env.BELFRY_USER_TOKEN_MAX_LIFETIME = 'a day';
    expect(() => resolveOptions({ dev: true })).toThrow(/BELFRY_USER_TOKEN_MAX_LIFETIME/);
  });
});
