// The API reference in Chromium: /docs/ renders under its strict CSP with nothing fetched from
// elsewhere, and a newcomer's first call from its try-it console (pre-filled with the secret) rings the
// bell of the user in the playground page next to it.
import { expect, it } from 'vitest';
import { useStack } from './harness.js';
import { badge, PAGES } from './pages.js';

const stack = useStack();

it('Test Request → Send on "Trigger a notification" rings the recipient’s bell', async () => {
  // The recorded example's recipient.
  const inbox = await stack.open(PAGES.playground, 'alice');
  await inbox.getByRole('heading', { name: 'Belfry playground' }).waitFor();
  expect(await inbox.getByRole('link', { name: 'API reference' }).getAttribute('href')).toBe('/docs/');

  const docs = await (await stack.context()).newPage();
  const problems: string[] = [];
  docs.on('request', (r) => {
    if (!r.url().startsWith(stack.url) && !r.url().startsWith('data:')) problems.push(`remote request ${r.url()}`);
  });
  docs.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) problems.push(m.text());
  });
  docs.on('pageerror', (e) => problems.push(`page error ${e.message}`));
  await docs.goto(`${stack.url}/docs/#tag/backend/POST/v1/notifications`);
  await docs.getByRole('button', { name: /Test Request/i }).first().click();
  const sent = docs.waitForResponse((r) => r.url() === `${stack.url}/v1/notifications` && r.request().method() === 'POST');
  await docs.getByRole('button', { name: /^Send/i }).first().click();
  const res = await sent;
  expect(res.request().headers().authorization).toBe('Bearer sk_test_e2e_secret');
  expect(res.status()).toBe(201);

  await expect.poll(() => badge(inbox).textContent(), { timeout: 15_000 }).toMatch(/[1-9]/);
  expect(problems).toEqual([]);
});
