// axe-core, injected into the page, finds no violations in the custom element's open inbox and its
// preference centre, in light and dark.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { uniqueUser, useStack } from './harness.js';
import { PAGES, bell, expectBadge, inboxReady, popover } from './pages.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const stack = useStack(async (started) => {
  await started.api('PUT', '/v1/categories/security', { label: 'Security', locked: true });
  await started.api('PUT', '/v1/categories/comments', { label: 'Comments' });
});

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: unknown; failureSummary: string }>;
}

async function axe(page: Page, selector: string): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (include) => {
    const axeGlobal = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axeGlobal.run(
      { include: [[include]] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, selector);
}

const summary = (violations: AxeViolation[]) => violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3))}`).join('\n');

describe.each(['light', 'dark'])('axe (%s)', (scheme) => {
  it('open inbox of <belfry-inbox> has no violations', async () => {
    const user = uniqueUser(`axe-${scheme}`);
    await stack.trigger(user, { category: 'comments', title: 'Ada commented', body: 'Looks **great**', actions: [{ id: 'view', label: 'View', url: 'https://example.com' }] });
    await stack.trigger(user, { category: 'security', title: 'New sign-in' });
    const page = await stack.open(`${PAGES.fixture}?scheme=${scheme}`, user);
    await inboxReady(page);
    await expectBadge(page, '2');
    await bell(page).click();
    await popover(page).waitFor({ state: 'visible' });
    await page.locator('.belfry-item').first().waitFor({ state: 'visible' });
    await page.waitForTimeout(200); // let the popover finish positioning
    const violations = await axe(page, 'belfry-inbox');
    expect(violations, summary(violations)).toEqual([]);
    await page.close();
  });

  it('preference centre of <belfry-inbox> and <belfry-preferences> has no violations', async () => {
    const user = uniqueUser(`axe-prefs-${scheme}`);
    const page = await stack.open(`${PAGES.fixture}?scheme=${scheme}&prefs=1`, user);
    await inboxReady(page);
    await page.locator('#prefs .belfry-switch-input').first().waitFor({ state: 'attached' });
    let violations = await axe(page, '#prefs');
    expect(violations, summary(violations)).toEqual([]);

    await bell(page).click();
    await popover(page).waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Notification preferences' }).click();
    await page.locator('.belfry-popover .belfry-switch-input').first().waitFor({ state: 'attached' });
    violations = await axe(page, 'belfry-inbox');
    expect(violations, summary(violations)).toEqual([]);
    await page.close();
  });
});
