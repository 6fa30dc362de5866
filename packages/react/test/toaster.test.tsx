// <Toaster> against the real server with realtime on: what arrives live becomes a polite toast that
// never takes focus, pauses while hovered or focused, goes on Escape or its button, stacks to `max`,
// acts as an item click (read + clicked on the server), runs actions, and can be rendered by the app.
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { BelfryProvider, Bell, Inbox, Toaster, useConnection, type ToasterProps } from '../src/index.js';
import { testServer, uniqueUser } from './server.js';

const srv = testServer();
afterEach(() => cleanup());

const LIVE = { timeout: 15_000 };

function Online() {
  const c = useConnection();
  return <p data-testid="status">{c.status}</p>;
}

async function mount(user: string, props: ToasterProps = {}, extra?: ReactNode) {
  const view = render(
    <BelfryProvider {...srv.options(user, { realtime: true })}>
      <Online />
      {extra}
      <Toaster {...props} />
    </BelfryProvider>,
  );
  await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('online'), LIVE);
  return view;
}

const toasts = () => Array.from(document.querySelectorAll<HTMLElement>('.belfry-toast'));
const toast = (title: string) => waitFor(() => {
  const found = toasts().find((t) => t.textContent?.includes(title));
  if (!found) throw new Error(`no toast "${title}"`);
  return found;
}, LIVE);

async function serverItem(user: string, id: string) {
  const res = await srv.admin('GET', `/v1/users/${user}/notifications`);
  const body = (await res.json()) as { items: Array<{ id: string; readAt: string | null; clickedAt: string | null }> };
  return body.items.find((n) => n.id === id);
}

/** Wall time for a paused toast to outlive its duration; a working pause holds for any length of it. */
const outlive = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Toaster', () => {
  it('announces politely without taking focus, and goes by its button or Escape', async () => {
    const user = uniqueUser();
    await mount(user, { duration: 0 });
    const outside = document.body.appendChild(document.createElement('button'));
    outside.focus();
    await srv.trigger(user, { title: 'Build **#812** finished', body: 'It is *live*' });
    const first = await toast('Build #812 finished');
    expect(within(first).getByText('live').tagName).toBe('EM');
    const status = document.querySelector('.belfry-toaster [role="status"]')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('New notification: Build **#812** finished');
    expect(document.activeElement).toBe(outside);
    expect(screen.getByRole('region', { name: 'Notifications' }).contains(first)).toBe(true);
    fireEvent.click(within(first).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(toasts()).toHaveLength(0));

    await srv.trigger(user, { title: 'Second' });
    const second = await toast('Second');
    const title = within(second).getByRole('listitem');
    title.focus();
    fireEvent.keyDown(title, { key: 'Escape' });
    await waitFor(() => expect(toasts()).toHaveLength(0));
    outside.remove();
  }, 40_000);

  it('pauses while hovered and while focused, then times out', async () => {
    const user = uniqueUser();
    await mount(user, { duration: 600 });
    await srv.trigger(user, { title: 'Hover me' });
    const hovered = await toast('Hover me');
    const region = screen.getByRole('region', { name: 'Notifications' });
    fireEvent.pointerEnter(region);
    await outlive(1500);
    expect(hovered.isConnected).toBe(true);
    fireEvent.pointerLeave(region);
    await waitFor(() => expect(toasts()).toHaveLength(0), LIVE);

    await srv.trigger(user, { title: 'Focus me' });
    const focused = await toast('Focus me');
    const button = within(focused).getByRole('listitem');
    fireEvent.focus(button);
    await outlive(1500);
    expect(focused.isConnected).toBe(true);
    fireEvent.blur(button, { relatedTarget: document.body });
    await waitFor(() => expect(toasts()).toHaveLength(0), LIVE);
  }, 40_000);

  it('stacks at most `max`, newest last, pushing out the oldest', async () => {
    const user = uniqueUser();
    await mount(user, { max: 2, duration: 0, position: 'top-start' });
    for (const title of ['One', 'Two', 'Three']) {
      await srv.trigger(user, { title });
      await toast(title);
    }
    expect(toasts().map((t) => t.querySelector('.belfry-item-title')?.textContent)).toEqual(['Unread: Two', 'Unread: Three']);
    expect(document.querySelector('.belfry-toasts')?.getAttribute('data-position')).toBe('top-start');
  }, 40_000);

  it('a click marks read and clicked and calls onNotificationClick; actions are buttons', async () => {
    const user = uniqueUser();
    const clicked = vi.fn();
    const acted = vi.fn();
    await mount(user, { duration: 0, onNotificationClick: clicked, onAction: acted });
    const id = await srv.trigger(user, { title: 'Open me', actionUrl: '/somewhere' });
    fireEvent.click(within(await toast('Open me')).getByText('Open me'));
    await waitFor(() => expect(toasts()).toHaveLength(0));
    expect(clicked).toHaveBeenCalledWith(expect.objectContaining({ id }));
    await waitFor(async () => expect(await serverItem(user, id)).toMatchObject({ readAt: expect.any(String), clickedAt: expect.any(String) }), LIVE);

    const withActions = await srv.trigger(user, { title: 'Review', actions: [{ id: 'approve', label: 'Approve', style: 'primary' }, { id: 'later', label: 'Later' }] });
    const card = await toast('Review');
    expect(within(card).getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual(['Approve', 'Later', expect.stringMatching(/./), 'Close']);
    fireEvent.click(within(card).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(toasts()).toHaveLength(0));
    expect(acted).toHaveBeenCalledWith(expect.objectContaining({ id: withActions }), expect.objectContaining({ id: 'approve' }));
    await waitFor(async () => expect((await serverItem(user, withActions))?.clickedAt).toEqual(expect.any(String)), LIVE);
  }, 40_000);

  it('renders custom toasts through renderToast', async () => {
    const user = uniqueUser();
    await mount(user, {
      duration: 0,
      renderToast: ({ notification, dismiss }) => (
        <div className="custom">
          <strong>{notification.title.toUpperCase()}</strong>
          <button type="button" onClick={dismiss}>
            Got it
          </button>
        </div>
      ),
    });
    await srv.trigger(user, { title: 'custom one' });
    const card = await toast('CUSTOM ONE');
    expect(card.querySelector('.custom')).not.toBeNull();
    expect(card.querySelector('.belfry-toast-card')).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: 'Got it' }));
    await waitFor(() => expect(toasts()).toHaveLength(0));
  }, 40_000);

  it('shows one toast per browser when two clients of the user hear it', async () => {
    // happy-dom has no Web Locks: a stand-in with the browser's ifAvailable semantics.
    const held = new Set<string>();
    const locks = {
      request: async (name: string, _options: { ifAvailable: boolean }, cb: (lock: unknown) => unknown) => {
        if (held.has(name)) return cb(null);
        held.add(name);
        try {
          return await cb({ name });
        } finally {
          held.delete(name);
        }
      },
    };
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    onTestFinished(() => {
      delete (navigator as { locks?: unknown }).locks;
    });
    const user = uniqueUser();
    const tab = () => (
      <BelfryProvider {...srv.options(user, { realtime: true })}>
        <Online />
        <Bell />
        <Toaster duration={0} />
      </BelfryProvider>
    );
    render(
      <>
        {tab()}
        {tab()}
      </>,
    );
    await waitFor(() => expect(screen.getAllByTestId('status').map((s) => s.textContent)).toEqual(['online', 'online']), LIVE);
    await srv.trigger(user, { title: 'Once' });
    await toast('Once');
    // Both clients have it; only one toasts it.
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Notifications, 1 unread' })).toHaveLength(2), LIVE);
    await waitFor(() => expect(toasts()).toHaveLength(1));
    expect(Array.from(document.querySelectorAll('.belfry-toaster [role="status"]')).map((s) => s.textContent)).toEqual(
      expect.arrayContaining(['', 'New notification: Once']),
    );
  }, 40_000);

  it('stays quiet while the inbox is open or the tab is hidden', async () => {
    const user = uniqueUser();
    await mount(user, { duration: 0 }, <Inbox defaultOpen initialRect={{ width: 380, height: 480 }} />);
    await srv.trigger(user, { title: 'Seen in the inbox' });
    await screen.findByText('Seen in the inbox', undefined, LIVE);
    expect(toasts()).toHaveLength(0);
    cleanup();

    const other = uniqueUser();
    await mount(other, { duration: 0 }, <Inbox />);
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    try {
      await srv.trigger(other, { title: 'While away' });
      await screen.findByRole('button', { name: 'Notifications, 1 unread' }, LIVE);
      expect(toasts()).toHaveLength(0);
    } finally {
      visibility.mockRestore();
    }
  }, 40_000);
});
