import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { BelfryProvider, Feed, Inbox, PreferenceCenter, useConnection } from '../src/index.js';
import { testServer, uniqueUser } from './server.js';
import { ar } from '@belfry/react/locales';

const srv = testServer();
afterEach(() => cleanup());

const handshakes = async () => ((await (await fetch(`${srv.url}/__test/handshakes`)).json()) as { handshakes: number }).handshakes;

function Status() {
  const connection = useConnection();
  return <p data-testid="status">{connection.status === 'online' && connection.seq > 0 ? `online ${connection.seq}` : connection.status}</p>;
}

describe('BelfryProvider', () => {
  it('StrictMode double mount opens one client and one socket', async () => {
    const user = uniqueUser();
    const before = await handshakes();
    const { unmount } = render(
      <StrictMode>
        <BelfryProvider {...srv.options(user, { realtime: true })}>
          <Status />
          <Inbox />
        </BelfryProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('online'), { timeout: 15_000 });
    // Give a duplicate client time to connect too, if one had been made.
    await new Promise((r) => setTimeout(r, 500));
    expect((await handshakes()) - before).toBe(1);
    unmount();
  }, 30_000);

  it('announces realtime arrivals in a polite live region', async () => {
    const user = uniqueUser();
    await srv.trigger(user, { title: 'Earlier' });
    render(
      <BelfryProvider {...srv.options(user, { realtime: true })}>
        <Status />
        <Inbox />
      </BelfryProvider>,
    );
    // Online, and the stream's starting point (seq 1) is known: later changes are live arrivals.
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('online 1'), { timeout: 15_000 });
    const region = document.querySelector('[aria-live="polite"]')!;
    expect(region.textContent).toBe('');
    await srv.trigger(user, { title: 'Build finished' });
    await waitFor(() => expect(region.textContent).toBe('New notification: Build finished'), { timeout: 10_000 });
    await screen.findByRole('button', { name: 'Notifications, 2 unread' });
  }, 30_000);

  it('renders on the server without window (SSR)', () => {
    const html = renderToString(
      <BelfryProvider apiUrl="http://127.0.0.1:1" appId="x" userId="u" userKey="k">
        <Inbox />
        <Feed />
        <PreferenceCenter />
      </BelfryProvider>,
    );
    expect(html).toContain('belfry-bell');
    expect(html).toContain('aria-label="Notifications"');
  });

  it('sets dir="rtl" and translated text for Arabic', async () => {
    const user = uniqueUser();
    await srv.trigger(user, { title: 'مرحبا' });
    render(
      <BelfryProvider {...srv.options(user)} locale="ar" messages={ar}>
        <Inbox defaultOpen />
      </BelfryProvider>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'الإشعارات' });
    expect(dialog.closest('.belfry-root')?.getAttribute('dir')).toBe('rtl');
    expect(within(dialog).getByRole('button', { name: 'تعليم الكل كمقروء' })).toBeTruthy();
  });

  it('maps the theme prop onto --belfry-* custom properties', () => {
    const { container } = render(
      <BelfryProvider apiUrl="http://127.0.0.1:1" appId="x" theme={{ colorAccent: '#ff5a1f', radius: '4px' }} colorScheme="dark">
        <Inbox />
      </BelfryProvider>,
    );
    const root = container.querySelector<HTMLElement>('.belfry-root')!;
    expect(root.style.getPropertyValue('--belfry-color-accent')).toBe('#ff5a1f');
    expect(root.style.getPropertyValue('--belfry-radius')).toBe('4px');
    expect(root.getAttribute('data-color-scheme')).toBe('dark');
  });
});

describe('PreferenceCenter', () => {
  it('toggles a channel, shows locked categories disabled, and rolls back with a message on failure', async () => {
    const user = uniqueUser();
    const cat = `cat${Date.now().toString(36)}`;
    await srv.admin('PUT', `/v1/categories/${cat}_news`, { label: 'News' });
    await srv.admin('PUT', `/v1/categories/${cat}_sec`, { label: 'Security', locked: true });
    render(
      <BelfryProvider {...srv.options(user)}>
        <PreferenceCenter />
      </BelfryProvider>,
    );
    const email = await screen.findByRole('switch', { name: 'News: Email' });
    expect((email as HTMLInputElement).checked).toBe(true);
    const locked = screen.getByRole('switch', { name: 'Security: Email' }) as HTMLInputElement;
    expect(locked.disabled).toBe(true);
    expect(locked.closest('tr')?.textContent).toContain('Required');

    fireEvent.click(email);
    expect((email as HTMLInputElement).checked).toBe(false);
    await waitFor(async () => {
      const prefs = (await (await fetch(`${srv.url}/v1/inbox/preferences`, { headers: { authorization: `Bearer ${await sessionToken(user)}` } })).json()) as {
        categories: Record<string, { channels: Record<string, boolean> }>;
      };
      expect(prefs.categories[`${cat}_news`]?.channels.email).toBe(false);
    });

    // The app locks the category behind the UI's back: the server refuses (409) and the UI rolls back.
    await srv.admin('PUT', `/v1/categories/${cat}_news`, { label: 'News', locked: true });
    const push = screen.getByRole('switch', { name: 'News: Push' }) as HTMLInputElement;
    fireEvent.click(push);
    expect(push.checked).toBe(false);
    await waitFor(() => expect((screen.getByRole('switch', { name: 'News: Push' }) as HTMLInputElement).checked).toBe(true));
    expect(screen.getByRole('alert').textContent).toContain('could not be saved');
  });
});

async function sessionToken(userId: string): Promise<string> {
  const options = srv.options(userId);
  const res = await fetch(`${srv.url}/v1/inbox/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appId: options.appId, userId, userKey: options.userKey }),
  });
  return ((await res.json()) as { token: string }).token;
}
