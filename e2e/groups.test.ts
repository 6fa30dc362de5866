// Grouped notifications in Chromium, in the playground's React <GroupedInbox> and its
// <belfry-inbox grouped> (from dist/belfry-grouped.js): five triggers with one groupKey are one row; it expands (by keyboard too);
// mark group read zeroes its five; a realtime member moves the group back to the top.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uniqueUser, useStack } from './harness.js';
import { PAGES, bell, expectBadge, inboxReady, popover } from './pages.js';

const stack = useStack();

const comment = (user: string, name: string, key = 'post:42:comments') =>
  stack.api('POST', '/v1/notifications', {
    recipients: [user],
    category: 'comments',
    title: `${name} commented on Launch plan`,
    groupKey: key,
    actor: { id: name.toLowerCase(), name },
    data: { groupTitle: 'commented on Launch plan' },
  });

const rows = (scope: Locator) => popover(scope).locator('.belfry-list > [role=listitem]');

describe.each([
  ['React <GroupedInbox>', (page: Page) => page.getByTestId('react-inbox')],
  ['<belfry-inbox grouped>', (page: Page) => page.locator('belfry-inbox')],
])('groups in the %s', (_name, scopeOf) => {
  it('one row for five members; expand; mark group read; a live member moves it to the top', async () => {
    const user = uniqueUser('grp');
    for (const name of ['Ken', 'Barbara', 'Linus', 'Grace', 'Ada']) expect((await comment(user, name)).status).toBe(201);
    expect((await stack.trigger(user, { title: 'Deploy finished' })).status).toBe(201);
    const page = await stack.open(`${PAGES.playground}?grouped=1`, user);
    await inboxReady(page);
    const scope = scopeOf(page);
    await expectBadge(scope, '6');
    await bell(scope).click();
    await popover(scope).waitFor({ state: 'visible' });

    const group = popover(scope).locator('[data-group="post:42:comments"]');
    await group.waitFor({ state: 'visible' });
    await expect.poll(() => rows(scope).count()).toBe(2);
    expect(await group.locator('.belfry-item-title').first().textContent()).toBe('Ada, Grace and 3 others commented on Launch plan');
    expect(await group.locator('.belfry-group-count').first().textContent()).toBe('5 unread');
    expect(await rows(scope).first().textContent()).toContain('Deploy finished');

    // expand with the keyboard: a disclosure button naming the count, its members a list of five
    const toggle = group.getByRole('button', { name: 'Show all 5' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    const members = group.getByRole('list', { name: '5 grouped notifications' });
    await expect.poll(() => members.getByRole('listitem').count()).toBe(5);
    expect(await group.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');

    await group.getByRole('button', { name: 'Mark group read' }).click();
    await expect.poll(() => group.locator('.belfry-group-count').count()).toBe(0);
    await expect.poll(() => members.locator('[data-unread="true"]').count()).toBe(0);
    await expectBadge(scope, '1');
    await expect
      .poll(async () => (await stack.api('GET', `/v1/users/${user}/notifications?read=false`)).body.items.length)
      .toBe(1);

    // a member arriving live moves the group above the newer ungrouped notification
    expect((await comment(user, 'Edsger')).status).toBe(201);
    await expect.poll(() => rows(scope).first().getAttribute('data-group'), { timeout: 10_000 }).toBe('post:42:comments');
    expect(await group.locator('.belfry-item-title').first().textContent()).toBe('Edsger, Ada and 4 others commented on Launch plan');
    expect(await group.locator('.belfry-group-count').first().textContent()).toBe('1 unread');
    // the open members list took the new member too
    await expect.poll(() => group.getByRole('list', { name: '6 grouped notifications' }).getByRole('listitem').count()).toBe(6);
    await expectBadge(scope, '2');
    await page.close();
  });
});
