// Auth matrix: every inbox route and the socket handshake refuse missing, forged, expired and
// wrong-kind credentials; other users' and other apps' resources are invisible (404, never a leak);
// secret routes refuse session tokens; the session exchange refuses bad userKeys and user JWTs.
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Counts, ListResponse, Preferences, SessionResponse } from '@belfry/core/api';
import { signUserToken, userKeyFor } from '../src/index';
import { SESSION_SECRET, databases, expectError, rid, useServer, type InboxUser } from './harness';

const key = (s: string) => new TextEncoder().encode(s);
const jwt = (claims: Record<string, unknown>, secret: string, expSecondsFromNow: number) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
    .setExpirationTime(Math.floor(Date.now() / 1000) + expSecondsFromNow)
    .sign(key(secret));

/** [method, path(id), body] for every inbox route; `id` is a notification of the caller's victim. */
const inboxRoutes = (id: string): Array<[string, string, unknown?]> => [
  ['GET', '/v1/inbox/notifications'],
  ['GET', '/v1/inbox/counts'],
  ['PATCH', `/v1/inbox/notifications/${id}`, { read: true }],
  ['POST', '/v1/inbox/notifications/bulk', { ids: [id], read: true }],
  ['DELETE', `/v1/inbox/notifications/${id}`],
  ['GET', '/v1/inbox/changes?since=0'],
  ['GET', '/v1/inbox/preferences'],
  ['PUT', '/v1/inbox/preferences', { categories: { general: { channels: { email: false } } } }],
];

describe.each(databases())('auth (%s)', (db) => {
  const h = useServer(db);
  let victim: InboxUser;
  let victimId: string; // a notification of victim (app A)
  const bad: Record<string, string | undefined> = {};

  beforeAll(async () => {
    victim = await h.user();
    victimId = (await h.notify(victim.id, 1))[0]!;
    const claims = { app: h.appA.id, sub: victim.id, typ: 'session' };
    bad['no token'] = undefined;
    bad['garbage token'] = 'not-a-jwt';
    bad['forged session token'] = await jwt(claims, 'some-other-signing-key-0123456789abcdef', 600);
    bad['expired session token'] = await jwt(claims, SESSION_SECRET, -60);
    bad['app secret key'] = h.appA.secret;
    bad['user JWT instead of a session'] = await signUserToken({ secret: h.appA.secret, appId: h.appA.id, userId: victim.id, expiresInSeconds: 600 });
  });

  it('a session token minted with the configured signing key is accepted (so the expired case is meaningful)', async () => {
    const token = await jwt({ app: h.appA.id, sub: victim.id, typ: 'session' }, SESSION_SECRET, 600);
    const res = await h.call<ListResponse>('GET', '/v1/inbox/notifications', { token });
    expect(res.status, res.text).toBe(200);
    expect(res.body.items.map((n) => n.id)).toEqual([victimId]);
  });

  it('every inbox route refuses every bad credential with 401 (403 allowed for a secret key)', async () => {
    for (const [label, token] of Object.entries(bad)) {
      for (const [method, path, body] of inboxRoutes(victimId)) {
        const res = await h.call(method, path, { token, body });
        const codes = label.startsWith('expired') ? (['token_expired', 'unauthorized'] as const) : (['unauthorized'] as const);
        // the contract allows 401 or 403 for a secret key on an inbox route
        const secretKey = label === 'app secret key' && res.status === 403;
        try {
          if (secretKey) expectError(res, 403, 'forbidden');
          else expectError(res, 401, [...codes]);
        } catch (e) {
          throw new Error(`${label} on ${method} ${path}: ${(e as Error).message}`);
        }
      }
    }
    // nothing was changed by any of those calls
    const list = await victim.call<ListResponse>('GET', '/v1/inbox/notifications');
    expect(list.body.items[0]?.readAt).toBeNull();
  });

  it('the socket handshake refuses every bad credential with connect_error "unauthorized"', async () => {
    for (const [label, token] of Object.entries(bad)) {
      const err = await h.socket(token).then(
        (s) => (s.close(), null),
        (e: Error) => e,
      );
      expect(err?.message, label).toBe('unauthorized');
    }
  });

  it("another user's notification is invisible: 404 on patch/delete, untouched by bulk, absent from reads", async () => {
    const other = await h.user();
    await h.notify(other.id, 1);
    expectError(await other.call('PATCH', `/v1/inbox/notifications/${victimId}`, { read: true }), 404, 'not_found');
    expectError(await other.call('DELETE', `/v1/inbox/notifications/${victimId}`), 404, 'not_found');
    const bulk = await other.call<{ updated: number }>('POST', '/v1/inbox/notifications/bulk', { ids: [victimId], read: true });
    expect(bulk.status, bulk.text).toBe(200);
    expect(bulk.body.updated).toBe(0);
    const list = await other.call<ListResponse>('GET', '/v1/inbox/notifications');
    expect(list.body.items.map((n) => n.id)).not.toContain(victimId);
    expect(list.body.items).toHaveLength(1);
    const counts = await other.call<Counts>('GET', '/v1/inbox/counts');
    expect(counts.body.total).toBe(1);
    const changes = await other.call<{ changes: Array<{ notification?: { id: string }; ids?: string[] }> }>('GET', '/v1/inbox/changes?since=0');
    expect(JSON.stringify(changes.body.changes)).not.toContain(victimId);
    const mine = await victim.call<ListResponse>('GET', '/v1/inbox/notifications');
    expect(mine.body.items[0]).toMatchObject({ id: victimId, readAt: null });
  });

  it("another app's user with the same id, and its resources, are invisible", async () => {
    const twin = await h.user(victim.id, h.appB); // same userId, app B
    const [bId] = await h.notify(victim.id, 1, { category: 'b_only' }, h.appB);
    const twinList = await twin.call<ListResponse>('GET', '/v1/inbox/notifications');
    expect(twinList.body.items.map((n) => n.id)).toEqual([bId]);
    expectError(await victim.call('PATCH', `/v1/inbox/notifications/${bId}`, { read: true }), 404, 'not_found');
    expectError(await victim.call('DELETE', `/v1/inbox/notifications/${bId}`), 404, 'not_found');
    expectError(await twin.call('PATCH', `/v1/inbox/notifications/${victimId}`, { archived: true }), 404, 'not_found');
    const bulk = await victim.call<{ updated: number }>('POST', '/v1/inbox/notifications/bulk', { ids: [bId], archived: true });
    expect(bulk.body.updated).toBe(0);
    const prefs = await victim.call<Preferences>('GET', '/v1/inbox/preferences');
    expect(Object.keys(prefs.body.categories)).not.toContain('b_only');
    const put = await victim.call('PUT', '/v1/inbox/preferences', { categories: { b_only: { channels: { in_app: false } } } });
    expectError(put, 400, 'bad_request', 'categories.b_only');
    const mine = await victim.call<ListResponse>('GET', '/v1/inbox/notifications');
    expect(mine.body.items.map((n) => n.id)).toEqual([victimId]);
    const still = await twin.call<ListResponse>('GET', '/v1/inbox/notifications');
    expect(still.body.items[0]).toMatchObject({ id: bId, readAt: null, archivedAt: null });
  });

  it('secret routes refuse missing/wrong secrets and session tokens; app B cannot touch app A data', async () => {
    const routes: Array<[string, string, unknown?]> = [
      ['POST', '/v1/notifications', { recipients: [victim.id], category: 'general', title: 'x' }],
      ['PUT', '/v1/categories/general', { label: 'General' }],
      ['GET', '/v1/categories'],
      ['PUT', `/v1/users/${victim.id}`, { name: 'Mallory' }],
      ['GET', `/v1/users/${victim.id}/notifications`],
      ['DELETE', `/v1/users/${victim.id}/notifications/${victimId}`],
    ];
    const creds: Array<[string, string | undefined, number[]]> = [
      ['no secret', undefined, [401]],
      ['wrong secret', 'sk_test_wrong_0123456789', [401]],
      ['session token', victim.token, [401, 403]],
      ['userKey', userKeyFor(h.appA.secret, victim.id), [401]],
    ];
    for (const [label, token, statuses] of creds) {
      for (const [method, path, body] of routes) {
        const res = await h.call(method, path, { token, body });
        expect(statuses, `${label} on ${method} ${path}: ${res.status} ${res.text}`).toContain(res.status);
        expectError(res, res.status, res.status === 403 ? 'forbidden' : 'unauthorized');
      }
    }
    expectError(await h.secret('DELETE', `/v1/users/${victim.id}/notifications/${victimId}`, undefined, h.appB), 404, 'not_found');
    const bList = await h.secret<ListResponse>('GET', `/v1/users/${victim.id}/notifications`, undefined, h.appB);
    expect(bList.body.items.map((n) => n.id)).not.toContain(victimId);
    const aList = await h.secret<ListResponse>('GET', `/v1/users/${victim.id}/notifications`);
    expect(aList.body.items.map((n) => n.id)).toContain(victimId);
  });

  describe('session exchange', () => {
    const exchange = (body: Record<string, unknown>) => h.call<SessionResponse>('POST', '/v1/inbox/session', { body });

    it('accepts a userKey and a user JWT, returning a token for that (app, user) valid ~15 min', async () => {
      const u = rid();
      const byKey = await exchange({ appId: h.appA.id, userId: u, userKey: userKeyFor(h.appA.secret, u) });
      expect(byKey.status, byKey.text).toBe(200);
      expect(byKey.body).toMatchObject({ appId: h.appA.id, userId: u });
      const ttl = Date.parse(byKey.body.expiresAt) - Date.now();
      expect(ttl).toBeGreaterThan(14 * 60_000);
      expect(ttl).toBeLessThanOrEqual(15 * 60_000 + 1000);
      const userToken = await signUserToken({ secret: h.appA.secret, appId: h.appA.id, userId: u, expiresInSeconds: 60 });
      const byJwt = await exchange({ appId: h.appA.id, userToken });
      expect(byJwt.status, byJwt.text).toBe(200);
      expect(byJwt.body).toMatchObject({ appId: h.appA.id, userId: u });
    });

    it('refuses bad userKeys and forged, expired, other-app and unsigned user JWTs', async () => {
      const u = rid();
      const A = h.appA;
      const B = h.appB;
      const cases: Array<[string, Record<string, unknown>, number[]]> = [
        ['userKey made with another secret', { appId: A.id, userId: u, userKey: userKeyFor('sk_wrong', u) }, [401]],
        ["another user's userKey", { appId: A.id, userId: u, userKey: userKeyFor(A.secret, 'someone_else') }, [401]],
        ["app B's userKey sent for app A", { appId: A.id, userId: u, userKey: userKeyFor(B.secret, u) }, [401]],
        ['unknown app', { appId: 'no_such_app', userId: u, userKey: userKeyFor(A.secret, u) }, [401]],
        ['forged user JWT', { appId: A.id, userToken: await jwt({ app: A.id, sub: u }, 'sk_forged_secret_xx', 60) }, [401]],
        ['expired user JWT', { appId: A.id, userToken: await jwt({ app: A.id, sub: u }, A.secret, -60) }, [401]],
        ["app B's user JWT sent for app A", { appId: A.id, userToken: await jwt({ app: B.id, sub: u }, B.secret, 60) }, [401, 403]],
        ['JWT signed by A claiming app B', { appId: A.id, userToken: await jwt({ app: B.id, sub: u }, A.secret, 60) }, [401, 403]],
        ['JWT signed by A sent for app B', { appId: B.id, userToken: await jwt({ app: A.id, sub: u }, A.secret, 60) }, [401, 403]],
        ['unsigned (alg none) JWT', { appId: A.id, userToken: `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ app: A.id, sub: u, exp: 9e9 })}.` }, [401]],
        ['session token as user JWT', { appId: A.id, userToken: victim.token }, [401]],
        ['user JWT without sub', { appId: A.id, userToken: await jwt({ app: A.id }, A.secret, 60) }, [401]],
        ['user JWT without app', { appId: A.id, userToken: await jwt({ sub: u }, A.secret, 60) }, [401, 403]],
        ['user JWT signed HS512', { appId: A.id, userToken: await new SignJWT({ app: A.id, sub: u }).setProtectedHeader({ alg: 'HS512' }).setExpirationTime('1m').sign(key(A.secret)) }, [401]],
      ];
      for (const [label, body, statuses] of cases) {
        const res = await exchange(body);
        expect(statuses, `${label}: ${res.status} ${res.text}`).toContain(res.status);
        const codes = label.startsWith('expired') ? ['token_expired', 'unauthorized'] : ['unauthorized', 'forbidden'];
        expectError(res, res.status, codes as never);
        expect(res.body.token, label).toBeUndefined();
      }
    });
  });
});

function b64(o: unknown) {
  return Buffer.from(JSON.stringify(o)).toString('base64url');
}
