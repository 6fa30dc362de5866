import { describe, expect, it, vi } from 'vitest';
import type { BelfryClient, BelfryOptions } from '@belfry/core';
import { acquireClient, clientKey, sharedClientCount } from '../src/clientRegistry.js';

function fakeClient(options: BelfryOptions) {
  return { options, destroy: vi.fn() } as unknown as BelfryClient & { destroy: ReturnType<typeof vi.fn> };
}

describe('client registry', () => {
  const base = { apiUrl: 'http://api.test', appId: 'app', userId: 'u1', userKey: 'k' };

  it('shares one client per (apiUrl, appId, userId) and destroys it with the last lease', () => {
    const create = vi.fn(fakeClient);
    const a = acquireClient(base, create);
    const b = acquireClient({ ...base, apiUrl: 'http://api.test/' }, create);
    expect(create).toHaveBeenCalledTimes(1);
    expect(b.client).toBe(a.client);
    expect(sharedClientCount()).toBe(1);

    a.release();
    a.release(); // idempotent: does not steal b's reference
    expect((a.client.destroy as ReturnType<typeof vi.fn>)).not.toHaveBeenCalled();
    b.release();
    expect(a.client.destroy).toHaveBeenCalledTimes(1);
    expect(sharedClientCount()).toBe(0);
  });

  it('gives different users different clients', () => {
    const create = vi.fn(fakeClient);
    const a = acquireClient(base, create);
    const b = acquireClient({ ...base, userId: 'u2' }, create);
    expect(b.client).not.toBe(a.client);
    expect(clientKey(base)).not.toBe(clientKey({ ...base, userId: 'u2' }));
    a.release();
    b.release();
    expect(sharedClientCount()).toBe(0);
  });
});
