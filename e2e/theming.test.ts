// Theming from the host page: --belfry-* custom properties inherit into the shadow root, ::part()
// names reach the exposed parts, and the theme property/attributes apply.
import { describe, expect, it } from 'vitest';
import { uniqueUser, useStack } from './harness.js';
import { PAGES, badge, expectBadge, inboxReady } from './pages.js';

const stack = useStack();

const badgeColor = (page: import('playwright-core').Page) =>
  badge(page).evaluate((el) => getComputedStyle(el).backgroundColor);

describe('theming the custom element', () => {
  it('a --belfry-* property set on the host page changes the colour inside the shadow root', async () => {
    const user = uniqueUser('theme');
    await stack.trigger(user, { title: 'Colourful' });
    const page = await stack.open(PAGES.fixture, user);
    await inboxReady(page);
    await expectBadge(page, '1');
    const before = await badgeColor(page);

    await page.evaluate(() => document.documentElement.style.setProperty('--belfry-color-badge', 'rgb(1, 2, 3)'));
    await expect.poll(() => badgeColor(page)).toBe('rgb(1, 2, 3)');
    expect(before).not.toBe('rgb(1, 2, 3)');

    // Set on the element itself, it wins over the page-level value.
    await page.evaluate(() => document.querySelector<HTMLElement>('belfry-inbox')!.style.setProperty('--belfry-color-badge', 'rgb(9, 8, 7)'));
    await expect.poll(() => badgeColor(page)).toBe('rgb(9, 8, 7)');

    // The theme property maps onto the same tokens.
    await page.evaluate(() => {
      const el = document.querySelector('belfry-inbox') as HTMLElement & { theme?: Record<string, string> };
      el.style.removeProperty('--belfry-color-badge');
      document.documentElement.style.removeProperty('--belfry-color-badge');
      el.theme = { colorBadge: 'rgb(20, 30, 40)' };
    });
    await expect.poll(() => badgeColor(page)).toBe('rgb(20, 30, 40)');
    await page.close();
  });

  it('theme values of the wrong kind are dropped with a warning naming the token; url() is never fetched', async () => {
    const user = uniqueUser('theme-url');
    await stack.trigger(user, { title: 'No trackers' });
    const page = await stack.open(PAGES.fixture, user);
    const fetched: string[] = [];
    page.on('request', (r) => r.url().includes('/tracker') && fetched.push(r.url()));
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await inboxReady(page);
    await expectBadge(page, '1');
    const tracker = `${stack.url}/tracker`;
    await page.evaluate((base) => {
      const el = document.querySelector('belfry-inbox') as HTMLElement & { theme?: Record<string, string> };
      el.theme = {
        colorBg: `url(${base}/bg.png)`,
        colorSurface: `var(--nothing, url(${base}/fallback.png))`,
        shadow: `url(${base}/shadow.png)`,
        colorAccent: '12px', // a length is not a colour
        radius: 'red', // nor a colour a length
        colorBadge: 'rgb(20, 30, 40)',
        fontFamily: 'Georgia, serif',
      };
    }, tracker);
    await expect.poll(() => badgeColor(page)).toBe('rgb(20, 30, 40)');
    await page.locator('.belfry-bell').first().click();
    await page.locator('.belfry-item').first().waitFor({ state: 'visible' });
    const applied = await page.locator('.belfry-root').first().evaluate((root) => {
      const style = (root as HTMLElement).style;
      const names = ['--belfry-color-bg', '--belfry-color-surface', '--belfry-shadow', '--belfry-color-accent', '--belfry-radius', '--belfry-color-badge', '--belfry-font-family'];
      return Object.fromEntries(names.map((n) => [n, style.getPropertyValue(n)]));
    });
    expect(applied).toEqual({
      '--belfry-color-bg': '',
      '--belfry-color-surface': '',
      '--belfry-shadow': '',
      '--belfry-color-accent': '',
      '--belfry-radius': '',
      '--belfry-color-badge': 'rgb(20, 30, 40)',
      '--belfry-font-family': 'Georgia, serif',
    });
    const images = await page.locator('.belfry-popover, .belfry-item').evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundImage));
    expect(images.every((i) => i === 'none')).toBe(true);
    await page.waitForLoadState('networkidle');
    expect(fetched).toEqual([]);
    for (const token of ['colorBg', 'colorSurface', 'shadow', 'colorAccent', 'radius']) {
      expect(warnings.filter((w) => w.includes(`theme token "${token}"`)), token).toHaveLength(1);
    }
    await page.close();
  });

  it('::part() names style the bell, badge, popover, items and tabs from outside', async () => {
    const user = uniqueUser('parts');
    await stack.trigger(user, { title: 'Part time' });
    const page = await stack.open(PAGES.fixture, user);
    await inboxReady(page);
    await expectBadge(page, '1');
    await page.addStyleTag({
      content: `
        belfry-inbox::part(bell) { outline: 3px solid rgb(1, 1, 1); }
        belfry-inbox::part(badge) { outline: 3px solid rgb(2, 2, 2); }
        belfry-inbox::part(popover) { outline: 3px solid rgb(3, 3, 3); }
        belfry-inbox::part(item) { outline: 3px solid rgb(4, 4, 4); }
        belfry-inbox::part(tabs) { outline: 3px solid rgb(5, 5, 5); }
      `,
    });
    const outline = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).outlineColor);
    expect(await outline('.belfry-bell')).toBe('rgb(1, 1, 1)');
    expect(await outline('.belfry-badge')).toBe('rgb(2, 2, 2)');
    await page.locator('.belfry-bell').first().click();
    await page.locator('.belfry-item').first().waitFor({ state: 'visible' });
    expect(await outline('.belfry-popover')).toBe('rgb(3, 3, 3)');
    expect(await outline('.belfry-item')).toBe('rgb(4, 4, 4)');
    expect(await outline('[part~="tabs"]')).toBe('rgb(5, 5, 5)');
    await page.close();
  });

  it('icon buttons show the hover background, as text buttons do', async () => {
    const user = uniqueUser('hover');
    await stack.trigger(user, { title: 'Hover me' });
    const page = await stack.open(PAGES.fixture, user);
    await inboxReady(page);
    await page.locator('.belfry-bell').first().click();
    const button = page.locator('.belfry-open-preferences').first();
    await button.waitFor({ state: 'visible' });
    const background = () => button.evaluate((el) => getComputedStyle(el).backgroundColor);
    const resting = await background();
    await button.hover();
    await expect.poll(background).not.toBe(resting);
    expect(await background()).not.toBe('rgba(0, 0, 0, 0)');
    await page.close();
  });

  it('color-scheme="dark" switches the element to its dark palette', async () => {
    const user = uniqueUser('dark');
    await stack.trigger(user, { title: 'Night owl' });
    const light = await stack.open(`${PAGES.fixture}?scheme=light`, user);
    const dark = await stack.open(`${PAGES.fixture}?scheme=dark`, user);
    await inboxReady(light);
    await inboxReady(dark);
    await expectBadge(dark, '1');
    expect(await badgeColor(dark)).not.toBe(await badgeColor(light));

    // color-scheme="auto" follows the system setting, and changes with it while the page is open.
    const auto = await stack.open(`${PAGES.fixture}?scheme=auto`, user);
    await inboxReady(auto);
    await expectBadge(auto, '1');
    await auto.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => badgeColor(auto)).toBe(await badgeColor(dark));
    await auto.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => badgeColor(auto)).toBe(await badgeColor(light));
    await Promise.all([light.close(), dark.close(), auto.close()]);
  });
});
