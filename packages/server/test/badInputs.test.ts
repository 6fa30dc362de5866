// Bad input table: every row is refused with the right 4xx, an ErrorBody with the right code, and a
// message/field that names the offending field. Nothing here may be a 5xx.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '@belfry/core/api';
import { databases, expectError, rid, useServer, type CallOptions } from './harness';

type Auth = 'secret' | 'session' | 'none';
interface Row {
  name: string;
  auth: Auth;
  method: string;
  path: string | ((id: string) => string);
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  /** One status, or the acceptable ones. */
  status: number | number[];
  code: ErrorCode | ErrorCode[];
  names: string | RegExp;
}

const trig = (extra: Record<string, unknown>, drop?: string) => {
  const b: Record<string, unknown> = { recipients: ['u1'], category: 'general', title: 'Hi', ...extra };
  if (drop) delete b[drop];
  return b;
};
const future = () => new Date(Date.now() + 3_600_000).toISOString();
const long = (n: number) => 'x'.repeat(n);
const T = (name: string, body: unknown, names: string | RegExp): Row => ({
  name, auth: 'secret', method: 'POST', path: '/v1/notifications', body, status: 400, code: 'bad_request', names,
});
const Q = (name: string, path: string, names: string): Row => ({
  name, auth: 'session', method: 'GET', path, status: 400, code: 'bad_request', names,
});
const P = (name: string, body: unknown, names: string | RegExp, path: Row['path'] = (id) => `/v1/inbox/notifications/${id}`): Row => ({
  name, auth: 'session', method: 'PATCH', path, body, status: 400, code: 'bad_request', names,
});
const S = (name: string, path: string, names: string): Row => ({
  name, auth: 'secret', method: 'GET', path, status: 400, code: 'bad_request', names,
});
const W = (name: string, body: unknown, names: string | RegExp): Row => ({
  name, auth: 'secret', method: 'POST', path: '/v1/webhooks', body, status: 400, code: 'bad_request', names,
});
const B = (name: string, body: unknown, names: string | RegExp): Row => ({
  name, auth: 'session', method: 'POST', path: '/v1/inbox/notifications/bulk', body, status: 400, code: 'bad_request', names,
});
const PREF = (name: string, body: unknown, names: string | RegExp): Row => ({
  name, auth: 'session', method: 'PUT', path: '/v1/inbox/preferences', body, status: 400, code: 'bad_request', names,
});

const rows: Row[] = [
  // trigger: missing fields, wrong types, sizes, unknown fields
  T('trigger without recipients', trig({}, 'recipients'), 'recipients'),
  T('trigger without category', trig({}, 'category'), 'category'),
  T('trigger without title', trig({}, 'title'), 'title'),
  T('recipients is a string', trig({ recipients: 'u1' }), 'recipients'),
  T('recipients is empty', trig({ recipients: [] }), 'recipients'),
  T('1001 recipients', trig({ recipients: Array.from({ length: 1001 }, (_, i) => `u${i}`) }), 'recipients'),
  T('duplicate recipients', trig({ recipients: ['u1', 'u1'] }), 'recipients'),
  T('recipient id over 128 chars', trig({ recipients: [long(129)] }), 'recipients'),
  T('recipient is an object', trig({ recipients: [{ id: 'u1' }] }), 'recipients'),
  T('title is a number', trig({ title: 123 }), 'title'),
  T('title over 200 chars', trig({ title: long(201) }), 'title'),
  T('body over 5000 chars', trig({ body: long(5001) }), 'body'),
  T('category is an object', trig({ category: { key: 'x' } }), 'category'),
  T('data over 16 KB', trig({ data: { blob: long(17 * 1024) } }), 'data'),
  T('data is an array', trig({ data: [1, 2, 3] }), 'data'),
  T('actions is not an array', trig({ actions: 'open' }), 'actions'),
  T('action without label', trig({ actions: [{ id: 'open' }] }), /actions.*label|label.*actions|actions/),
  T('expiresAt is not a date', trig({ expiresAt: 'tomorrow' }), 'expiresAt'),
  T('dedupeWindowSeconds without dedupeKey', trig({ dedupeWindowSeconds: 60 }), 'dedupeWindowSeconds'),
  T('dedupeWindowSeconds 0', trig({ dedupeKey: 'k', dedupeWindowSeconds: 0 }), 'dedupeWindowSeconds'),
  T('dedupeWindowSeconds over 30 days', trig({ dedupeKey: 'k', dedupeWindowSeconds: 2_592_001 }), 'dedupeWindowSeconds'),
  T('dedupeKey over 255 chars', trig({ dedupeKey: long(256) }), 'dedupeKey'),
  { ...T('preview without title', trig({}, 'title'), 'title'), path: '/v1/notifications/preview' },
  { ...T('preview with an unknown field', trig({ dryRun: true }), 'dryRun'), path: '/v1/notifications/preview' },
  T('expiresAt on a leap second', trig({ expiresAt: '2999-12-31T23:59:60Z' }), 'expiresAt'),
  T('expiresAt on February 30', trig({ expiresAt: '2999-02-30T00:00:00Z' }), 'expiresAt'),
  T('idempotencyKey is an object', trig({ idempotencyKey: { k: 1 } }), 'idempotencyKey'),
  T('unknown field', trig({ priority: 'high' }), 'priority'),
  // NUL can't be stored in PostgreSQL text: it must be refused as input, not fail as a 500
  T('NUL in title', trig({ title: 'a\u0000b' }), 'title'),
  T('NUL in body', trig({ body: 'a\u0000b' }), 'body'),
  T('NUL in idempotencyKey', trig({ idempotencyKey: 'k\u0000' }), 'idempotencyKey'),
  T('NUL in an action label', trig({ actions: [{ id: 'go', label: 'G\u0000o' }] }), /actions/),
  { name: 'NUL in a user name', auth: 'secret', method: 'PUT', path: '/v1/users/u1', body: { name: 'A\u0000' }, status: 400, code: 'bad_request', names: 'name' },
  { name: 'NUL in a category label', auth: 'secret', method: 'PUT', path: '/v1/categories/general', body: { label: 'G\u0000' }, status: 400, code: 'bad_request', names: 'label' },
  T('body is a JSON array', [trig({})], /body/),
  { name: 'malformed JSON', auth: 'secret', method: 'POST', path: '/v1/notifications', raw: '{"recipients": [', status: 400, code: 'bad_request', names: /json|body/i },
  { name: 'empty JSON body', auth: 'secret', method: 'POST', path: '/v1/notifications', raw: '', status: 400, code: 'bad_request', names: /body|json/i },
  { name: 'text/plain body', auth: 'secret', method: 'POST', path: '/v1/notifications', raw: 'hello', headers: { 'content-type': 'text/plain' }, status: 415, code: 'bad_request', names: /content-type|media type|json/i },
  {
    name: 'oversized body (5 MB)', auth: 'secret', method: 'POST', path: '/v1/notifications',
    raw: JSON.stringify(trig({ data: { blob: long(5 * 1024 * 1024) } })), status: 413, code: 'payload_too_large', names: /body|large|size|limit/i,
  },
  // other secret routes
  { name: 'category locked is a string', auth: 'secret', method: 'PUT', path: '/v1/categories/general', body: { locked: 'yes' }, status: 400, code: 'bad_request', names: 'locked' },
  { name: 'category with an unknown channel', auth: 'secret', method: 'PUT', path: '/v1/categories/general', body: { defaultChannels: { fax: true } }, status: 400, code: 'bad_request', names: 'fax' },
  { name: 'category key over 128 chars', auth: 'secret', method: 'PUT', path: `/v1/categories/${long(129)}`, body: {}, status: 400, code: 'bad_request', names: 'category' },
  { name: 'user id over 128 chars', auth: 'secret', method: 'PUT', path: `/v1/users/${long(129)}`, body: { name: 'x' }, status: 400, code: 'bad_request', names: 'userId' },
  { name: 'user name is an object', auth: 'secret', method: 'PUT', path: '/v1/users/u1', body: { name: { first: 'a' } }, status: 400, code: 'bad_request', names: 'name' },
  { name: 'category throttle limit 0', auth: 'secret', method: 'PUT', path: '/v1/categories/general', body: { throttle: { limit: 0, windowSeconds: 60 } }, status: 400, code: 'bad_request', names: 'limit' },
  { name: 'category throttle without window', auth: 'secret', method: 'PUT', path: '/v1/categories/general', body: { throttle: { limit: 3 } }, status: 400, code: 'bad_request', names: /throttle|windowSeconds/ },
  // lifecycle reads
  S('messages limit 0', '/v1/messages?limit=0', 'limit'),
  S('messages outcome=maybe', '/v1/messages?outcome=maybe', 'outcome'),
  S('messages from is not a date', '/v1/messages?from=yesterday', 'from'),
  S('messages bad cursor', '/v1/messages?cursor=!!nope!!', 'cursor'),
  S('message id of another kind', '/v1/messages/ntf_123', 'id'),
  { name: 'unknown message', auth: 'secret', method: 'GET', path: '/v1/messages/msg_doesnotexist', status: 404, code: 'not_found', names: /message/ },
  { name: 'unknown message events', auth: 'secret', method: 'GET', path: '/v1/messages/msg_doesnotexist/events', status: 404, code: 'not_found', names: /message/ },
  { name: 'unknown notification events', auth: 'secret', method: 'GET', path: '/v1/notifications/ntf_doesnotexist/events', status: 404, code: 'not_found', names: /notification/ },
  S('events bad cursor', '/v1/notifications/ntf_x/events?cursor=abc', 'cursor'),
  S('events limit 501', '/v1/notifications/ntf_x/events?limit=501', 'limit'),
  // webhooks
  W('webhook without url', { events: ['*'] }, 'url'),
  W('webhook without events', { url: 'https://example.com/hook' }, 'events'),
  W('webhook ftp url', { url: 'ftp://example.com/hook', events: ['*'] }, 'url'),
  W('webhook relative url', { url: '/hook', events: ['*'] }, 'url'),
  W('webhook url with credentials', { url: 'https://user:pw@example.com/hook', events: ['*'] }, 'url'),
  W('webhook with no event types', { url: 'https://example.com/hook', events: [] }, 'events'),
  W('webhook with an unknown event type', { url: 'https://example.com/hook', events: ['opened'] }, 'events'),
  W('webhook description over 500 chars', { url: 'https://example.com/hook', events: ['*'], description: long(501) }, 'description'),
  { ...W('webhook update with nothing', {}, /body/), method: 'PATCH', path: '/v1/webhooks/wh_x' },
  { ...W('rotate with negative grace', { graceSeconds: -1 }, 'graceSeconds'), path: '/v1/webhooks/wh_x/rotate-secret' },
  S('deliveries status=done', '/v1/webhooks/wh_x/deliveries?status=done', 'status'),
  S('webhook id of another kind', '/v1/webhooks/msg_1', 'id'),
  { name: 'unknown webhook', auth: 'secret', method: 'GET', path: '/v1/webhooks/wh_doesnotexist', status: 404, code: 'not_found', names: /webhook/ },
  { name: 'replay of an unknown webhook', auth: 'secret', method: 'POST', path: '/v1/webhooks/wh_nope/deliveries/whd_nope/replay', status: 404, code: 'not_found', names: /webhook/ },
  { name: 'admin list limit 0', auth: 'secret', method: 'GET', path: '/v1/users/u1/notifications?limit=0', status: 400, code: 'bad_request', names: 'limit' },
  // inbox list and changes query strings
  Q('list limit 0', '/v1/inbox/notifications?limit=0', 'limit'),
  Q('list limit 101', '/v1/inbox/notifications?limit=101', 'limit'),
  Q('list limit not a number', '/v1/inbox/notifications?limit=ten', 'limit'),
  Q('list read=maybe', '/v1/inbox/notifications?read=maybe', 'read'),
  Q('list archived=2', '/v1/inbox/notifications?archived=2', 'archived'),
  Q('list bad cursor', '/v1/inbox/notifications?cursor=!!not-a-cursor!!', 'cursor'),
  Q('changes since=-1', '/v1/inbox/changes?since=-1', 'since'),
  Q('changes since=abc', '/v1/inbox/changes?since=abc', 'since'),
  Q('changes since beyond current seq', '/v1/inbox/changes?since=999999', 'since'),
  Q('changes limit 1001', '/v1/inbox/changes?since=0&limit=1001', 'limit'),
  // patch
  P('empty patch', {}, /body|read|seen|archived|snoozedUntil/),
  P('read is a string', { read: 'yes' }, 'read'),
  P('snoozedUntil is not a date', { snoozedUntil: 'later' }, 'snoozedUntil'),
  P('snoozedUntil in the past', { snoozedUntil: '2001-01-01T00:00:00.000Z' }, 'snoozedUntil'),
  P('snoozedUntil on a leap second', { snoozedUntil: '2999-12-31T23:59:60Z' }, 'snoozedUntil'),
  P('unknown patch field', { pinned: true }, 'pinned'),
  P('clicked false', { clicked: false }, 'clicked'),
  P('action without clicked', { action: 'open' }, /clicked|action/),
  P('action that the notification does not have', { clicked: true, action: 'nope' }, 'action'),
  P('id over 128 chars', { read: true }, 'id', () => `/v1/inbox/notifications/${long(129)}`),
  { name: 'unknown id', auth: 'session', method: 'PATCH', path: '/v1/inbox/notifications/n_does_not_exist', body: { read: true }, status: 404, code: 'not_found', names: /notification|n_does_not_exist|id/i },
  P('malformed percent-encoding in the id', { read: true }, /url|id/i, () => '/v1/inbox/notifications/%E0%A4%A'),
  { ...P('id over 1024 chars (router limit)', { read: true }, /id|param|url|long/i, () => `/v1/inbox/notifications/${long(1100)}`), status: [400, 414] },
  { name: 'delete id over 128 chars', auth: 'session', method: 'DELETE', path: `/v1/inbox/notifications/${long(129)}`, status: 400, code: 'bad_request', names: 'id' },
  // bulk
  B('bulk with both ids and filter', { ids: ['a'], filter: {}, read: true }, /ids|filter/),
  B('bulk with neither ids nor filter', { read: true }, /ids|filter/),
  B('bulk with empty ids', { ids: [], read: true }, 'ids'),
  B('bulk with 1001 ids', { ids: Array.from({ length: 1001 }, (_, i) => `n${i}`), read: true }, 'ids'),
  B('bulk without read/seen/archived', { ids: ['a'] }, /read|seen|archived/),
  B('bulk filter.read is a string', { filter: { read: 'no' }, read: true }, 'read'),
  // preferences
  PREF('preferences without categories', {}, 'categories'),
  PREF('preferences with an unknown channel', { categories: { general: { channels: { fax: false } } } }, 'fax'),
  PREF('preferences channel is a string', { categories: { general: { channels: { email: 'off' } } } }, 'email'),
  // session exchange
  { name: 'session without appId', auth: 'none', method: 'POST', path: '/v1/inbox/session', body: { userId: 'u1', userKey: 'ab' }, status: 400, code: 'bad_request', names: 'appId' },
  { name: 'session appId with bad chars', auth: 'none', method: 'POST', path: '/v1/inbox/session', body: { appId: 'a b/c', userId: 'u1', userKey: 'ab' }, status: 400, code: 'bad_request', names: 'appId' },
  { name: 'session userId over 128 chars', auth: 'none', method: 'POST', path: '/v1/inbox/session', body: { appId: 'app_a', userId: long(129), userKey: 'ab' }, status: 400, code: 'bad_request', names: 'userId' },
];

describe.each(databases())('bad inputs (%s)', (db) => {
  const h = useServer(db);
  let token = '';
  let id = '';

  beforeAll(async () => {
    const u = await h.user(rid());
    token = u.token;
    [id] = (await h.notify(u.id, 1)) as [string];
  });

  it('the table has at least 30 rows', () => {
    if (rows.length < 30) throw new Error(`only ${rows.length} rows`);
  });

  it.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const o: CallOptions = { body: row.body, headers: row.headers };
    if (row.raw !== undefined) o.raw = row.raw;
    if (row.auth === 'secret') o.token = h.appA.secret;
    if (row.auth === 'session') o.token = token;
    const path = typeof row.path === 'function' ? row.path(id) : row.path;
    const res = await h.call(row.method, path, o);
    const statuses = Array.isArray(row.status) ? row.status : [row.status];
    expect(statuses, `${res.status} ${res.text.slice(0, 200)}`).toContain(res.status);
    expectError(res, res.status, row.code, row.names);
  });
});
