// Toasts in Chromium, for the React <Toaster> (playground) and <belfry-toaster> (fixture page): the
// first realtime notification is announced by every client of the user (leader and follower), a
// notification is toasted once across two tabs, a toast pauses while hovered, Escape dismisses it,
// and axe finds no violations in it.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { uniqueUser, useStack } from './harness.js';
import { PAGES, expectBadge, inboxReady } from './pages.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const stack = useStack();

/** Long enough to reach a fresh toast with the pointer on a busy machine, short enough to wait out. */
const SHORT = 4000;
/** The page of each toaster, with toasts that stay `ms`. */
const KINDS = [
  ['React <Toaster>', (ms: number) => `${PAGES.playground}?toastDuration=${ms}`],
  ['<belfry-toaster>', (ms: number) => `${PAGES.fixture}?toaster=1&duration=${ms}`],
] as const;

const toasts = (page: Page) => page.locator('.belfry-toast');
const toastCount = (page: Page) => toasts(page).count();

async function ready(page: Page): Promise<void> {
  await inboxReady(page);
  // The toaster's client must be online too, so the next trigger arrives live.
  await page.waitForFunction(() => {
    const el = document.querySelector('belfry-toaster') as (HTMLElement & { client?: { connection: { getState(): { status: string } } } | null }) | null;
    return !el || el.client?.connection.getState().status === 'online';
  });
}

async function axe(page: Page, selector: string) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (include) => {
    const axeGlobal = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; help: string; nodes: unknown[] }> }> } }).axe;
    const result = await axeGlobal.run(
      { include: [[include]] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] },
    );
    return result.violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 2))}`);
  }, selector);
}

describe('the first notification is announced by every client', () => {
  it('the React inbox and the element on one page both fire it', async () => {
    const user = uniqueUser('announce');
    const page = await stack.open(PAGES.playground, user);
    await ready(page);
    await page.waitForTimeout(300); // both clients settle as leader and follower
    await stack.trigger(user, { title: 'First ever' });
    const log = page.locator('.pg-log[aria-live="off"]');
    await expect.poll(() => log.innerText(), { timeout: 10_000 }).toContain('React notification “First ever”');
    await expect.poll(() => log.innerText(), { timeout: 10_000 }).toContain('belfry:notification “First ever”');
    await page.close();
  });

  it('two tabs both fire belfry:notification for the first one', async () => {
    const user = uniqueUser('announce-tabs');
    const context = await stack.context();
    const a = await stack.open(`${PAGES.fixture}?toaster=1`, user, context);
    await ready(a);
    const b = await stack.open(`${PAGES.fixture}?toaster=1`, user, context);
    await ready(b);
    await stack.trigger(user, { title: 'Hello tabs' });
    for (const page of [a, b]) {
      await expect.poll(() => page.evaluate(() => (window as unknown as { __events: string[] }).__events), { timeout: 10_000 }).toEqual(['belfry:notification Hello tabs']);
    }
    await a.close();
    await b.close();
  });
});

describe.each(KINDS)('%s', (_name, pageFor) => {
  it('appears once across two tabs of one browser', async () => {
    const user = uniqueUser('once');
    const path = pageFor(60_000);
    const context = await stack.context();
    const a = await stack.open(path, user, context);
    await ready(a);
    const b = await stack.open(path, user, context);
    await ready(b);
    await stack.trigger(user, { title: 'Only once' });
    await expectBadge(a, '1');
    await expectBadge(b, '1');
    await expect.poll(async () => (await toastCount(a)) + (await toastCount(b)), { timeout: 10_000 }).toBe(1);
    // And it stays one: the other tab never shows it later.
    await a.waitForTimeout(500);
    expect((await toastCount(a)) + (await toastCount(b))).toBe(1);
    await a.close();
    await b.close();
  });

  it('pauses on hover, goes when left, and Escape dismisses; axe finds nothing', async () => {
    const user = uniqueUser('toast');
    const path = pageFor(SHORT);
    const page = await stack.open(path, user);
    await ready(page);
    await stack.trigger(user, { title: 'Hover over me', body: 'Deploy **#812** is live', actions: [{ id: 'view', label: 'View', url: 'https://example.com' }] });
    const toast = toasts(page).filter({ hasText: 'Hover over me' });
    await toast.waitFor({ state: 'visible', timeout: 10_000 });
    await toast.hover();
    // Announced politely, and focus stayed where it was.
    await expect.poll(() => page.locator('.belfry-toaster [role="status"]').innerText()).toBe('New notification: Hover over me');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(await axe(page, path.includes('toaster=1') ? 'belfry-toaster' : '.belfry-toaster')).toEqual([]);
    await page.waitForTimeout(SHORT * 1.5);
    expect(await toast.isVisible()).toBe(true);
    await page.mouse.move(5, 5);
    await toast.waitFor({ state: 'detached', timeout: 10_000 });

    await stack.trigger(user, { title: 'Escape me' });
    const second = toasts(page).filter({ hasText: 'Escape me' });
    await second.waitFor({ state: 'visible', timeout: 10_000 });
    await second.locator('.belfry-item').focus();
    await page.keyboard.press('Escape');
    await second.waitFor({ state: 'detached', timeout: 5_000 });
    await page.close();
  });
});
