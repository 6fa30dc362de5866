import type { Counts, CountsBucket, Notification } from './api/types.js';
import { isVisible } from './filters.js';

/** A signed change to counts: totals plus per-category buckets. */
export interface CountsDelta {
  total: number;
  unread: number;
  unseen: number;
  categories: Record<string, CountsBucket>;
}

/** The three figures of every bucket, for code that treats them alike. */
const FIGURES = ['total', 'unread', 'unseen'] as const;

export const zeroBucket = (): CountsBucket => ({ total: 0, unread: 0, unseen: 0 });

/** a + b per figure, never below zero (only the figures: no categories). */
function addClamped(a: CountsBucket, b: CountsBucket): CountsBucket {
  const out = zeroBucket();
  for (const k of FIGURES) out[k] = Math.max(0, a[k] + b[k]);
  return out;
}

const sameFigures = (a: CountsBucket, b: CountsBucket) => FIGURES.every((k) => a[k] === b[k]);

/** Adds (sign 1) or takes away (-1) what one notification counts for: counts cover visible, non-archived items. */
function addItem(d: CountsDelta, n: Notification | null | undefined, sign: 1 | -1, now: number) {
  if (!n || n.archivedAt || !isVisible(n, now)) return;
  const b: CountsBucket = { total: 1, unread: n.readAt === null ? 1 : 0, unseen: n.seenAt === null ? 1 : 0 };
  const c = (d.categories[n.category] ??= zeroBucket());
  for (const k of FIGURES) {
    d[k] += sign * b[k];
    c[k] += sign * b[k];
  }
}

/** The counts change from `before` to `after` for a set of items. */
export function deltaBetween(pairs: Array<[Notification | null | undefined, Notification | null | undefined]>): CountsDelta {
  const now = Date.now();
  const d: CountsDelta = { ...zeroBucket(), categories: {} };
  for (const [before, after] of pairs) {
    addItem(d, before, -1, now);
    addItem(d, after, 1, now);
  }
  return d;
}

export function applyDelta(counts: Counts, d: CountsDelta): Counts {
  const out: Counts = addClamped(counts, d);
  if (counts.categories) {
    const cats: Record<string, CountsBucket> = { ...counts.categories };
    for (const [key, b] of Object.entries(d.categories)) cats[key] = addClamped(cats[key] ?? zeroBucket(), b);
    out.categories = cats;
  }
  return out;
}

export function countsEqual(a: Counts, b: Counts): boolean {
  if (!sameFigures(a, b) || !a.categories !== !b.categories) return false;
  const ac = a.categories ?? {};
  const bc = b.categories ?? {};
  for (const k of new Set([...Object.keys(ac), ...Object.keys(bc)])) {
    const x = ac[k];
    const y = bc[k];
    // A category one side lacks is equal only while the other holds no items in it.
    if (x && y ? !sameFigures(x, y) : (x ?? y)?.total) return false;
  }
  return true;
}

interface PendingDelta {
  delta: CountsDelta;
  /** Seq of the server change that includes this delta, once the request succeeded (Infinity before). */
  ackSeq: number;
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
    for (const [k, p] of pending) if (p.ackSeq <= serverSeq) pending.delete(k);
  }

  return {
    /** Accepts counts read at `seq`; older ones than what we hold are ignored. */
    setServer(counts: Counts, seq: number) {
      if (seq < serverSeq) return;
      let next = counts;
      if (!counts.categories && server?.categories) {
        // Some responses carry totals only: keep per-category figures, moved by the deltas the server
        // has now absorbed, until counts with categories arrive.
        let cats: Counts = { ...zeroBucket(), categories: server.categories };
        for (const p of pending.values()) if (p.ackSeq <= seq) cats = applyDelta(cats, p.delta);
        next = { ...counts, categories: cats.categories! };
      }
      server = next;
      serverSeq = seq;
      prune();
    },
    addPending(key: string, delta: CountsDelta) {
      pending.set(key, { delta, ackSeq: Infinity });
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
      let c: Counts = server ?? zeroBucket();
      for (const p of pending.values()) c = applyDelta(c, p.delta);
      return c;
    },
  };
}

export type CountsModel = ReturnType<typeof createCountsModel>;
