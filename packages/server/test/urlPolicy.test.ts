// The API enforces the one URL policy (@belfry/core/api urlPolicy) on every URL a notification
// carries, on the trigger and its dry run alike: the shared table of cases, each in actionUrl, an
// action's url, avatarUrl and as a link ("[label](url)") in the body and the title. A refused URL is a 400 naming the field; an allowed one is stored as sent.
import { describe, expect, it } from 'vitest';
import type { ErrorBody, TriggerRequest, TriggerResponse } from '@belfry/core/api';
import table from '../../core/test/fixtures/urlCases.json' with { type: 'json' };
import { databases, expectError, rid, useServer, type Harness } from './harness';

type Case = { url: string; ok: boolean; note: string };
const ENDPOINTS = ['/v1/notifications', '/v1/notifications/preview'] as const;
// The link syntax can't carry these (they end the link or are too long): such text is no link at all.
const notALink = (url: string) => url === '' || url.length > 2048 || /[()\s\]]/.test(url);
const FIELDS: Array<{ field: string; body: (url: string) => Partial<TriggerRequest>; skip?: (url: string) => boolean }> = [
  { field: 'actionUrl', body: (url) => ({ actionUrl: url }) },
  { field: 'actions.0.url', body: (url) => ({ actions: [{ id: 'open', label: 'Open', url }] }) },
  { field: 'avatarUrl', body: (url) => ({ avatarUrl: url }) },
  { field: 'body', body: (url) => ({ body: `see [this](${url}) now` }), skip: notALink },
  { field: 'title', body: (url) => ({ title: `[Link](${url})` }), skip: notALink },
];

async function expectPolicy(h: Harness, cases: Case[]) {
  for (const c of cases) {
    for (const { field, body, skip } of FIELDS) {
      if (skip?.(c.url)) continue;
      for (const path of ENDPOINTS) {
        const user = rid();
        const res = await h.secret<TriggerResponse>('POST', path, { recipients: [user], category: 'general', title: 'Link', ...body(c.url) });
        const what = `${c.note} (${JSON.stringify(c.url)}) in ${field} on ${path}`;
        if (!c.ok) {
          expectError(res, 400, 'bad_request', field);
          expect((res.body as unknown as ErrorBody).error.field, what).toBe(field);
          continue;
        }
        expect(res.status, `${what}: ${res.text}`).toBe(path === ENDPOINTS[0] ? 201 : 200);
        if (path !== ENDPOINTS[0]) continue;
        const stored = await h.secret<{ items: Array<{ title: string; body: string | null; actionUrl: string | null; avatarUrl: string | null; actions: Array<{ url?: string }> }> }>(
          'GET',
          `/v1/users/${user}/notifications`,
        );
        const n = stored.body.items[0]!;
        const got = { actionUrl: n.actionUrl, avatarUrl: n.avatarUrl, 'actions.0.url': n.actions[0]?.url, body: n.body, title: n.title }[field];
        expect(got, what).toBe((body(c.url) as Record<string, unknown>)[field] ?? (field === 'actions.0.url' ? c.url : undefined));
      }
    }
  }
}

describe.each(databases())('URL policy (%s)', (kind) => {
  const h = useServer(kind);

  it('a text without link syntax is not checked: brackets and URLs in prose stay as written', async () => {
    const res = await h.trigger({ recipients: [rid()], title: 'Mail [me] at //not-a-link', body: 'javascript: is a word here (and [so](is this' });
    expect(res.status, res.text).toBe(201);
  });
  const listed = useServer(kind, { allowedLinkHosts: table.allowList.allowedHosts });

  it('the shared table: allowed URLs are stored as sent, refused ones are a 400 naming the field', async () => {
    await expectPolicy(h, table.cases);
  }, 300_000);

  it('allowedLinkHosts limits absolute URLs to the listed hosts', async () => {
    await expectPolicy(listed, table.allowList.cases);
  }, 120_000);

  it('the message says what is wrong', async () => {
    const res = await h.trigger({ recipients: [rid()], actionUrl: '//evil.example/redirect' });
    expectError(res, 400, 'bad_request', /body\/actionUrl must be an http\(s\) URL.*another origin/);
  });
});
