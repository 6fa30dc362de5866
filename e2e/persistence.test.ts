// Mark as read and archive persist across a reload; "mark all as read" zeroes the badge (and stays so).
import { describe, expect, it } from 'vitest';
import { uniqueUser, useStack } from './harness.js';
import { PAGES, bell, expectBadge, inboxReady, item, items, popover } from './pages.js';

const stack = useStack();

/** The server's view of one notification (the admin list shows archived ones only when asked). */
async function serverState(user: string, title: string) {
  type Row = { title: string; readAt: string | null; archivedAt: string | null };
  const inbox = await stack.api('GET', `/v1/users/${encodeURIComponent(user)}/notifications?limit=100`);
  const archive = await stack.api('GET', `/v1/users/${encodeURIComponent(user)}/notifications?limit=100&archived=true`);
  const found = [...(inbox.body.items as Row[]), ...(archive.body.items as Row[])].find((n) => n.title === title);
  return { read: !!found?.readAt, archived: !!found?.archivedAt };
}

describe('persistence (custom element)', () => {
  it('mark as read and archive survive a reload', async () => {
    const user = uniqueUser('persist');
    await stack.trigger(user, { title: 'Read me' });
    await stack.trigger(user, { title: 'Archive me' });
    await stack.trigger(user, { title: 'Leave me' });
    const page = await stack.open(PAGES.element, user);
    await inboxReady(page);
    await expectBadge(page, '3');
    await bell(page).click();
    await popover(page).waitFor({ state: 'visible' });

    // Clicking an item marks it read.
    await item(page, 'Read me').click();
    await expect.poll(() => item(page, 'Read me').getAttribute('data-unread')).toBe('false');
    await expectBadge(page, '2');

    // Archive through the item's menu.
    const target = item(page, 'Archive me');
    await target.locator('button[aria-haspopup="menu"]').click();
    await page.getByRole('menuitem', { name: 'Archive' }).click();
    await item(page, 'Archive me').waitFor({ state: 'detached' });

    await expect.poll(() => serverState(user, 'Read me'), { timeout: 8000 }).toEqual({ read: true, archived: false });
    await expect.poll(() => serverState(user, 'Archive me'), { timeout: 8000 }).toMatchObject({ archived: true });

    await page.reload();
    await inboxReady(page);
    await expectBadge(page, '1');
    await bell(page).click();
    await item(page, 'Leave me').waitFor({ state: 'visible' });
    expect(await item(page, 'Read me').getAttribute('data-unread')).toBe('false');
    expect(await item(page, 'Leave me').getAttribute('data-unread')).toBe('true');
    expect(await items(page).filter({ hasText: 'Archive me' }).count()).toBe(0);
    // …and it is in the Archived tab.
    await page.getByRole('tab', { name: /Archived/ }).click();
    await item(page, 'Archive me').waitFor({ state: 'visible' });
    await page.close();
  });

  it('mark all as read zeroes the badge, also after a reload', async () => {
    const user = uniqueUser('markall');
    for (let i = 1; i <= 4; i++) await stack.trigger(user, { title: `Batch ${i}` });
    const page = await stack.open(PAGES.element, user);
    await inboxReady(page);
    await expectBadge(page, '4');
    await bell(page).click();
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await expectBadge(page, '');
    await expect.poll(async () => (await stack.api('GET', `/v1/users/${user}/notifications?read=false`)).body.items.length, { timeout: 8000 }).toBe(0);
    await page.reload();
    await inboxReady(page);
    await bell(page).waitFor({ state: 'visible' });
    await page.waitForTimeout(300);
    await expectBadge(page, '');
    await page.close();
  });
});
