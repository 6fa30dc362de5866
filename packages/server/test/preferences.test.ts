// Preferences: effective values per category; opting out of in_app suppresses delivery (reported);
// locked categories refuse opt-out with 409 and save nothing.
import { describe, expect, it } from 'vitest';
import type { Counts, ListResponse, Preferences } from '@belfry/core/api';
import { databases, expectError, rid, useServer } from './harness';

const allOn = { in_app: true, email: true, push: true, sms: true };

describe.each(databases())('preferences (%s)', (db) => {
  const h = useServer(db);
  const category = (key: string, def: Record<string, unknown>) => h.secret('PUT', `/v1/categories/${key}`, def);

  it('GET lists every category of the app with its defaults; PUT overrides and returns the effective values', async () => {
    const cat = rid('c');
    expect((await category(cat, { label: 'Digest', defaultChannels: { email: false } })).status).toBe(200);
    const u = await h.user();
    const got = await u.call<Preferences>('GET', '/v1/inbox/preferences');
    expect(got.status, got.text).toBe(200);
    expect(got.body.categories[cat]).toEqual({ label: 'Digest', locked: false, channels: { ...allOn, email: false } });
    const put = await u.call<Preferences>('PUT', '/v1/inbox/preferences', { categories: { [cat]: { channels: { email: true, sms: false } } } });
    expect(put.status, put.text).toBe(200);
    expect(put.body.categories[cat]?.channels).toEqual({ ...allOn, sms: false });
    const again = await u.call<Preferences>('GET', '/v1/inbox/preferences');
    expect(again.body.categories[cat]?.channels).toEqual({ ...allOn, sms: false });
    const other = await h.user();
    const theirs = await other.call<Preferences>('GET', '/v1/inbox/preferences');
    expect(theirs.body.categories[cat]?.channels, 'one user’s override is not another’s').toEqual({ ...allOn, email: false });
  });

  it('opting out of in_app suppresses the notification and reports it; others still receive it', async () => {
    const cat = rid('c');
    const [out, stays] = [await h.user(), rid()];
    await category(cat, { label: 'Marketing' });
    const put = await out.call('PUT', '/v1/inbox/preferences', { categories: { [cat]: { channels: { in_app: false } } } });
    expect(put.status, put.text).toBe(200);
    const res = await h.trigger({ recipients: [out.id, stays], category: cat });
    expect(res.status, res.text).toBe(201);
    expect(res.body.suppressed).toEqual([{ userId: out.id, reason: 'opted_out' }]);
    expect(res.body.notifications.map((n) => n.userId)).toEqual([stays]);
    const list = await out.call<ListResponse>('GET', '/v1/inbox/notifications');
    expect(list.body.items).toHaveLength(0);
    expect((await out.call<Counts>('GET', '/v1/inbox/counts')).body.total).toBe(0);
    const changes = await out.call<{ changes: unknown[]; seq: number }>('GET', '/v1/inbox/changes?since=0');
    expect(changes.body.changes).toHaveLength(0);
    // opting back in delivers again
    await out.call('PUT', '/v1/inbox/preferences', { categories: { [cat]: { channels: { in_app: true } } } });
    const back = await h.trigger({ recipients: [out.id], category: cat });
    expect(back.body.notifications.map((n) => n.userId)).toEqual([out.id]);
  });

  it('a category whose default has in_app off suppresses unless the user opts in', async () => {
    const cat = rid('c');
    await category(cat, { defaultChannels: { in_app: false } });
    const u = rid();
    const res = await h.trigger({ recipients: [u], category: cat });
    expect(res.body.suppressed).toEqual([{ userId: u, reason: 'opted_out' }]);
  });

  it('a locked category cannot be opted out: 409 category_locked, nothing saved, still delivered', async () => {
    const cat = rid('c');
    const free = rid('c');
    expect((await category(cat, { label: 'Security', locked: true })).status).toBe(200);
    await category(free, {});
    const u = await h.user();
    const before = await u.call<Preferences>('GET', '/v1/inbox/preferences');
    expect(before.body.categories[cat]).toMatchObject({ locked: true, channels: allOn });
    const put = await u.call('PUT', '/v1/inbox/preferences', {
      categories: { [free]: { channels: { email: false } }, [cat]: { channels: { in_app: false } } },
    });
    expectError(put, 409, 'category_locked', cat);
    const after = await u.call<Preferences>('GET', '/v1/inbox/preferences');
    expect(after.body.categories[cat]?.channels).toEqual(allOn);
    expect(after.body.categories[free]?.channels, 'nothing saved, not even the unlocked part').toEqual(allOn);
    const res = await h.trigger({ recipients: [u.id], category: cat });
    expect(res.body.suppressed).toEqual([]);
    expect(res.body.notifications).toHaveLength(1);
  });

  it('a locked category refuses any channel off (not only in_app) but accepts turning channels on', async () => {
    const cat = rid('c');
    await category(cat, { locked: true, defaultChannels: { sms: false } });
    const u = await h.user();
    expectError(await u.call('PUT', '/v1/inbox/preferences', { categories: { [cat]: { channels: { email: false } } } }), 409, 'category_locked', cat);
    const on = await u.call<Preferences>('PUT', '/v1/inbox/preferences', { categories: { [cat]: { channels: { in_app: true, sms: true } } } });
    expect(on.status, on.text).toBe(200);
    expect(on.body.categories[cat]?.channels).toEqual(allOn);
  });

  it('locking a category overrides an earlier opt-out: delivered, and shown as on', async () => {
    const cat = rid('c');
    await category(cat, {});
    const u = await h.user();
    await u.call('PUT', '/v1/inbox/preferences', { categories: { [cat]: { channels: { in_app: false } } } });
    expect((await h.trigger({ recipients: [u.id], category: cat })).body.suppressed).toHaveLength(1);
    await category(cat, { locked: true });
    const res = await h.trigger({ recipients: [u.id], category: cat });
    expect(res.body).toMatchObject({ suppressed: [], notifications: [{ userId: u.id }] });
    const prefs = await u.call<Preferences>('GET', '/v1/inbox/preferences');
    expect(prefs.body.categories[cat]).toMatchObject({ locked: true, channels: allOn });
  });

  it('non-overridden channels follow later changes of the category default; overrides stay', async () => {
    const cat = rid('c');
    await category(cat, {});
    const u = await h.user();
    await u.call('PUT', '/v1/inbox/preferences', { categories: { [cat]: { channels: { email: false } } } });
    await category(cat, { defaultChannels: { push: false, email: true } });
    const got = await u.call<Preferences>('GET', '/v1/inbox/preferences');
    expect(got.body.categories[cat]?.channels).toEqual({ ...allOn, email: false, push: false });
  });

  it('unknown category in PUT is a 400 naming categories.<key>; preference writes are not inbox changes', async () => {
    const u = await h.user();
    await h.notify(u.id, 1);
    const seq = (await u.call<{ seq: number }>('GET', '/v1/inbox/changes?since=0')).body.seq;
    expectError(await u.call('PUT', '/v1/inbox/preferences', { categories: { nope_cat: { channels: { email: false } } } }), 400, 'bad_request', 'categories.nope_cat');
    expect((await u.call('PUT', '/v1/inbox/preferences', { categories: { general: { channels: { email: false } } } })).status).toBe(200);
    expect((await u.call<{ seq: number }>('GET', '/v1/inbox/changes?since=0')).body.seq).toBe(seq);
  });
});
