// Marks rows seen once they have really been shown: at least half of a row inside the feed's scroll
// area for a second, while the page is visible. Rows mount and unmount with the virtualizer, so each
// row registers itself through the returned ref; the rows that come due together go out in one request.
import { useCallback, useEffect, useRef } from 'react';
import { useBelfry } from './useBelfry.js';

/** When the inbox marks notifications seen: as rows are shown, all at once when it opens, or never. */
export type MarkSeenOn = 'view' | 'open' | 'never';

const DWELL_MS = 1000;

interface Tracker {
  observe(el: HTMLElement): void;
  sweep(): void;
}

export function useSeenOnView(root: HTMLElement | null, enabled: boolean): (el: HTMLElement | null) => void {
  const client = useBelfry();
  const rows = useRef(new Set<HTMLElement>()).current;
  const tracker = useRef<Tracker | null>(null);

  useEffect(() => {
    if (!enabled || !root || !client || typeof IntersectionObserver === 'undefined') return undefined;
    // When each row became at least half visible; rows that came into view together are checked
    // together a second later, and the ones still in view since then go out in one request.
    const since = new Map<Element, number>();
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const check = (batch: Element[], from: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        // Rows behind a hidden browser tab have not been seen; look again a second later.
        if (document.hidden) return check(batch, from);
        const ids = batch.filter((el) => (since.get(el) ?? Infinity) <= from).map((el) => el.getAttribute('data-id') ?? '');
        if (ids.length) void client.markSeen(ids).catch(() => undefined);
      }, DWELL_MS);
      timers.add(timer);
    };
    const io = new IntersectionObserver(
      (entries) => {
        const now = Date.now();
        const batch: Element[] = [];
        for (const { target, isIntersecting, intersectionRatio } of entries) {
          if (!isIntersecting || intersectionRatio < 0.5) since.delete(target);
          else if (!since.has(target)) {
            since.set(target, now);
            batch.push(target);
          }
        }
        if (batch.length) check(batch, now);
      },
      { root, threshold: 0.5 },
    );
    let sweeping = false;
    tracker.current = {
      observe: (el) => io.observe(el),
      // Rows the virtualizer removed: stop watching them (a pending check then skips them).
      sweep() {
        if (sweeping) return;
        sweeping = true;
        queueMicrotask(() => {
          sweeping = false;
          for (const el of rows) {
            if (el.isConnected) continue;
            rows.delete(el);
            io.unobserve(el);
            since.delete(el);
          }
        });
      },
    };
    for (const el of rows) io.observe(el);
    return () => {
      tracker.current = null;
      io.disconnect();
      for (const timer of timers) clearTimeout(timer);
    };
  }, [enabled, root, client, rows]);

  return useCallback(
    (el: HTMLElement | null) => {
      if (!enabled) return;
      if (!el) return tracker.current?.sweep();
      rows.add(el);
      tracker.current?.observe(el);
    },
    [enabled, rows],
  );
}
