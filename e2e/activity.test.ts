// The playground's Activity panel in Chromium: a message sent from the page appears, its timeline
// grows live as the user reads and clicks an action in the inbox next to it, and the dev server's own
// webhook receiver shows the signed deliveries as verified.
import { expect, it } from 'vitest';
import { uniqueUser, useStack } from './harness.js';
import { PAGES } from './pages.js';

const stack = useStack();

it('shows the latest message and a live timeline, with signed webhook deliveries verified', async () => {
  const user = uniqueUser('activity');
  const page = await stack.open(PAGES.playground, user);
  const timeline = page.getByTestId('activity-timeline');
  const types = async () => timeline.locator('li[data-type]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-type')));

  await page.getByRole('button', { name: 'Send notification' }).click();
  await page.getByRole('list', { name: 'Latest messages' }).getByText('Ada commented on your pull request').waitFor();
  await expect.poll(types, { timeout: 10_000 }).toEqual(expect.arrayContaining(['triggered', 'delivered']));

  await page.getByTestId('react-inbox').getByRole('button', { name: /^Notifications/ }).click();
  await page.getByRole('button', { name: 'Approve' }).first().click();
  await expect.poll(async () => (await types()).filter((t) => !t!.startsWith('webhook.')), { timeout: 10_000 }).toEqual(['triggered', 'delivered', 'read', 'clicked']);
  await expect.poll(() => timeline.locator('li[data-type="clicked"]').innerText()).toContain('action approve');

  const hooks = page.getByTestId('activity-webhooks');
  await expect.poll(() => hooks.locator('li[data-verified="true"]').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
  expect(await hooks.locator('li[data-verified="false"]').count()).toBe(0);
  await expect.poll(types, { timeout: 10_000 }).toContain('webhook.delivered');
  await page.close();
});
