// Where the popover lands: Floating UI's placement middleware over the top layer (showPopover), so a
// transformed or clipping ancestor of the bell can neither displace nor cut off the popover.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { uniqueUser, useStack } from './harness.js';
import { PAGES, bell, inboxReady, popover } from './pages.js';

const stack = useStack();

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

async function openAndMeasure(page: Page) {
  await bell(page).click();
  await expect.poll(() => popover(page).evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
  // The opening animation slides the popover by a few pixels; measure where it comes to rest.
  await popover(page).evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
  return measure(page);
}

async function measure(page: Page) {
  const box = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  };
  const [b, p, topLayer, placement, viewport, hit] = await Promise.all([
    bell(page).evaluate(box),
    popover(page).evaluate(box),
    popover(page).evaluate((el) => el.matches(':popover-open')),
    popover(page).getAttribute('data-placement'),
    page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight })),
    // What a person clicking the middle of the popover hits: the popover itself, not whatever covers it.
    popover(page).evaluate((el) => {
      const r = el.getBoundingClientRect();
      const root = el.getRootNode() as Document | ShadowRoot;
      const at = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !!at && el.contains(at);
    }),
  ]);
  return { bell: b, popover: p, topLayer, placement, viewport, hit };
}

function expectInside(p: Box, viewport: { width: number; height: number }) {
  expect(p.left).toBeGreaterThanOrEqual(0);
  expect(p.top).toBeGreaterThanOrEqual(0);
  expect(p.right).toBeLessThanOrEqual(viewport.width);
  expect(p.bottom).toBeLessThanOrEqual(viewport.height);
}

describe('popover positioning in Chromium', () => {
  for (const [name, path] of [
    ['React example', PAGES.react],
    ['custom element', PAGES.fixture],
  ] as const) {
    it(`${name}: in the top layer, 8px below the bell, end edges aligned, inside the viewport`, async () => {
      const page = await stack.open(path, uniqueUser('pos'));
      await inboxReady(page);
      const m = await openAndMeasure(page);
      expect(m.topLayer).toBe(true);
      expect(m.placement).toBe('bottom-end');
      expect(m.popover.top - m.bell.bottom).toBeCloseTo(8, 0);
      expect(m.popover.right).toBeCloseTo(m.bell.right, 0);
      expectInside(m.popover, m.viewport);
      expect(m.hit).toBe(true);
      await page.close();
    });
  }

  it('the first frame after the click already shows the popover where it comes to rest', async () => {
    const user = uniqueUser('pos-frame');
    await stack.trigger(user, { title: 'Framed' });
    const page = await stack.open(PAGES.react, user);
    await inboxReady(page);
    // Read in the first animation frame after the click: what that frame paints.
    const first = await page.evaluate(
      () =>
        new Promise<{ left: string; top: string; placement: string | null }>((done) => {
          (document.querySelector('.belfry-bell') as HTMLElement).click();
          requestAnimationFrame(() => {
            const el = document.querySelector('.belfry-popover') as HTMLElement;
            done({ left: el.style.left, top: el.style.top, placement: el.getAttribute('data-placement') });
          });
        }),
    );
    await popover(page).evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    const rest = await popover(page).evaluate((el) => ({ left: el.style.left, top: el.style.top, placement: el.getAttribute('data-placement') }));
    expect(first.left).not.toBe('');
    expect(first).toEqual(rest);
    await page.close();
  });

  it('an item menu opens in the top layer below its button, not clipped by the popover', async () => {
    const user = uniqueUser('pos-menu');
    await stack.trigger(user, { title: 'Menu me' });
    const page = await stack.open(PAGES.fixture, user);
    await inboxReady(page);
    await openAndMeasure(page);
    const button = page.locator('.belfry-popover .belfry-item button[aria-haspopup="menu"]').first();
    await button.click();
    const menu = page.locator('.belfry-menu').first();
    await expect.poll(() => menu.evaluate((el) => el.matches(':popover-open'))).toBe(true);
    const [b, m, focused, hit] = await Promise.all([
      button.evaluate((el) => el.getBoundingClientRect().toJSON()),
      menu.evaluate((el) => el.getBoundingClientRect().toJSON()),
      menu.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement?.getAttribute('data-command') ?? null),
      menu.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const at = (el.getRootNode() as ShadowRoot).elementFromPoint(r.left + r.width / 2, r.bottom - 6);
        return !!at && el.contains(at);
      }),
    ]);
    expect(m.top - b.bottom).toBeCloseTo(8, 0);
    expect(m.right).toBeCloseTo(b.right, 0);
    expect(focused).toBe('read');
    expect(hit).toBe(true);
    await page.close();
  });

  it('a transformed, clipping ancestor neither moves nor cuts off the popover', async () => {
    const page = await stack.open(PAGES.fixture, uniqueUser('pos-clip'));
    await page.evaluate(() => {
      const box = Object.assign(document.createElement('div'), { id: 'clip' });
      box.style.cssText = 'transform: translateX(-40px); overflow: hidden; height: 48px; width: 60px; margin-left: auto';
      box.append(document.querySelector('belfry-inbox')!);
      document.querySelector('header')!.append(box);
    });
    await inboxReady(page);
    const m = await openAndMeasure(page);
    expect(m.topLayer).toBe(true);
    expect(m.popover.top - m.bell.bottom).toBeCloseTo(8, 0);
    expect(m.popover.right).toBeCloseTo(m.bell.right, 0);
    expect(m.popover.bottom - m.popover.top).toBeGreaterThan(200);
    expect(m.hit).toBe(true);
    await page.close();
  });

  it('flips above a bell at the bottom of the viewport, and shifts inside a narrow one', async () => {
    const page = await stack.open(PAGES.fixture, uniqueUser('pos-flip'));
    // 500 px: still a popover (below 480 px the inbox is a sheet, see layout.test.ts).
    await page.setViewportSize({ width: 500, height: 700 });
    await page.evaluate(() => {
      const header = document.querySelector('header')!;
      header.style.cssText = 'position: fixed; bottom: 0; left: 0; right: 0; justify-content: flex-start';
    });
    await inboxReady(page);
    const m = await openAndMeasure(page);
    expect(m.placement?.startsWith('top')).toBe(true);
    expect(m.bell.top - m.popover.bottom).toBeCloseTo(8, 0);
    // The bell sits at the left; a 380px-wide popover can't end-align there, so it is shifted in.
    expectInside(m.popover, m.viewport);
    expect(m.popover.left).toBeGreaterThanOrEqual(8 - 0.5);
    await page.close();
  });

  it('follows the bell when the page scrolls, and mirrors in right-to-left locales', async () => {
    const page = await stack.open(PAGES.fixture, uniqueUser('pos-scroll'));
    await page.evaluate(() => {
      document.body.style.minHeight = '3000px';
      const header = document.querySelector('header')!;
      header.style.marginTop = '100px';
      header.style.justifyContent = 'center';
      document.querySelector('belfry-inbox')!.setAttribute('locale', 'ar');
    });
    await inboxReady(page);
    const before = await openAndMeasure(page);
    // bottom-end in a right-to-left layout aligns the left edges.
    expect(before.popover.left).toBeCloseTo(before.bell.left, 0);
    await page.evaluate(() => window.scrollBy(0, 60));
    await expect.poll(async () => (await measure(page)).bell.top).toBeCloseTo(before.bell.top - 60, 0);
    await expect.poll(async () => {
      const m = await measure(page);
      return Math.round(m.popover.top - m.bell.bottom);
    }).toBe(8);
    await page.close();
  });
});
