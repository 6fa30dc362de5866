import type { Counts, CountsBucket, Notification } from './api/types.js';
import { isVisible } from './filters.js';

/** A signed change to counts: totals plus per-category buckets. */
export interface CountsDelta {
  total: number;
  unread: number;
  unseen: number;
  categories: Record<string, CountsBucket>;
}

export const emptyDelta = (): CountsDelta => ({ total: 0, unread: 0, unseen: 0, categories: {} });

/** What one notification adds to counts (counts cover visible, non-archived items). */
function contribution(n: Notification | null | undefined, now: number): CountsBucket | null {
  if (!n || n.archivedAt !== null || !isVisible(n, now)) return null;
  return { total: 1, unread: n.readAt === null ? 1 : 0, unseen: n.seenAt === null ? 1 : 0 };
}

function addBucket(d: CountsDelta, category: string, b: CountsBucket, sign: 1 | -1) {
  d.total += sign * b.total;
  d.unread += sign * b.unread;
  d.unseen += sign * b.unseen;
  const c = (d.categories[category] ??= { total: 0, unread: 0, unseen: 0 });
  c.total += sign * b.total;
  c.unread += sign * b.unread;
  c.unseen += sign * b.unseen;
}

/** The counts change from `before` to `after` for a set of items. */
export function deltaBetween(pairs: Array<[Notification | null | undefined, Notification | null | undefined]>): CountsDelta {
  const now = Date.now();
  const d = emptyDelta();
  for (const [before, after] of pairs) {
    const b = contribution(before, now);
    const a = contribution(after, now);
    if (b && before) addBucket(d, before.category, b, -1);
    if (a && after) addBucket(d, after.category, a, 1);
  }
  return d;
}

const clamp = (n: number) => (n < 0 ? 0 : n);

export function applyDelta(counts: Counts, d: CountsDelta): Counts {
  const out: Counts = {
    total: clamp(counts.total + d.total),
    unread: clamp(counts.unread + d.unread),
    unseen: clamp(counts.unseen + d.unseen),
  };
  if (counts.categories) {
    const cats: Record<string, CountsBucket> = { ...counts.categories };
    for (const [key, b] of Object.entries(d.categories)) {
      const prev = cats[key] ?? { total: 0, unread: 0, unseen: 0 };
      cats[key] = { total: clamp(prev.total + b.total), unread: clamp(prev.unread + b.unread), unseen: clamp(prev.unseen + b.unseen) };
    }
    out.categories = cats;
  }
  return out;
}

export function countsEqual(a: Counts, b: Counts): boolean {
  if (a.total !== b.total || a.unread !== b.unread || a.unseen !== b.unseen) return false;
  const ac = a.categories ?? {};
  const bc = b.categories ?? {};
  const keys = new Set([...Object.keys(ac), ...Object.keys(bc)]);
  for (const k of keys) {
    const x = ac[k];
    const y = bc[k];
    if (!x || !y) {
      if ((x?.total ?? 0) || (y?.total ?? 0)) return false;
      continue;
    }
    if (x.total !== y.total || x.unread !== y.unread || x.unseen !== y.unseen) return false;
  }
  return !!a.categories === !!b.categories;
}

interface PendingDelta {
  delta: CountsDelta;
  /** Seq of the server change that includes this delta, once the request succeeded. */
  ackSeq: number | null;
}

/**
 * Displayed counts = the newest server counts (by seq) + the deltas of optimistic changes the server
 * has not yet reflected. A delta leaves when counts at or after its change's seq arrive, or when its
 * mutation fails (exact rollback, other pending deltas untouched).
 */
export function createCountsModel() {
  let server: Counts | null = null;
  let serverSeq = -1;
  const pending = new Map<string, PendingDelta>();

  function prune() {
    for (const [k, p] of pending) if (p.ackSeq !== null && p.ackSeq <= serverSeq) pending.delete(k);
  }

  return {
    /** Accepts counts read at `seq`; older ones than what we hold are ignored. */
    setServer(counts: Counts, seq: number) {
      if (seq < serverSeq) return;
      let next = counts;
      if (!counts.categories && server?.categories) {
        // Some responses carry totals only: keep per-category figures, moved by the deltas the server
        // has now absorbed, until counts with categories arrive.
        let cats: Counts = { total: 0, unread: 0, unseen: 0, categories: server.categories };
        for (const p of pending.values()) if (p.ackSeq !== null && p.ackSeq <= seq) cats = applyDelta(cats, p.delta);
        next = { ...counts, categories: cats.categories! };
      }
      server = next;
      serverSeq = seq;
      prune();
    },
    addPending(key: string, delta: CountsDelta) {
      pending.set(key, { delta, ackSeq: null });
    },
    ack(key: string, seq: number) {
      const p = pending.get(key);
      if (p) p.ackSeq = seq;
      prune();
    },
    drop(key: string) {
      pending.delete(key);
    },
    get seq() {
      return serverSeq;
    },
    get hasServer() {
      return server !== null;
    },
    display(): Counts {
      let c: Counts = server ?? { total: 0, unread: 0, unseen: 0 };
      for (const p of pending.values()) c = applyDelta(c, p.delta);
      return c;
    },
  };
}

export type CountsModel = ReturnType<typeof createCountsModel>;
