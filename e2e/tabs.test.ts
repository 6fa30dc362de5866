// Two tabs of one user: reading in one updates the other.
import { describe, it } from 'vitest';
import { uniqueUser, useStack } from './harness.js';
import { PAGES, bell, expectBadge, inboxReady, item, popover } from './pages.js';

const stack = useStack();

describe('two tabs of one user', () => {
  it('reading in one tab updates the badge in the other', async () => {
    const user = uniqueUser('tabs');
    const context = await stack.context();
    const first = await stack.open(PAGES.element, user, context);
    const second = await stack.open(PAGES.element, user, context);
    await inboxReady(first);
    await inboxReady(second);

    await stack.trigger(user, { title: 'Shared one' });
    await stack.trigger(user, { title: 'Shared two' });
    await expectBadge(first, '2');
    await expectBadge(second, '2');

    await bell(first).click();
    await popover(first).waitFor({ state: 'visible' });
    await item(first, 'Shared one').click();
    await expectBadge(first, '1');
    await expectBadge(second, '1');

    await first.getByRole('button', { name: 'Mark all as read' }).click();
    await expectBadge(second, '');
    await expectBadge(first, '');
  });
});
