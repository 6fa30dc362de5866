// Seen on view: rows at least half visible for a second become seen in one request, the unseen badge
// drops; 'open' marks everything seen when the inbox opens; 'never' leaves it alone. happy-dom has
// no layout and no real IntersectionObserver: a stand-in reports what the browser would.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { BelfryProvider, Inbox } from '../src/index.js';
import { testServer, uniqueUser } from './server.js';

const srv = testServer();

class StandInObserver {
  static all: StandInObserver[] = [];
  readonly targets = new Set<Element>();
  constructor(
    readonly callback: IntersectionObserverCallback,
    readonly options: IntersectionObserverInit = {},
  ) {
    StandInObserver.all.push(this);
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
  }
  takeRecords() {
    return [];
  }
  /** Reports every observed row as `ratio` visible. */
  report(ratio: number) {
    const entries = [...this.targets].map((target) => ({ target, isIntersecting: ratio > 0, intersectionRatio: ratio }) as IntersectionObserverEntry);
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

const original = globalThis.IntersectionObserver;
beforeEach(() => {
  StandInObserver.all = [];
  globalThis.IntersectionObserver = StandInObserver as unknown as typeof IntersectionObserver;
});
afterEach(() => {
  cleanup();
  globalThis.IntersectionObserver = original;
});

/** Records the bulk requests a client sends (the real server answers them). */
function recording() {
  const bulk: Array<{ ids?: string[]; seen?: boolean; filter?: unknown }> = [];
  const fetchImpl: typeof fetch = (input, init) => {
    if (String(input).endsWith('/v1/inbox/notifications/bulk')) bulk.push(JSON.parse(String(init?.body)));
    return fetch(input, init);
  };
  return { bulk, fetchImpl };
}

async function seed(user: string, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await srv.trigger(user, { title: `Seen ${i}` }));
  return ids;
}

const rect = { width: 380, height: 480 };

describe('markSeenOn', () => {
  it("'view' (default): rows shown for a second become seen in one request and the unseen badge drops", async () => {
    const user = uniqueUser('seen');
    const ids = await seed(user, 3);
    const { bulk, fetchImpl } = recording();
    render(
      <BelfryProvider {...srv.options(user, { fetch: fetchImpl })}>
        <Inbox badge="unseen" initialRect={rect} />
      </BelfryProvider>,
    );
    const bell = await screen.findByRole('button', { name: 'Notifications, 3 new' });
    fireEvent.click(bell);
    await screen.findByText('Seen 2');
    const io = StandInObserver.all.at(-1)!;
    expect(io.options.threshold).toBe(0.5);
    await waitFor(() => expect(io.targets.size).toBe(3));

    // Less than half visible is not seen; half or more, held for the dwell time, is.
    io.report(0.3);
    io.report(0.6);
    await screen.findByRole('button', { name: 'Notifications' }, { timeout: 5000 });
    expect(bulk).toEqual([{ ids: expect.arrayContaining(ids), seen: true }]);
    expect(bulk[0]!.ids).toHaveLength(3);

    // The server agrees: a fresh session counts nothing unseen.
    cleanup();
    render(
      <BelfryProvider {...srv.options(user)}>
        <Inbox badge="unseen" initialRect={rect} />
      </BelfryProvider>,
    );
    await waitFor(() => expect(document.querySelector('.belfry-bell')?.getAttribute('data-count')).toBe('0'));
  });

  it('a row that leaves the view before the second is up is not marked seen', async () => {
    const user = uniqueUser('seen-leave');
    await seed(user, 2);
    const { bulk, fetchImpl } = recording();
    render(
      <BelfryProvider {...srv.options(user, { fetch: fetchImpl })}>
        <Inbox badge="unseen" defaultOpen initialRect={rect} />
      </BelfryProvider>,
    );
    await screen.findByText('Seen 1');
    const io = StandInObserver.all.at(-1)!;
    await waitFor(() => expect(io.targets.size).toBe(2));
    const [first, second] = [...io.targets];
    io.callback([{ target: first, isIntersecting: true, intersectionRatio: 1 } as IntersectionObserverEntry], io as never);
    io.callback([{ target: second, isIntersecting: true, intersectionRatio: 1 } as IntersectionObserverEntry], io as never);
    io.callback([{ target: second, isIntersecting: false, intersectionRatio: 0 } as IntersectionObserverEntry], io as never);
    await screen.findByRole('button', { name: 'Notifications, 1 new' }, { timeout: 5000 });
    expect(bulk).toEqual([{ ids: [first!.getAttribute('data-id')], seen: true }]);
  });

  it("'open' marks everything seen when the inbox opens, without watching rows", async () => {
    const user = uniqueUser('seen-open');
    await seed(user, 2);
    const { bulk, fetchImpl } = recording();
    render(
      <BelfryProvider {...srv.options(user, { fetch: fetchImpl })}>
        <Inbox badge="unseen" markSeenOn="open" initialRect={rect} />
      </BelfryProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications, 2 new' }));
    await screen.findByRole('button', { name: 'Notifications' });
    expect(bulk).toEqual([{ filter: { archived: false }, seen: true }]);
    expect(StandInObserver.all).toEqual([]);
  });

  it("'never' watches nothing and keeps the count", async () => {
    const user = uniqueUser('seen-never');
    await seed(user, 1);
    render(
      <BelfryProvider {...srv.options(user)}>
        <Inbox badge="unseen" markSeenOn="never" defaultOpen initialRect={rect} />
      </BelfryProvider>,
    );
    await screen.findByText('Seen 0');
    expect(StandInObserver.all).toEqual([]);
    expect(screen.getByRole('button', { name: 'Notifications, 1 new' })).toBeTruthy();
  });
});
