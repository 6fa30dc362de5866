// Custom-element behaviour in a real browser: attribute changes, one shared client per user, clients
// freed on removal, DOM events crossing the shadow boundary.
import { describe, expect, it } from 'vitest';
import { uniqueUser, useStack } from './harness.js';
import { PAGES, expectBadge, inboxReady } from './pages.js';

const stack = useStack();

type BelfryGlobal = { Belfry: { sharedClientCount(): number } };

describe('custom elements', () => {
  it('two elements for one user share a client; removing both frees it', async () => {
    const user = uniqueUser('share');
    const page = await stack.open(`${PAGES.fixture}?second=1`, user);
    await inboxReady(page);
    const same = await page.evaluate(() => {
      const [a, b] = Array.from(document.querySelectorAll('belfry-inbox')) as Array<HTMLElement & { client: unknown }>;
      return !!a!.client && a!.client === b!.client;
    });
    expect(same).toBe(true);
    expect(await page.evaluate(() => (window as unknown as BelfryGlobal).Belfry.sharedClientCount())).toBe(1);

    await stack.trigger(user, { title: 'Seen twice' });
    await expectBadge(page.locator('#inbox'), '1');
    await expectBadge(page.locator('#second'), '1');

    await page.evaluate(() => document.getElementById('second')!.remove());
    await page.waitForTimeout(50);
    expect(await page.evaluate(() => (window as unknown as BelfryGlobal).Belfry.sharedClientCount())).toBe(1);
    await page.evaluate(() => document.getElementById('inbox')!.remove());
    await expect.poll(() => page.evaluate(() => (window as unknown as BelfryGlobal).Belfry.sharedClientCount())).toBe(0);
    await page.close();
  });

  it('reacts to attribute changes: switching user-id shows the other user', async () => {
    const alice = uniqueUser('alice');
    const bob = uniqueUser('bob');
    await stack.trigger(alice, { title: 'For Alice' });
    await stack.trigger(bob, { title: 'For Bob 1' });
    await stack.trigger(bob, { title: 'For Bob 2' });
    const page = await stack.open(PAGES.fixture, alice);
    await inboxReady(page);
    await expectBadge(page, '1');
    const bobKey = (await (await fetch(`${stack.url}/playground/session?userId=${bob}`)).json()).userKey as string;
    await page.evaluate(
      ([id, key]) => {
        const el = document.querySelector('belfry-inbox')!;
        el.setAttribute('user-id', id!);
        el.setAttribute('user-key', key!);
      },
      [bob, bobKey],
    );
    await expectBadge(page, '2');
    expect(await page.evaluate(() => (window as unknown as BelfryGlobal).Belfry.sharedClientCount())).toBe(1);
    await page.close();
  });

  it('emits belfry:notification, belfry:open-change, belfry:notification-click and belfry:action on the page', async () => {
    const user = uniqueUser('events');
    const page = await stack.open(PAGES.fixture, user);
    await inboxReady(page);
    await page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { __events: string[] }).__events = log;
      for (const name of ['belfry:notification', 'belfry:open-change', 'belfry:notification-click', 'belfry:action']) {
        document.addEventListener(name, (event) => {
          const e = event as CustomEvent<{ notification?: { title: string }; open?: boolean; action?: { id: string } }>;
          if (!e.composed || !e.bubbles) log.push(`${name}:not-composed`);
          log.push(`${name}:${e.detail.action?.id ?? e.detail.notification?.title ?? e.detail.open}`);
          // Keep the page here: the element would otherwise follow the actionUrl.
          if (name === 'belfry:notification-click') event.preventDefault();
        });
      }
    });
    await stack.trigger(user, {
      title: 'Eventful',
      actionUrl: 'https://example.com/elsewhere',
      actions: [{ id: 'ack', label: 'Acknowledge' }],
    });
    await expectBadge(page, '1');
    await page.locator('.belfry-bell').click();
    await page.locator('.belfry-item', { hasText: 'Eventful' }).click();
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.keyboard.press('Escape');
    const events = await page.evaluate(() => (window as unknown as { __events: string[] }).__events);
    expect(events).toEqual([
      'belfry:notification:Eventful',
      'belfry:open-change:true',
      'belfry:notification-click:Eventful',
      'belfry:action:ack',
      'belfry:open-change:false',
    ]);
    expect(page.url()).toContain('/e2e/elements.html');
    await page.close();
  });
});
