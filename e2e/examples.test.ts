// The Vue and plain-HTML examples render and receive a notification; the playground's send form rings
// both of its bells.
import { describe, expect, it } from 'vitest';
import { uniqueUser, useStack } from './harness.js';
import { PAGES, bell, expectBadge, inboxReady, item } from './pages.js';

const stack = useStack();

describe('examples', () => {
  it('Vue example: renders <belfry-inbox> and receives a notification', async () => {
    const user = uniqueUser('vue');
    const page = await stack.open(PAGES.vue, user);
    await page.getByRole('heading', { name: 'Vue + <belfry-inbox>' }).waitFor();
    await inboxReady(page);
    await stack.trigger(user, { title: 'Hello Vue' });
    await expectBadge(page, '1');
    await expect.poll(() => page.getByTestId('last-event').textContent()).toContain('Hello Vue');
    await bell(page).click();
    await item(page, 'Hello Vue').waitFor({ state: 'visible' });

    // The reactive `theme` property: changing the colour input re-themes the element.
    await page.keyboard.press('Escape');
    await page.locator('input[type="color"]').evaluate((el: HTMLInputElement) => {
      el.value = '#ff0000';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect
      .poll(() => page.locator('belfry-inbox').evaluate((el) => (el as HTMLElement & { theme?: { colorAccent?: string } }).theme?.colorAccent))
      .toBe('#ff0000');
    await page.close();
  });

  it('plain HTML example: renders <belfry-inbox> and receives a notification', async () => {
    const user = uniqueUser('html');
    const page = await stack.open(PAGES.element, user);
    await inboxReady(page);
    await stack.trigger(user, { title: 'Hello HTML' });
    await expectBadge(page, '1');
    await expect.poll(() => page.locator('#last-event').textContent()).toContain('Hello HTML');
    await page.close();
  });

  it('playground: the send form rings the React bell and the custom element', async () => {
    const user = uniqueUser('pg');
    const page = await stack.open(PAGES.playground, user);
    await page.getByRole('heading', { name: 'Belfry playground' }).waitFor();
    await inboxReady(page);
    const reactInbox = page.getByTestId('react-inbox');
    const element = page.locator('belfry-inbox');
    await page.getByLabel('Title').fill('Rung from the form');
    await page.getByRole('button', { name: 'Send notification' }).click();
    await expectBadge(reactInbox, '1');
    await expectBadge(element, '1');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Sent' }).count()).toBe(1);
    // The secret never reaches the browser.
    expect(await page.content()).not.toContain('sk_test');
    await page.close();
  });
});
