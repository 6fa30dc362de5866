// A notification triggered over HTTP appears in the bell without a reload — in the React example and
// in the custom element (plain HTML example).
import { describe, expect, it } from 'vitest';
import { uniqueUser, useStack } from './harness.js';
import { PAGES, bell, expectBadge, inboxReady, item, popover } from './pages.js';

const stack = useStack();

describe.each([
  ['React example', PAGES.react],
  ['custom element', PAGES.element],
])('realtime in the %s', (_name, path) => {
  it('shows a notification triggered over HTTP in the bell without reload', async () => {
    const user = uniqueUser('rt');
    const page = await stack.open(path, user);
    await inboxReady(page);
    await expectBadge(page, '');
    // Marks this document: a reload or navigation would lose it.
    await page.evaluate(() => ((window as unknown as { __belfryMark: number }).__belfryMark = 42));

    const res = await stack.trigger(user, { title: 'Deploy finished', body: 'Build **#812** is live' });
    expect(res.status).toBe(201);
    await expectBadge(page, '1');
    await stack.trigger(user, { title: 'Second one' });
    await expectBadge(page, '2');

    await bell(page).click();
    await popover(page).waitFor({ state: 'visible' });
    await item(page, 'Deploy finished').waitFor({ state: 'visible' });
    await item(page, 'Second one').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => (window as unknown as { __belfryMark?: number }).__belfryMark)).toBe(42);
    await page.close();
  });
});
