import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createBelfry } from '@belfry/core';
import { BelfryProvider, Feed, useConnection } from '../src/index.js';
import { testServer, uniqueUser } from './server.js';

const srv = testServer();
afterEach(() => cleanup());

async function seed(userId: string, count: number) {
  const res = await fetch(`${srv.url}/__test/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, count }),
  });
  expect(res.status).toBe(200);
}

const rows = () => screen.getAllByRole('listitem');

describe('Feed', () => {
  it('moves between rows with arrows and Home/End (roving tabindex)', async () => {
    const user = uniqueUser();
    for (let i = 0; i < 4; i++) await srv.trigger(user, { title: `Row ${i}` });
    render(
      <BelfryProvider {...srv.options(user)}>
        <Feed />
      </BelfryProvider>,
    );
    await screen.findByText('Row 0');
    const list = screen.getByRole('list');
    expect(rows().map((r) => r.tabIndex)).toEqual([0, -1, -1, -1]);
    expect(rows()[0]!.getAttribute('aria-posinset')).toBe('1');
    rows()[0]!.focus();
    fireEvent.keyDown(rows()[0]!, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(rows()[1]));
    expect(rows().map((r) => r.tabIndex)).toEqual([-1, 0, -1, -1]);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(document.activeElement).toBe(rows()[3]));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows()[3]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    await waitFor(() => expect(document.activeElement).toBe(rows()[2]));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await waitFor(() => expect(document.activeElement).toBe(rows()[0]));
    expect(within(list).getByText('Row 3')).toBeTruthy();
  });

  it('marks read and clicked optimistically on click, records the action clicked, and persists it', async () => {
    const user = uniqueUser();
    const id = await srv.trigger(user, { title: 'Click me', actions: [{ id: 'approve', label: 'Approve' }] });
    const actions: string[] = [];
    render(
      <BelfryProvider {...srv.options(user)}>
        <Feed onNotificationClick={() => false} onAction={(_n, a) => actions.push(a.id)} />
      </BelfryProvider>,
    );
    await screen.findByText('Click me');
    const row = rows()[0]!;
    expect(row.getAttribute('data-unread')).toBe('true');
    fireEvent.click(row.querySelector('.belfry-item-title')!);
    // Optimistic: the row flips before the server answers.
    expect(row.getAttribute('data-unread')).toBe('false');
    await waitFor(async () => {
      const res = await srv.admin('GET', `/v1/users/${user}/notifications?read=true`);
      const body = (await res.json()) as { items: Array<{ id: string; clickedAt: string | null }> };
      expect(body.items.find((n) => n.id === id)?.clickedAt).toEqual(expect.any(String));
    });
    fireEvent.click(within(row).getByRole('button', { name: 'Approve' }));
    expect(actions).toEqual(['approve']);
    // Each click is a `clicked` event on the notification's timeline; the action one names the action.
    await waitFor(async () => {
      const res = await srv.admin('GET', `/v1/notifications/${id}/events`);
      const { events } = (await res.json()) as { events: Array<{ type: string; detail?: { action?: string } }> };
      expect(events.filter((e) => e.type === 'clicked').map((e) => e.detail?.action ?? null)).toEqual([null, 'approve']);
    });
  });

  it('rolls back a failed change and says so', async () => {
    const user = uniqueUser();
    const id = await srv.trigger(user, { title: 'Will vanish' });
    render(
      <BelfryProvider {...srv.options(user)}>
        <Feed />
      </BelfryProvider>,
    );
    await screen.findByText('Will vanish');
    // The server forgets it behind the client's back (no realtime here), so marking it read fails (404).
    expect((await srv.admin('DELETE', `/v1/users/${user}/notifications/${id}`)).status).toBe(200);
    const row = rows()[0]!;
    fireEvent.click(within(row).getByRole('button', { name: 'More actions' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Mark as read' }));
    expect(rows()[0]!.getAttribute('data-unread')).toBe('false');
    await waitFor(() => expect(rows()[0]!.getAttribute('data-unread')).toBe('true'));
    expect(within(rows()[0]!).getByRole('alert').textContent).toMatch(/undone/);
  });

  it('menu: arrows move, Escape closes and returns focus, archive removes the row', async () => {
    const user = uniqueUser();
    await srv.trigger(user, { title: 'Archive me' });
    render(
      <BelfryProvider {...srv.options(user)}>
        <Feed />
      </BelfryProvider>,
    );
    await screen.findByText('Archive me');
    const button = within(rows()[0]!).getByRole('button', { name: 'More actions' });
    button.focus();
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    const menu = await screen.findByRole('menu');
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Mark as read',
      'Archive',
      'Snooze for 1 hour',
      'Snooze until tomorrow',
      'Snooze until next week',
    ]);
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    fireEvent.keyDown(items[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.keyDown(items[1]!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Archive' }));
    await waitFor(() => expect(screen.queryByText('Archive me')).toBeNull());
    await screen.findByText('You have no notifications');
  });

  it('renders safe formatting and refuses script URLs in items', async () => {
    const user = uniqueUser();
    // A script link never gets past the API (the same URL policy as the client's, see safe.test.tsx).
    await expect(srv.trigger(user, { title: 'x', body: '[this](javascript:alert(1))' })).rejects.toThrow(/400.*body/);
    await srv.trigger(user, {
      title: '**Bold** title',
      body: 'See [docs](https://example.com/docs) <img src=x onerror=alert(1)>',
      actionUrl: '/inbox',
    });
    const { container } = render(
      <BelfryProvider {...srv.options(user)}>
        <Feed />
      </BelfryProvider>,
    );
    await screen.findByText('Bold');
    expect(container.querySelector('strong')?.textContent).toBe('Bold');
    expect(Array.from(container.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual(['https://example.com/docs']);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('renders every text of a notification (title, body, action labels, initial) in bidi isolation, unchanged', async () => {
    const user = uniqueUser('bidi');
    const title = '\u202Eevil title';
    await srv.trigger(user, { title, body: 'body \u202Etext', actions: [{ id: 'a', label: 'label \u202Eflip' }] });
    const { container } = render(
      <BelfryProvider {...srv.options(user)}>
        <Feed />
      </BelfryProvider>,
    );
    await waitFor(() => expect(container.querySelector('.belfry-item-title bdi')).not.toBeNull());
    const item = container.querySelector('.belfry-item')!;
    expect(item.querySelector('.belfry-item-title bdi')!.textContent).toBe(title);
    expect(item.querySelector('.belfry-item-body bdi')!.textContent).toBe('body \u202Etext');
    expect(item.querySelector('.belfry-action bdi')!.textContent).toBe('label \u202Eflip');
    expect(item.querySelector('.belfry-avatar bdi')).not.toBeNull();
    // Every text node holding the notification's characters sits inside a <bdi>.
    const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent?.includes('\u202E')) expect(node.parentElement!.closest('bdi'), node.textContent).not.toBeNull();
    }
  });

  it('virtualises 10,000 notifications to at most 100 rendered rows', async () => {
    const user = uniqueUser('many');
    await seed(user, 10_000);
    const options = srv.options(user, { pageSize: 100 });
    const client = createBelfry(options);
    const view = client.feed({});
    const unsubscribe = view.subscribe(() => undefined);
    await waitFor(() => expect(view.getState().status).toBe('success'), { timeout: 10_000 });
    while (view.getState().hasMore) await view.loadMore();
    expect(view.getState().items).toHaveLength(10_000);
    render(
      <BelfryProvider client={client}>
        <Feed />
      </BelfryProvider>,
    );
    await screen.findByText('Item 9999');
    const list = screen.getByRole('list');
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().length).toBeLessThanOrEqual(100);
    expect(list.style.height).toBe(`${10_000 * 84}px`);
    // End jumps to the last row, which is rendered then, still within the budget.
    rows()[0]!.focus();
    fireEvent.keyDown(rows()[0]!, { key: 'End' });
    // No layout engine: deliver the scroll event the browser would fire after scrollToIndex.
    const scroller = list.parentElement!;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-posinset')).toBe('10000'));
    expect(rows().length).toBeLessThanOrEqual(100);
    unsubscribe();
    cleanup();
    client.destroy();
  }, 120_000);

  it('shows the empty and error states, and retries', async () => {
    const user = uniqueUser();
    let fail = true;
    const flaky: typeof fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (fail && url.includes('/v1/inbox/notifications')) return Promise.reject(new TypeError('network down'));
      return fetch(input, init);
    };
    render(
      <BelfryProvider {...srv.options(user, { fetch: flaky })}>
        <Feed />
      </BelfryProvider>,
    );
    const alert = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(alert.textContent).toContain('could not be loaded');
    fail = false;
    await act(async () => fireEvent.click(within(alert).getByRole('button', { name: 'Try again' })));
    await screen.findByText('You have no notifications');
  }, 30_000);
});

describe('Feed realtime', () => {
  it('shows an "N new" pill for arrivals while scrolled down, and clears it at the top', async () => {
    const user = uniqueUser();
    for (let i = 0; i < 12; i++) await srv.trigger(user, { title: `Old ${i}` });
    function Online() {
      const c = useConnection();
      return <p data-testid="conn">{c.status === 'online' && c.seq > 0 ? 'ready' : c.status}</p>;
    }
    render(
      <BelfryProvider {...srv.options(user, { realtime: true })}>
        <Online />
        <Feed />
      </BelfryProvider>,
    );
    await screen.findByText('Old 11');
    await waitFor(() => expect(screen.getByTestId('conn').textContent).toBe('ready'), { timeout: 15_000 });
    const scroller = screen.getByRole('list').parentElement!;
    scroller.scrollTop = 400;
    fireEvent.scroll(scroller);
    await srv.trigger(user, { title: 'Fresh one' });
    const pill = await screen.findByRole('button', { name: '1 new' }, { timeout: 10_000 });
    fireEvent.click(pill);
    fireEvent.scroll(scroller);
    await waitFor(() => expect(screen.queryByRole('button', { name: /new$/ })).toBeNull());
    expect(scroller.scrollTop).toBe(0);
  }, 30_000);
});
