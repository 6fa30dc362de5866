// Marks rows seen once they have really been shown: at least half of a row inside the feed's scroll
// area for a second, while the page is visible. The virtualizer mounts and unmounts rows as the list
// scrolls, so after each render the rows present are observed (observing one twice is a no-op; a
// removed row reports leaving). Rows that came into view together go out in one request.
import { useEffect, useState, type RefObject } from 'react';
import { useBelfry } from './useBelfry.js';

/** When the inbox marks notifications seen: as rows are shown, all at once when it opens, or never. */
export type MarkSeenOn = 'view' | 'open' | 'never';

const DWELL_MS = 1000;

/** `scroll`: the feed's scroll area (always rendered, so set by the time effects run). */
export function useSeenOnView(scroll: RefObject<HTMLElement | null>, enabled: boolean): void {
  const client = useBelfry();
  const [observer, setObserver] = useState<IntersectionObserver | null>(null);

  useEffect(() => {
    const root = scroll.current;
    if (!enabled || !root || !client || typeof IntersectionObserver === 'undefined') return undefined;
    // When each row became at least half visible; a second later, the rows of one batch still in
    // view since then are marked.
    const since = new Map<Element, number>();
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const check = (batch: Element[], from: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        // Rows behind a hidden browser tab have not been seen; look again a second later.
        if (document.hidden) return check(batch, from);
        const ids = batch.filter((el) => since.get(el) === from).map((el) => el.getAttribute('data-id') ?? '');
        if (ids.length) void client.markSeen(ids).catch(() => undefined);
      }, DWELL_MS);
      timers.add(timer);
    };
    const io = new IntersectionObserver(
      (entries) => {
        const now = Date.now();
        const batch: Element[] = [];
        for (const { target, isIntersecting, intersectionRatio } of entries) {
          if (!isIntersecting || intersectionRatio < 0.5 || !target.isConnected) since.delete(target);
          else if (!since.has(target)) {
            since.set(target, now);
            batch.push(target);
          }
        }
        if (batch.length) check(batch, now);
      },
      { root, threshold: 0.5 },
    );
    setObserver(io);
    return () => {
      io.disconnect();
      for (const timer of timers) clearTimeout(timer);
      setObserver(null);
    };
  }, [enabled, scroll, client]);

  useEffect(() => {
    scroll.current?.querySelectorAll(':scope > .belfry-list > [data-id]').forEach((row) => observer?.observe(row));
  });
}
