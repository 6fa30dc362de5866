import type { FeedFilter, Notification } from './api/types.js';
import type { CountsDelta } from './counts.js';
import { matchesFilter, normalizeFilter } from './filters.js';

export type StatePatch = Partial<Pick<Notification, 'readAt' | 'seenAt' | 'archivedAt' | 'clickedAt' | 'snoozedUntil'>>;

/** An optimistic change layered over server state until its request settles. */
export interface Overlay {
  key: string;
  matches(n: Notification): boolean;
  /** The item as the user should see it; null hides it (removal). */
  apply(n: Notification): Notification | null;
}

/** A serialisable optimistic change: also sent as is to other tabs over the BroadcastChannel. */
export type OverlaySpec =
  | { kind: 'ids'; ids: string[]; patch: StatePatch }
  | { kind: 'filter'; filter: FeedFilter; patch: StatePatch }
  | { kind: 'remove'; ids: string[] }
  /** A whole group (its members matching `filter`), with the counts change the group's figures give. */
  | { kind: 'group'; groupKey: string; filter: FeedFilter; patch: StatePatch; delta: CountsDelta };

/**
 * Applies a patch the way the server does: setting a timestamp keeps an existing one (marking a read
 * item read again changes nothing), null clears it.
 */
export function applyPatch(n: Notification, patch: StatePatch): Notification {
  let out = n;
  for (const [k, v] of Object.entries(patch) as Array<[keyof StatePatch, string | null | undefined]>) {
    if (v === undefined) continue;
    const next = v === null ? null : k === 'snoozedUntil' ? v : (n[k] ?? v);
    if (next !== n[k]) out = { ...out, [k]: next };
  }
  return out;
}

export function overlayFrom(key: string, spec: OverlaySpec): Overlay {
  let matches: Overlay['matches'];
  if ('ids' in spec) {
    const ids = new Set(spec.ids);
    matches = (n) => ids.has(n.id);
  } else {
    const filter = normalizeFilter(spec.kind === 'group' ? { ...spec.filter, groupKey: spec.groupKey } : spec.filter);
    matches = (n) => matchesFilter(n, filter);
  }
  return { key, matches, apply: spec.kind === 'remove' ? () => null : (n) => applyPatch(n, spec.patch) };
}
