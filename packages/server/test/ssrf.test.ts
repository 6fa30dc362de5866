// Server-side request forgery: outside dev mode, webhook URLs that are, or resolve to, loopback,
// private, link-local or metadata addresses are refused — at registration and again at connect time
// (a name that resolves to a public address first and to loopback later is still refused). Only
// loopback is ever actually connected to here; private-range addresses are refused before any socket.
import { describe, expect, it } from 'vitest';
import type { WebhookDeliveryListResponse, WebhookSecretResponse } from '@belfry/core/api';
import { blockedReason, createEgressGuard, systemResolver, type ResolvedAddress, type Resolver } from '../src/webhooks/egress';
import { expectError, rid, useServer } from './harness';
import { startReceiver } from './receiver';

const REFUSED: Array<[string, string]> = [
  ['loopback', '127.0.0.1'],
  ['loopback, elsewhere in 127/8', '127.3.2.1'],
  ['10/8', '10.0.0.1'],
  ['172.16/12 (low end)', '172.16.0.1'],
  ['172.16/12 (high end)', '172.31.255.254'],
  ['192.168/16', '192.168.1.1'],
  ['cloud metadata', '169.254.169.254'],
  ['this network', '0.0.0.0'],
  ['shared address space (CGNAT)', '100.64.0.1'],
  ['IPv6 loopback', '::1'],
  ['IPv6 unique local (ULA)', 'fd00::1'],
  ['IPv6 ULA, fc00::/8 half', 'fc12:3456::1'],
  ['IPv6 link-local', 'fe80::1'],
  ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
  ['IPv4-mapped private, hex form', '::ffff:a00:1'],
  ['NAT64 of metadata', '64:ff9b::a9fe:a9fe'],
];
const ALLOWED = ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111'];

/** DNS as the tests want it: names in `table` resolve as listed (a list of answers for successive lookups), others normally. */
function fakeDns(table: Record<string, string[][]>): Resolver {
  const calls = new Map<string, number>();
  return async (hostname) => {
    const answers = table[hostname];
    if (!answers) return systemResolver(hostname);
    const n = calls.get(hostname) ?? 0;
    calls.set(hostname, n + 1);
    const list = answers[Math.min(n, answers.length - 1)]!;
    return list.map((address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

describe('egress guard', () => {
  it.each(REFUSED)('refuses %s (%s)', (_name, address) => {
    expect(blockedReason(address)).toEqual(expect.any(String));
  });

  it.each(ALLOWED)('allows the public address %s', (address) => {
    expect(blockedReason(address)).toBeNull();
  });

  it('refuses at connect time whatever the name resolves to then, before any socket opens', async () => {
    for (const [, address] of REFUSED) {
      const guard = createEgressGuard({ open: false, resolve: fakeDns({ 'innocent.example': [[address]] }) });
      const err = await new Promise<Error | null>((resolve) => guard.lookup('innocent.example', { all: true }, (e) => resolve(e)));
      expect(err?.message, address).toMatch(/^refused: innocent\.example resolves to/);
    }
    // One bad address among good ones is enough to refuse.
    const mixed = createEgressGuard({ open: false, resolve: fakeDns({ 'mixed.example': [['93.184.216.34', '10.1.2.3']] }) });
    await expect(mixed.check(new URL('https://mixed.example/'))).rejects.toThrow(/10\.1\.2\.3/);
  });
});

describe('webhook URLs outside dev mode', () => {
  const dns = fakeDns({ 'internal.example': [['10.0.0.5']], 'rebind.example': [['93.184.216.34'], ['127.0.0.1']] });
  const h = useServer('sqlite', { dev: false, webhooks: { resolve: dns, pollIntervalMs: 50, retry: { maxAttempts: 2, initialDelayMs: 20 } } });
  const register = (url: string) => h.secret<WebhookSecretResponse>('POST', '/v1/webhooks', { url, events: ['*'] });

  it.each([
    ...REFUSED.map(([name, address]) => [name, `http://${address.includes(':') ? `[${address}]` : address}:8080/hook`] as [string, string]),
    ['a name resolving to loopback', 'http://localhost:8080/hook'],
    ['a name resolving to 10/8', 'https://internal.example/hook'],
    ['a file URL', 'file:///etc/passwd'],
    ['a gopher URL', 'gopher://example.com/'],
  ])('refuses %s at registration', async (_name, url) => {
    expectError(await register(url), 400, 'bad_request', 'url');
  });

  it('refuses a name that resolved publicly at registration and to loopback at connect time (DNS rebinding)', async () => {
    const receiver = await startReceiver();
    try {
      const port = new URL(receiver.url).port;
      const created = await register(`http://rebind.example:${port}/hook`);
      expect(created.status, created.text).toBe(201);
      await h.trigger({ recipients: [rid()] });
      const list = async () => (await h.secret<WebhookDeliveryListResponse>('GET', `/v1/webhooks/${created.body.webhook.id}/deliveries`)).body.deliveries;
      await expect.poll(async () => (await list()).filter((d) => d.status === 'failed').length, { timeout: 10_000 }).toBe(2);
      for (const d of await list()) {
        expect(d.attempts).toBe(1);
        expect(d.attemptLog[0]).toMatchObject({ statusCode: null, outcome: 'failed', error: expect.stringMatching(/^refused: rebind\.example resolves to 127\.0\.0\.1/) });
      }
      expect(receiver.received).toHaveLength(0);
      expect((await h.secret('DELETE', `/v1/webhooks/${created.body.webhook.id}`)).status).toBe(200);
    } finally {
      await receiver.close();
    }
  });
});

describe('webhook URLs in dev mode', () => {
  const h = useServer('sqlite', { dev: true });
  it('accepts loopback and private addresses (a receiver on this machine), still http(s) only', async () => {
    expect((await h.secret('POST', '/v1/webhooks', { url: 'http://127.0.0.1:4112/hook', events: ['*'] })).status).toBe(201);
    expect((await h.secret('POST', '/v1/webhooks', { url: 'http://[::1]:4112/hook', events: ['*'] })).status).toBe(201);
    expectError(await h.secret('POST', '/v1/webhooks', { url: 'ftp://127.0.0.1/hook', events: ['*'] }), 400, 'bad_request', 'url');
  });
});
