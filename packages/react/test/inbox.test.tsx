import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { BelfryProvider, Bell, Inbox } from '../src/index.js';
import { testServer, uniqueUser } from './server.js';

const srv = testServer();
afterEach(() => cleanup());

describe('Bell', () => {
  it('is named with the unread count and shows a badge', async () => {
    const user = uniqueUser();
    for (let i = 0; i < 3; i++) await srv.trigger(user, { title: `Hello ${i}` });
    render(
      <BelfryProvider {...srv.options(user)}>
        <Bell />
      </BelfryProvider>,
    );
    const bell = await screen.findByRole('button', { name: 'Notifications, 3 unread' });
    expect(bell.querySelector('.belfry-badge')?.textContent).toBe('3');
  });

  it('hides the badge at 0 and caps it at 99+', async () => {
    const user = uniqueUser();
    const { unmount } = render(
      <BelfryProvider {...srv.options(user)}>
        <Bell />
      </BelfryProvider>,
    );
    const bell = await screen.findByRole('button', { name: 'Notifications' });
    await waitFor(() => expect(bell.getAttribute('data-count')).toBe('0'));
    expect(bell.querySelector('.belfry-badge')).toBeNull();
    unmount();
    render(
      <BelfryProvider {...srv.options(user)}>
        <Bell count={150} />
      </BelfryProvider>,
    );
    const capped = screen.getByRole('button', { name: 'Notifications, 99+ unread' });
    expect(capped.querySelector('.belfry-badge')?.textContent).toBe('99+');
  });
});

describe('Inbox popover', () => {
  it('moves focus in, traps Tab, closes on Escape and returns focus', async () => {
    const user = uniqueUser();
    await srv.trigger(user, { title: 'First' });
    await srv.trigger(user, { title: 'Second' });
    render(
      <BelfryProvider {...srv.options(user)}>
        <Inbox initialRect={{ width: 380, height: 480 }} />
      </BelfryProvider>,
    );
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    expect(bell.getAttribute('aria-expanded')).toBe('false');
    bell.focus();
    fireEvent.click(bell);
    const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
    expect(bell.getAttribute('aria-expanded')).toBe('true');
    expect(bell.getAttribute('aria-controls')).toBe(dialog.id);
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    await within(dialog).findByText('Second');

    // Tab from the last focusable wraps to the first, Shift+Tab from the first wraps to the last.
    const focusables = Array.from(
      dialog.querySelectorAll<HTMLElement>('button:not([disabled]), [tabindex]:not([tabindex="-1"])'),
    ).filter((el) => el.tabIndex >= 0);
    const first = focusables[0]!;
    const last = focusables[focusables.length - 1]!;
    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(bell);
    expect(bell.getAttribute('aria-expanded')).toBe('false');
  });

  it('supports controlled open state', async () => {
    const user = uniqueUser();
    const changes: boolean[] = [];
    const { rerender } = render(
      <BelfryProvider {...srv.options(user)}>
        <Inbox open={false} onOpenChange={(o) => changes.push(o)} />
      </BelfryProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications' }));
    expect(changes).toEqual([true]);
    expect(screen.queryByRole('dialog')).toBeNull();
    rerender(
      <BelfryProvider {...srv.options(user)}>
        <Inbox open onOpenChange={(o) => changes.push(o)} />
      </BelfryProvider>,
    );
    expect(await screen.findByRole('dialog')).toBeTruthy();
  });

  it('tabs follow the WAI-ARIA pattern and filter the feed', async () => {
    const user = uniqueUser();
    const readId = await srv.trigger(user, { title: 'Already read', category: 'news' });
    await srv.trigger(user, { title: 'Still unread', category: 'alerts' });
    // Mark one read through the real API of a second client session.
    const { createBelfry } = await import('@belfry/core');
    const other = createBelfry(srv.options(user));
    await other.markRead(readId);
    other.destroy();

    render(
      <BelfryProvider {...srv.options(user)}>
        <Inbox defaultOpen categories={[{ key: 'alerts', label: 'Alerts' }]} initialRect={{ width: 380, height: 480 }} />
      </BelfryProvider>,
    );
    const tablist = await screen.findByRole('tablist');
    const tabs = within(tablist).getAllByRole('tab');
    // Tab counts are what is left to read, not totals.
    await waitFor(() => expect(tabs.map((t) => t.textContent)).toEqual(['All1', 'Unread1', 'Archived', 'Alerts1']));
    const all = within(tablist).getByRole('tab', { name: /All/ });
    expect(all.getAttribute('aria-selected')).toBe('true');
    expect(all.tabIndex).toBe(0);
    expect(within(tablist).getByRole('tab', { name: /Unread/ }).tabIndex).toBe(-1);
    await screen.findByText('Already read');

    all.focus();
    fireEvent.keyDown(all, { key: 'ArrowRight' });
    const unread = within(tablist).getByRole('tab', { name: /Unread/ });
    expect(unread.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(unread);
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(unread.id);
    await within(panel).findByText('Still unread');
    expect(within(panel).queryByText('Already read')).toBeNull();

    fireEvent.keyDown(unread, { key: 'End' });
    expect(within(tablist).getByRole('tab', { name: /Alerts/ }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(all);
    fireEvent.keyDown(all, { key: 'ArrowLeft' });
    expect(within(tablist).getByRole('tab', { name: /Alerts/ }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(all);
  });
});
