// The elements in happy-dom against a real server: attributes configure them, elements for one user
// share a client that is freed with the last of them, events leave the shadow root.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBelfryServer, userKeyFor } from '@belfry/server';
import { defineBelfryElements, sharedClientCount, type BelfryInboxElement } from '../src/index.js';

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

async function trigger(userId: string, title: string) {
  const res = await fetch(`${server.url}/v1/notifications`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify({ recipients: [userId], category: 'general', title }),
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
});
