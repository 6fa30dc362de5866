// Keyboard only: Tab reaches the bell, Enter opens the popover and moves focus into it, arrow keys move
// between items, Escape closes it and focus returns to the bell.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { uniqueUser, useStack } from './harness.js';
import { PAGES, deepFocus, expectBadge, inboxReady, popover } from './pages.js';

const stack = useStack();

async function tabUntil(page: Page, predicate: (f: Awaited<ReturnType<typeof deepFocus>>) => boolean, max = 12) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (predicate(await deepFocus(page))) return;
  }
  throw new Error(`focus never matched after ${max} Tabs (now on ${JSON.stringify(await deepFocus(page))})`);
}

describe.each([
  ['custom element', PAGES.element],
  ['React example', PAGES.react],
])('keyboard only (%s)', (_name, path) => {
  it('Tab to the bell, Enter opens, arrows move, Escape closes and focus returns', async () => {
    const user = uniqueUser('kb');
    for (const title of ['Oldest', 'Middle', 'Newest']) await stack.trigger(user, { title });
    const page = await stack.open(path, user);
    await inboxReady(page);
    await expectBadge(page, '3');

    await tabUntil(page, (f) => f.className.includes('belfry-bell'));
    await page.keyboard.press('Enter');
    await popover(page).waitFor({ state: 'visible' });
    await expect.poll(async () => (await deepFocus(page)).inPopover).toBe(true);

    // Tab stays inside the dialog until it reaches the list's active row.
    await tabUntil(page, (f) => f.className.includes('belfry-item'));
    expect(await deepFocus(page)).toMatchObject({ index: '0', inPopover: true });
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await deepFocus(page)).index).toBe('1');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await deepFocus(page)).index).toBe('2');
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await deepFocus(page)).index).toBe('1');
    await page.keyboard.press('Home');
    await expect.poll(async () => (await deepFocus(page)).index).toBe('0');

    await page.keyboard.press('Escape');
    await popover(page).waitFor({ state: 'detached' });
    await expect.poll(async () => (await deepFocus(page)).className).toContain('belfry-bell');
    await page.close();
  });
});
