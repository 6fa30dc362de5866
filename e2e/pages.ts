// Locators and probes shared by the tests. Playwright's CSS locators pierce open shadow roots, so the
// same selectors reach into <belfry-inbox>.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

export const PAGES = {
  element: '/examples/vanilla-html/',
  react: '/examples/react-vite/',
  vue: '/examples/vue/',
  fixture: '/e2e/elements.html',
  /** The React <Inbox> taking the same query parameters as the element fixture (badge, seen, categories). */
  reactFixture: '/e2e/react.html',
  playground: '/',
} as const;

type Scope = Page | Locator;

export const bell = (scope: Scope): Locator => scope.locator('.belfry-bell').first();
export const badge = (scope: Scope): Locator => scope.locator('.belfry-badge').first();
export const popover = (scope: Scope): Locator => scope.locator('.belfry-popover').first();
export const items = (scope: Scope): Locator => scope.locator('.belfry-popover .belfry-item');
export const item = (scope: Scope, title: string): Locator => items(scope).filter({ hasText: title });

/** Badge text, or '' when the badge is hidden (no unread). */
export async function badgeText(scope: Scope): Promise<string> {
  const b = badge(scope);
  return (await b.count()) ? ((await b.textContent()) ?? '').trim() : '';
}

export async function expectBadge(scope: Scope, text: string, timeout = 8000): Promise<void> {
  await expect.poll(() => badgeText(scope), { timeout }).toBe(text);
}

/**
 * Waits for the bell; on pages with a custom element also for its client to be online with its counts
 * loaded, so that a notification triggered next arrives over the socket (not in the first fetch).
 */
export async function inboxReady(page: Page): Promise<void> {
  await bell(page).waitFor({ state: 'visible' });
  type Probe = HTMLElement & {
    client?: { connection: { getState(): { status: string } }; counts: { getState(): { status: string } } } | null;
  };
  await page.waitForFunction(
    () => {
      const el = document.querySelector('belfry-inbox') as Probe | null;
      if (!el) return true;
      return el.client?.connection.getState().status === 'online' && el.client.counts.getState().status === 'success';
    },
    undefined,
    { timeout: 10_000 },
  );
  await page.waitForTimeout(150);
}

/** The focused element, looking through shadow roots. */
export async function deepFocus(page: Page): Promise<{ className: string; index: string | null; inPopover: boolean; tag: string; label: string | null }> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return {
      className: (active as HTMLElement | null)?.className ?? '',
      index: active?.getAttribute('data-index') ?? null,
      inPopover: !!active?.closest('.belfry-popover'),
      tag: active?.tagName.toLowerCase() ?? '',
      label: active?.getAttribute('aria-label') ?? null,
    };
  });
}
