// The elements in happy-dom against a real server: attributes configure them, elements for one user
// share a client that is freed with the last of them, events leave the shadow root; <belfry-toaster>
// toasts a live notification and its click is an item click.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBelfryServer, userKeyFor } from '@belfry/server';
import { defineBelfryElements, registerLocale, sharedClientCount, type BelfryInboxElement, type BelfryToasterElement } from '../src/index.js';

const SECRET = 'sk_test_wc_elements';
let server: Awaited<ReturnType<typeof createBelfryServer>>;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'belfry-wc-'));
  server = await createBelfryServer({
    port: 0,
    sqlitePath: join(dir, 'belfry.db'),
    seedApps: [{ id: 'wc', secret: SECRET, name: 'WC' }],
    allowedOrigins: ['*'],
    rateLimit: false,
    logger: false,
  });
  defineBelfryElements();
});

afterAll(async () => {
  document.body.replaceChildren();
  // Let destroyed clients finish closing their sockets before the server goes.
  await new Promise((r) => setTimeout(r, 200));
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

async function trigger(userId: string, title: string, extra: Record<string, unknown> = {}) {
  const res = await fetch(`${server.url}/v1/notifications`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify({ recipients: [userId], category: 'general', title, ...extra }),
  });
  expect(res.status).toBe(201);
}

function inbox(userId: string): BelfryInboxElement {
  const el = document.createElement('belfry-inbox');
  el.setAttribute('api-url', server.url);
  el.setAttribute('app-id', 'wc');
  el.setAttribute('user-id', userId);
  el.setAttribute('user-key', userKeyFor(SECRET, userId));
  return el;
}

const badgeOf = (el: Element) => el.shadowRoot?.querySelector('.belfry-badge')?.textContent ?? '';

async function until(check: () => boolean, timeout = 8000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('<belfry-inbox> in happy-dom', () => {
  it('renders the bell with the unread count from attributes, in an open shadow root', async () => {
    await trigger('hd-1', 'One');
    await trigger('hd-1', 'Two');
    const el = inbox('hd-1');
    document.body.append(el);
    await until(() => badgeOf(el) === '2');
    expect(el.shadowRoot?.querySelector('.belfry-bell')?.getAttribute('aria-label')).toBe('Notifications, 2 unread');
    expect(el.shadowRoot?.querySelector('.belfry-bell')?.getAttribute('part')).toBe('bell');
    el.remove();
    await until(() => sharedClientCount() === 0);
  });

  it('speaks the locale attribute (the shipped tables are in the element) and follows its changes', async () => {
    await trigger('hd-5', 'Hallo');
    const el = inbox('hd-5');
    el.setAttribute('locale', 'de');
    document.body.append(el);
    const label = () => el.shadowRoot?.querySelector('.belfry-bell')?.getAttribute('aria-label');
    await until(() => label() === 'Benachrichtigungen, 1 ungelesen');
    el.locale = 'en';
    await until(() => label() === 'Notifications, 1 unread');
    el.remove();
    await until(() => sharedClientCount() === 0);
  });

  it('a locale registered after the element rendered (a locale script loading late) re-renders it', async () => {
    await trigger('hd-6', 'Ciao');
    const el = inbox('hd-6');
    el.setAttribute('locale', 'it-IT');
    document.body.append(el);
    const label = () => el.shadowRoot?.querySelector('.belfry-bell')?.getAttribute('aria-label');
    await until(() => label() === 'Notifications, 1 unread');
    registerLocale('it', { bellLabelUnread: 'Notifiche, {count} non lette' });
    await until(() => label() === 'Notifiche, 1 non lette');
    el.remove();
    await until(() => sharedClientCount() === 0);
  });

  it('shares one client per user and frees it with the last element', async () => {
    const a = inbox('hd-2');
    const b = inbox('hd-2');
    const other = inbox('hd-3');
    document.body.append(a, b, other);
    await until(() => !!a.client && !!b.client && !!other.client);
    expect(a.client).toBe(b.client);
    expect(other.client).not.toBe(a.client);
    expect(sharedClientCount()).toBe(2);
    a.remove();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(sharedClientCount()).toBe(2);
    b.remove();
    other.remove();
    await until(() => sharedClientCount() === 0);
  });

  it('opens from the `open` property and emits composed belfry:open-change on the bell click', async () => {
    await trigger('hd-4', 'Hello');
    const el = inbox('hd-4');
    const seen: Array<{ open: boolean; composed: boolean }> = [];
    document.body.addEventListener('belfry:open-change', (event) => {
      seen.push({ open: (event as CustomEvent<{ open: boolean }>).detail.open, composed: event.composed });
    });
    document.body.append(el);
    await until(() => badgeOf(el) === '1');
    (el.shadowRoot!.querySelector('.belfry-bell') as HTMLButtonElement).click();
    await until(() => el.open && !!el.shadowRoot!.querySelector('.belfry-popover'));
    expect(seen).toEqual([{ open: true, composed: true }]);
    el.open = false;
    await until(() => !el.shadowRoot!.querySelector('.belfry-popover'));
    el.remove();
    await until(() => sharedClientCount() === 0);
  });

  it('mark-seen-on="open": opening the inbox marks everything seen and the unseen badge drops', async () => {
    await trigger('hd-seen', 'One');
    await trigger('hd-seen', 'Two');
    const el = inbox('hd-seen');
    el.setAttribute('badge', 'unseen');
    el.setAttribute('mark-seen-on', 'open');
    expect(el.markSeenOn).toBe('open');
    document.body.append(el);
    await until(() => badgeOf(el) === '2');
    el.open = true;
    await until(() => badgeOf(el) === '');
    el.remove();
    await until(() => sharedClientCount() === 0);
    // The server agrees: a new element for the user counts nothing unseen.
    const again = inbox('hd-seen');
    again.badge = 'unseen';
    again.markSeenOn = 'never';
    expect(again.getAttribute('mark-seen-on')).toBe('never');
    document.body.append(again);
    await until(() => again.shadowRoot?.querySelector('.belfry-bell')?.getAttribute('aria-label') === 'Notifications');
    again.markSeenOn = null;
    expect(again.markSeenOn).toBe('view');
    again.remove();
    await until(() => sharedClientCount() === 0);
  });

  it('<belfry-feed grouped> shows one row per groupKey once the grouped entry is loaded, and follows the attribute', async () => {
    for (const name of ['Ada', 'Grace', 'Linus']) {
      const res = await fetch(`${server.url}/v1/notifications`, {
        method: 'POST',
        headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
        body: JSON.stringify({ recipients: ['hd-g'], category: 'c', title: `${name} commented`, groupKey: 'p:1', actor: { id: name, name }, data: { groupTitle: 'commented' } }),
      });
      expect(res.status).toBe(201);
    }
    const el = document.createElement('belfry-feed');
    for (const [k, v] of Object.entries({ 'api-url': server.url, 'app-id': 'wc', 'user-id': 'hd-g', 'user-key': userKeyFor(SECRET, 'hd-g'), grouped: '' })) el.setAttribute(k, v);
    const errors: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      document.body.append(el);
      // Without the grouped build the feed stays flat, and the page is told once how to get it.
      await until(() => !!el.shadowRoot?.querySelector('.belfry-feed'));
      expect(el.shadowRoot?.querySelector('[data-grouped]')).toBeNull();
      expect(errors.filter((e) => String(e[0]).includes("import '@belfry/web-component/grouped'"))).toHaveLength(1);
    } finally {
      console.error = consoleError;
    }
    // Registering it (the side-effect entry) re-renders the element grouped.
    await import('../src/grouped.js');
    const rows = () => el.shadowRoot?.querySelectorAll('.belfry-list > [role=listitem]') ?? [];
    await until(() => rows().length === 1);
    expect(rows()[0]!.querySelector('.belfry-item-title')?.textContent).toBe('Linus, Grace and 1 other commented');
    expect(el.shadowRoot?.querySelector('[data-grouped]')).toBeTruthy();
    // without the attribute: the flat (virtualised) feed again
    el.removeAttribute('grouped');
    await until(() => !el.shadowRoot?.querySelector('[data-grouped]') && !!el.shadowRoot?.querySelector('.belfry-feed'));
    el.remove();
    await until(() => sharedClientCount() === 0);
  });
});

describe('<belfry-toaster> in happy-dom', () => {
  it('toasts a live notification; attributes are props; a click is a cancelable composed event', async () => {
    const user = 'toast-1';
    const el = document.createElement('belfry-toaster') as BelfryToasterElement;
    el.setAttribute('api-url', server.url);
    el.setAttribute('app-id', 'wc');
    el.setAttribute('user-id', user);
    el.setAttribute('user-key', userKeyFor(SECRET, user));
    el.duration = '0';
    el.position = 'top-start';
    expect(el.getAttribute('duration')).toBe('0');
    const clicks: Array<{ title: string; composed: boolean }> = [];
    document.body.addEventListener('belfry:notification-click', (event) => {
      const e = event as CustomEvent<{ notification: { title: string } }>;
      clicks.push({ title: e.detail.notification.title, composed: e.composed });
      e.preventDefault();
    });
    document.body.append(el);
    await until(() => el.client?.connection.getState().status === 'online', 15_000);

    await trigger(user, 'Toasted', { actionUrl: 'https://example.com/x' });
    const toast = () => el.shadowRoot!.querySelector<HTMLElement>('.belfry-toast');
    await until(() => !!toast(), 15_000);
    expect(el.shadowRoot!.querySelector('.belfry-toasts')?.getAttribute('data-position')).toBe('top-start');
    expect(toast()!.textContent).toContain('Toasted');

    toast()!.querySelector<HTMLElement>('.belfry-item-title')!.click();
    await until(() => !toast());
    expect(clicks).toEqual([{ title: 'Toasted', composed: true }]);
    // The click marked it read and clicked on the server, as an inbox item's does.
    let stored: { readAt: string | null; clickedAt: string | null } | undefined;
    const start = Date.now();
    while (!stored?.clickedAt && Date.now() - start < 15_000) {
      const list = await fetch(`${server.url}/v1/users/${user}/notifications`, { headers: { authorization: `Bearer ${SECRET}` } });
      stored = ((await list.json()) as { items: Array<{ readAt: string | null; clickedAt: string | null }> }).items[0];
      if (!stored?.clickedAt) await new Promise((r) => setTimeout(r, 50));
    }
    expect(stored).toMatchObject({ readAt: expect.any(String), clickedAt: expect.any(String) });
    el.remove();
    await until(() => sharedClientCount() === 0);
  }, 40_000);
});

describe('properties', () => {
  it('mirror their attributes: strings as set, null removes, enumerated ones fall back to their default', () => {
    const el = document.createElement('belfry-inbox');
    el.apiUrl = 'https://api.example';
    el.userId = 'u_43';
    el.userKey = 'k';
    expect([el.getAttribute('api-url'), el.getAttribute('user-id'), el.userKey]).toEqual(['https://api.example', 'u_43', 'k']);
    el.userKey = null;
    expect(el.hasAttribute('user-key')).toBe(false);
    el.setAttribute('locale', 'de');
    expect(el.locale).toBe('de');
    el.placement = 'top-start';
    el.badge = 'unseen';
    expect([el.getAttribute('placement'), el.badge]).toEqual(['top-start', 'unseen']);
    el.placement = null;
    el.badge = null;
    expect([el.hasAttribute('placement'), el.placement, el.badge]).toEqual([false, 'bottom-end', 'unread']);
    const preferences = document.createElement('belfry-preferences');
    preferences.channels = ['email', 'in_app'];
    expect([preferences.getAttribute('channels'), preferences.channels]).toEqual(['email,in_app', ['in_app', 'email']]);
    preferences.channels = [];
    expect([preferences.hasAttribute('channels'), preferences.channels]).toEqual([false, ['in_app', 'email', 'push', 'sms']]);
    preferences.setAttribute('channels', 'fax');
    expect(preferences.channels).toEqual(['in_app', 'email', 'push', 'sms']);
  });
});
