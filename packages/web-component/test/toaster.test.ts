// <belfry-toaster> in happy-dom against a real server: a live notification becomes a toast in its
// shadow root, its attributes reach the Toaster (and are properties too), and a toast click is a
// cancelable, composed belfry:notification-click like an inbox item's.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBelfryServer, userKeyFor } from '@belfry/server';
import { defineBelfryElements, sharedClientCount, type BelfryToasterElement } from '../src/index.js';

const SECRET = 'sk_test_wc_toaster';
let server: Awaited<ReturnType<typeof createBelfryServer>>;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'belfry-wc-toast-'));
  server = await createBelfryServer({
    port: 0,
    sqlitePath: join(dir, 'belfry.db'),
    seedApps: [{ id: 'wc', secret: SECRET, name: 'WC' }],
    rateLimit: false,
    logger: false,
  });
  defineBelfryElements();
});

afterAll(async () => {
  document.body.replaceChildren();
  await new Promise((r) => setTimeout(r, 200));
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

async function until(check: () => boolean, timeout = 15_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

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
    await until(() => el.client?.connection.getState().status === 'online');

    const res = await fetch(`${server.url}/v1/notifications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ recipients: [user], category: 'general', title: 'Toasted', actionUrl: 'https://example.com/x' }),
    });
    expect(res.status).toBe(201);
    const toast = () => el.shadowRoot!.querySelector<HTMLElement>('.belfry-toast');
    await until(() => !!toast());
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
