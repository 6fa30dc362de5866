// The tab row's "More" menu: category tabs that don't fit move into it, the selected one stays in the
// row, and the menu works from the keyboard. happy-dom has no layout: the tab row and tabs get sizes
// here (only DOM measurement is stubbed).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { BelfryProvider, Inbox } from '../src/index.js';
import { testServer, uniqueUser } from './server.js';

const srv = testServer();
afterEach(() => cleanup());

const TAB = 80;
const ROW = 450;
const restore: Array<() => void> = [];
beforeAll(() => {
  for (const prop of ['offsetWidth', 'clientWidth'] as const) {
    const descriptor = Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop)!;
    Object.defineProperty(HTMLElement.prototype, prop, {
      configurable: true,
      get(this: HTMLElement) {
        if (prop === 'offsetWidth' && (this.classList.contains('belfry-tab') || this.classList.contains('belfry-more'))) return TAB;
        if (prop === 'clientWidth' && this.classList.contains('belfry-tabrow')) return ROW;
        return descriptor.get!.call(this) as number;
      },
    });
    restore.push(() => Object.defineProperty(HTMLElement.prototype, prop, descriptor));
  }
});
afterAll(() => restore.forEach((undo) => undo()));

const CATEGORIES = ['Billing', 'Comments', 'Deploys', 'Mentions', 'Security'].map((label) => ({ key: label.toLowerCase(), label }));

describe('tab overflow', () => {
  it('moves the category tabs that do not fit into "More"; picking one brings it into the row', async () => {
    const user = uniqueUser('tabs');
    await srv.trigger(user, { title: 'Breach', category: 'security' });
    await srv.trigger(user, { title: 'Invoice', category: 'billing' });
    render(
      <BelfryProvider {...srv.options(user)}>
        <Inbox defaultOpen categories={CATEGORIES} initialRect={{ width: 380, height: 480 }} />
      </BelfryProvider>,
    );
    const tablist = await screen.findByRole('tablist');
    // 450 px: All, Unread, Archived, one category (4 × 80) and "More" (80) fit, a second category does not.
    await waitFor(() => expect(within(tablist).getAllByRole('tab').filter((t) => !t.classList.contains('belfry-collapsed')).map((t) => t.textContent)).toEqual(['All2', 'Unread2', 'Archived', 'Billing1']));
    // "More" carries the unread count of the tabs inside it.
    const more = await screen.findByRole('button', { name: 'More 1' });
    expect(more.getAttribute('aria-haspopup')).toBe('menu');

    // Keyboard: ArrowDown opens the menu on its first item; arrows move; Enter picks.
    more.focus();
    fireEvent.keyDown(more, { key: 'ArrowDown' });
    const menu = await screen.findByRole('menu', { name: 'More' });
    const entries = within(menu).getAllByRole('menuitem');
    expect(entries.map((e) => e.textContent)).toEqual(['Comments', 'Deploys', 'Mentions', 'Security1']);
    await waitFor(() => expect(document.activeElement).toBe(entries[0]));
    fireEvent.keyDown(menu, { key: 'End' });
    expect(document.activeElement).toBe(entries[3]);
    fireEvent.click(entries[3]!);

    // Security is selected, shown in the row (Billing made room), focused, and filters the feed.
    const security = await within(tablist).findByRole('tab', { name: /Security/ });
    await waitFor(() => expect(security.getAttribute('aria-selected')).toBe('true'));
    expect(security.classList.contains('belfry-collapsed')).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(security));
    expect(screen.queryByRole('menu')).toBeNull();
    await within(screen.getByRole('tabpanel')).findByText('Breach');
    const billing = tablist.querySelector('[data-tab="category:billing"]')!;
    expect(billing.classList.contains('belfry-collapsed')).toBe(true);

    // Arrow keys move through the tabs in the row only, wrapping around.
    fireEvent.keyDown(security, { key: 'ArrowRight' });
    expect(within(tablist).getByRole('tab', { name: /All/ }).getAttribute('aria-selected')).toBe('true');
  });

  it('shows no "More" when every tab fits', async () => {
    const user = uniqueUser('tabs-fit');
    render(
      <BelfryProvider {...srv.options(user)}>
        <Inbox defaultOpen categories={CATEGORIES.slice(0, 2)} initialRect={{ width: 380, height: 480 }} />
      </BelfryProvider>,
    );
    const tablist = await screen.findByRole('tablist');
    await waitFor(() => expect(within(tablist).getAllByRole('tab')).toHaveLength(5));
    expect(tablist.querySelectorAll('.belfry-collapsed')).toHaveLength(0);
    // Rendered (to be measured) but hidden from everyone and out of the tab order.
    const more = tablist.parentElement!.querySelector('.belfry-more')!;
    expect(more.classList.contains('belfry-collapsed')).toBe(true);
    expect(more.querySelector('button')!.tabIndex).toBe(-1);
  });
});
