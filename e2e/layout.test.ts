// The inbox where it gets tight, in Chromium, for the React <Inbox> and <belfry-inbox> alike: seen on
// view (the unseen badge drops as rows are scrolled into view), the phone sheet at 375 × 667, a tab row
// with more categories than fit, and the preference centre at 375 px.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { uniqueUser, useStack } from './harness.js';
import { PAGES, badgeText, bell, expectBadge, inboxReady, items, popover } from './pages.js';

const stack = useStack(async (started) => {
  for (const [key, body] of [
    ['digest', { label: 'Weekly digest' }],
    ['security', { label: 'Security', locked: true }],
  ] as const) {
    expect((await started.api('PUT', `/v1/categories/${key}`, body)).status).toBe(200);
  }
});

const PAGES_UNDER_TEST = [
  ['React', PAGES.reactFixture],
  ['custom element', PAGES.fixture],
] as const;

const MANY = 'general:General,comments:Comments,billing:Billing,deploys:Deploys,mentions:Mentions,product:Product news,security:Security';

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}
const box = (l: Locator): Promise<Box> => l.evaluate((el) => el.getBoundingClientRect().toJSON() as Box);

async function openInbox(page: Page) {
  await bell(page).click();
  await popover(page).waitFor({ state: 'visible' });
  await popover(page).evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
}

/** The tab buttons in the row (those moved into "More" are hidden). */
const rowTabs = (page: Page) => page.locator('.belfry-popover [role="tab"]:not(.belfry-collapsed)');

describe.each(PAGES_UNDER_TEST)('%s', (_name, path) => {
  it('seen on view: the unseen badge drops as rows are scrolled into view, one request per batch', async () => {
    const user = uniqueUser('seen');
    for (let i = 0; i < 14; i++) await stack.trigger(user, { title: `Row ${i}`, body: 'Some text for the row' });
    const context = await stack.context();
    const page = await stack.open(`${path}?badge=unseen`, user, context);
    const bodies: Array<{ ids?: string[] }> = [];
    page.on('request', (r) => r.url().endsWith('/v1/inbox/notifications/bulk') && bodies.push(JSON.parse(r.postData() ?? '{}')));
    await inboxReady(page);
    await expectBadge(page, '14');
    // Another tab of the same browser follows.
    const other = await stack.open(PAGES.fixture + '?badge=unseen', user, context);
    await inboxReady(other);
    await expectBadge(other, '14');

    await openInbox(page);
    await items(page).first().waitFor({ state: 'visible' });
    // The first screen of rows becomes seen together; the rows below it do not.
    await expect.poll(() => badgeText(page), { timeout: 10_000 }).not.toBe('14');
    const afterFirst = Number(await badgeText(page));
    expect(afterFirst).toBeGreaterThan(3);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.ids!.length).toBe(14 - afterFirst);

    // Scroll down half a screen at a time to the end, each time waiting for the newly shown rows to count.
    const scroller = page.locator('.belfry-popover .belfry-scroll').first();
    const unseen = async () => Number((await badgeText(page)) || 0);
    for (let previous = afterFirst, moved = true; moved; previous = await unseen()) {
      moved = await scroller.evaluate((el) => {
        const before = el.scrollTop;
        el.scrollBy(0, el.clientHeight / 2);
        return el.scrollTop > before;
      });
      if (moved && previous > 0) await expect.poll(unseen, { timeout: 10_000 }).toBeLessThan(previous);
    }
    await expectBadge(page, '', 10_000);
    await expectBadge(other, '', 10_000);
    // Seen is not read: the unread state of the rows is unchanged.
    expect(await page.locator('.belfry-popover .belfry-item[data-unread="true"]').count()).toBeGreaterThan(0);
    await context.close();
    // Each step waits out the one-second dwell, on a machine that may be busy.
  }, 120_000);

  it('phone: a full-width sheet below the bell, inside the viewport, 44 px targets, operable', async () => {
    const user = uniqueUser('phone');
    await stack.trigger(user, { title: 'First on the phone', category: 'comments' });
    await stack.trigger(user, { title: 'Second on the phone' });
    const page = await stack.open(`${path}?categories=comments:Comments,security:Security`, user);
    await page.setViewportSize({ width: 375, height: 667 });
    await inboxReady(page);
    await expectBadge(page, '2');
    await openInbox(page);
    const sheet = await box(popover(page));
    const b = await box(bell(page));
    expect(await popover(page).getAttribute('data-sheet')).toBe('');
    expect(sheet.left).toBe(0);
    expect(sheet.right).toBe(375);
    expect(sheet.bottom).toBeLessThanOrEqual(667);
    // It never covers the bell.
    expect(sheet.top).toBeGreaterThanOrEqual(b.bottom);
    expect(b.width).toBeGreaterThanOrEqual(44);
    await items(page).first().waitFor({ state: 'visible' });

    const targets = page.locator('.belfry-popover button:visible');
    const sizes = await targets.evaluateAll((els) => els.map((el) => ({ name: el.textContent || el.getAttribute('aria-label'), ...el.getBoundingClientRect().toJSON() })));
    expect(sizes.length).toBeGreaterThan(5);
    for (const t of sizes) {
      expect(t.width, `${t.name} width`).toBeGreaterThanOrEqual(44);
      expect(t.height, `${t.name} height`).toBeGreaterThanOrEqual(44);
      expect(t.left).toBeGreaterThanOrEqual(0);
      expect(t.right).toBeLessThanOrEqual(375);
    }

    // Switch tab (Comments is in "More" at this width), mark one read from its menu, close by tapping the bell.
    await page.getByRole('tab', { name: /Unread/ }).click();
    await expect.poll(() => page.getByRole('tab', { name: /Unread/ }).getAttribute('aria-selected')).toBe('true');
    await page.locator('.belfry-popover .belfry-more-button').click();
    await page.getByRole('menuitem', { name: /Comments/ }).click();
    await expect.poll(() => page.getByRole('tab', { name: /Comments/ }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => items(page).count()).toBe(1);
    await items(page).first().getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Mark as read' }).click();
    await expectBadge(page, '1');
    await bell(page).click();
    await popover(page).waitFor({ state: 'detached' });
    await page.close();
  });

  it('tab overflow at 1280 px: extra categories go into "More", the row shows it scrolls, the selected tab stays in view', async () => {
    const user = uniqueUser('tabs');
    await stack.trigger(user, { title: 'Breach', category: 'security' });
    const page = await stack.open(`${path}?categories=${encodeURIComponent(MANY)}`, user);
    await page.setViewportSize({ width: 1280, height: 800 });
    await inboxReady(page);
    await openInbox(page);
    const list = page.locator('.belfry-popover [role="tablist"]');
    const more = page.locator('.belfry-popover .belfry-more-button');
    await more.waitFor({ state: 'visible' });
    // Every tab in the row is whole (nothing cut at the edge), and Security is in "More".
    const listBox = await box(list);
    for (const tab of await rowTabs(page).all()) {
      const t = await box(tab);
      expect(t.left).toBeGreaterThanOrEqual(listBox.left - 0.5);
      expect(t.right).toBeLessThanOrEqual(listBox.right + 0.5);
    }
    expect(await rowTabs(page).filter({ hasText: 'Security' }).count()).toBe(0);
    expect(await more.textContent()).toBe('More1');

    // Keyboard: the menu button opens on ArrowDown, End goes to the last entry, Enter picks it.
    await more.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu', { name: 'More' });
    await menu.waitFor({ state: 'visible' });
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'detached' });
    const security = rowTabs(page).filter({ hasText: 'Security' });
    await expect.poll(() => security.getAttribute('aria-selected')).toBe('true');
    const s = await box(security);
    const l = await box(list);
    expect(s.left).toBeGreaterThanOrEqual(l.left - 0.5);
    expect(s.right).toBeLessThanOrEqual(l.right + 0.5);
    expect(await security.evaluate((el) => (el.getRootNode() as Document | ShadowRoot).activeElement === el)).toBe(true);
    await items(page).filter({ hasText: 'Breach' }).waitFor({ state: 'visible' });

    // Narrower still (a long translation, a phone): the row scrolls, and its edge fades to say so.
    await page.setViewportSize({ width: 340, height: 700 });
    await expect.poll(() => list.getAttribute('data-fade')).toContain('end');
    expect(await list.evaluate((el) => getComputedStyle(el).maskImage)).toContain('gradient');
    await page.close();
  });

  it('preferences at 375 px: every channel of every category reachable and labelled; nothing wraps', async () => {
    const user = uniqueUser('prefs');
    const page = await stack.open(path, user);
    await page.setViewportSize({ width: 375, height: 667 });
    await inboxReady(page);
    await openInbox(page);
    await page.getByRole('button', { name: 'Notification preferences' }).click();
    for (const category of ['Weekly digest', 'Security']) {
      for (const channel of ['In-app', 'Email', 'Push', 'SMS']) {
        const toggle = page.getByRole('switch', { name: `${category}: ${channel}` });
        await toggle.scrollIntoViewIfNeeded();
        const t = await box(toggle);
        expect(t.left, `${category}: ${channel}`).toBeGreaterThanOrEqual(0);
        expect(t.right, `${category}: ${channel}`).toBeLessThanOrEqual(375);
        // Labelled on screen by its channel, on one line.
        const cell = toggle.locator('xpath=ancestor::td');
        const label = await cell.evaluate((el) => {
          const before = getComputedStyle(el, '::before');
          return { content: before.content, whiteSpace: before.whiteSpace };
        });
        expect(label.content).toContain(channel);
        expect(label.whiteSpace).toBe('nowrap');
      }
    }
    // "Required" stays on its category's line.
    const row = page.locator('tr[data-category="security"]');
    const name = await box(row.locator('.belfry-pref-label'));
    const locked = await box(row.locator('.belfry-pref-locked'));
    expect(locked.top).toBeLessThan(name.bottom);
    expect(locked.left).toBeGreaterThan(name.right - 1);
    await page.close();
  });
});

describe('preferences in the popover at 1280 px', () => {
  it('"In-app" and "Required" do not wrap', async () => {
    const page = await stack.open(PAGES.fixture, uniqueUser('prefs-wide'));
    await inboxReady(page);
    await openInbox(page);
    await page.getByRole('button', { name: 'Notification preferences' }).click();
    const row = page.locator('tr[data-category="security"]');
    await row.waitFor({ state: 'visible' });
    const name = await box(row.locator('.belfry-pref-label'));
    const locked = await box(row.locator('.belfry-pref-locked'));
    expect(locked.top).toBeLessThan(name.bottom);
    // The switches are labelled on screen by their channel, each on one line.
    const labels = await row.locator('td').evaluateAll((tds) =>
      tds.map((td) => {
        const before = getComputedStyle(td, '::before');
        return `${before.content} ${before.whiteSpace}`;
      }),
    );
    expect(labels).toEqual(['In-app', 'Email', 'Push', 'SMS'].map((c) => expect.stringMatching(new RegExp(`"${c}".* nowrap$`))));
    await page.close();
  });
});
