// Opting out of a category in the preference centre suppresses the next notification of that category.
import { describe, expect, it } from 'vitest';
import { uniqueUser, useStack } from './harness.js';
import { PAGES, bell, expectBadge, inboxReady, popover } from './pages.js';

const stack = useStack(async (started) => {
  const res = await started.api('PUT', '/v1/categories/digest', { label: 'Weekly digest' });
  expect(res.status).toBe(200);
});

describe('preference centre (custom element)', () => {
  it('an in-app opt-out suppresses the next notification of that category', async () => {
    const user = uniqueUser('prefs');
    const page = await stack.open(PAGES.element, user);
    await inboxReady(page);
    await bell(page).click();
    await popover(page).waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Notification preferences' }).click();

    const toggle = page.getByRole('switch', { name: 'Weekly digest: In-app' });
    await toggle.waitFor({ state: 'visible' });
    expect(await toggle.isChecked()).toBe(true);
    const saved = page.waitForResponse((r) => r.url().includes('/v1/inbox/preferences') && r.request().method() === 'PUT');
    await toggle.click();
    expect((await saved).status()).toBe(200);
    expect(await toggle.isChecked()).toBe(false);
    await page.keyboard.press('Escape');

    const suppressed = await stack.trigger(user, { category: 'digest', title: 'Your weekly digest' });
    expect(suppressed.status).toBe(201);
    expect(suppressed.body.suppressed).toEqual([{ userId: user, reason: 'opted_out' }]);
    expect(suppressed.body.notifications).toEqual([]);

    // Other categories still arrive, and the suppressed one never does.
    await stack.trigger(user, { category: 'general', title: 'Still delivered' });
    await expectBadge(page, '1');
    await bell(page).click();
    await page.locator('.belfry-item', { hasText: 'Still delivered' }).waitFor({ state: 'visible' });
    expect(await page.locator('.belfry-item', { hasText: 'Your weekly digest' }).count()).toBe(0);
    await page.close();
  });
});
