import type { QueryClient } from '@tanstack/query-core';
import type { Change, ChangesResponse, Counts, ListResponse, Notification } from './api/types.js';
import { toBelfryError, type BelfryError } from './errors.js';
import { isVisible } from './filters.js';
import type { Session } from './session.js';
import type { Inbox } from './store.js';

/** A change plus, when known, the counts right after it (socket events carry them; catch-up does not). */
export interface SeqEvent {
  change: Change;
  counts?: Counts;
}

export interface SyncDeps {
  inbox: Inbox;
  queryClient: QueryClient;
  session: Session;
  /** A created notification arrived live (or in catch-up after a disconnect). Called once per id. */
  onNotification(n: Notification): void;
  onError(err: BelfryError): void;
  /** Every change applied, in seq order (the leader forwards these to other tabs). */
  onApplied(event: SeqEvent): void;
  /** History is gone (410): every view must be refetched. */
  onReset(): void;
}

const CATCH_UP_RETRY_MS = 2_000;

/**
 * The seq stream: changes are applied strictly in seq order, exactly once. Out-of-order events wait
 * in a buffer; a gap or any reconnect fetches `/changes?since=` (looping while hasMore) through
 * query-core, which dedupes and retries it. Replays are harmless: applied seq and per-item seqs in
 * the store both refuse old data.
 */
export function createSync(deps: SyncDeps) {
  const { inbox, queryClient, session } = deps;
  let applied: number | null = null;
  const buffer = new Map<number, SeqEvent>();
  const emitted = new Set<string>();
  let catchingUp: Promise<void> | null = null;
  let again = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  /** Pages read while the baseline was being fetched: the stream must start at the oldest data held. */
  let earliestPageSeq = Infinity;

  function serverCounts(counts: Counts, seq: number) {
    inbox.counts.setServer(counts, seq);
    inbox.publishCounts('success');
  }

  function setApplied(seq: number) {
    applied = seq;
    inbox.setConnection({ seq });
  }

  /** Every creation the client hears of came live or in catch-up after a disconnect: news, once per id. */
  function created(n: Notification, seq: number) {
    inbox.writeItems([n], seq, new Set([n.id]));
    // As the store shows it now: a late copy of one deleted or archived since is no news.
    const shown = inbox.store.getState().notifications[n.id];
    if (shown && !emitted.has(n.id) && !shown.archivedAt && isVisible(shown)) deps.onNotification(shown);
    emitted.add(n.id);
  }

  /** An event already in the data held (a page or the baseline read while it travelled) came live: a created one is still news. */
  function arrivedLate({ change }: SeqEvent) {
    if (change.type === 'created') created(change.notification, change.seq);
  }

  function apply(change: Change, counts?: Counts) {
    switch (change.type) {
      case 'created':
        created(change.notification, change.seq);
        break;
      case 'updated':
        inbox.writeItems([change.notification], change.seq);
        break;
      case 'deleted':
        inbox.removeItem(change.id, change.seq);
        break;
      case 'bulk':
        inbox.patchItems(change.ids, change.patch, change.seq);
        break;
    }
    if (counts) serverCounts(counts, change.seq);
    setApplied(change.seq);
    deps.onApplied({ change, counts });
  }

  function pump() {
    if (applied === null || catchingUp || stopped) return;
    // Events at or below the applied seq are in the data the stream started from. Other tabs have
    // not necessarily read them: the leader passes them on like any change.
    for (const [seq, event] of buffer) {
      if (seq > applied) continue;
      buffer.delete(seq);
      arrivedLate(event);
      deps.onApplied(event);
    }
    let next: SeqEvent | undefined;
    while ((next = buffer.get(applied + 1))) {
      buffer.delete(applied + 1);
      apply(next.change, next.counts);
    }
    // Anything left is ahead of a missing seq: fetch what we missed.
    if (buffer.size > 0) void catchUp();
  }

  async function runCatchUp(): Promise<void> {
    if (applied === null) {
      // No stream yet: it starts at the baseline's seq (or the oldest page read meanwhile).
      const res = await queryClient.fetchQuery({
        queryKey: ['belfry', 'baseline'],
        queryFn: ({ signal }) => session.request<ListResponse>('GET', '/v1/inbox/notifications', { query: { limit: 1 }, signal }),
        staleTime: 0,
        gcTime: 0,
      });
      if (applied === null) {
        setApplied(Math.min(res.seq, earliestPageSeq));
        // Events that arrived while the baseline was read are already in it and get dropped, but their
        // counts are newer than the counts held (a follower tab reads its baseline on its first event).
        let latest: SeqEvent | undefined;
        for (const [seq, event] of buffer) {
          if (seq <= applied! && event.counts && (!latest || seq > latest.change.seq)) latest = event;
        }
        if (latest) serverCounts(latest.counts!, latest.change.seq);
      }
      return;
    }
    for (;;) {
      const since: number = applied!;
      const res = await queryClient.fetchQuery({
        queryKey: ['belfry', 'changes', since],
        queryFn: ({ signal }) =>
          session.request<ChangesResponse>('GET', '/v1/inbox/changes', { query: { since, limit: 500 }, signal }),
        staleTime: 0,
        gcTime: 0,
      });
      if (stopped) return;
      // The response's counts are at its seq: they go with the change that reaches it, so other tabs
      // (fed from what the leader applies) get them too. Seqs are unique, so that is the last change.
      for (const change of res.changes) {
        if (change.seq > applied!) apply(change, !res.hasMore && change.seq === res.seq ? res.counts : undefined);
      }
      if (!res.hasMore) {
        serverCounts(res.counts, res.seq);
        return;
      }
      if (res.changes.length === 0) return;
    }
  }

  /** Fetches everything after the applied seq; concurrent calls share one run (and one more after it). */
  function catchUp(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (catchingUp) {
      again = true;
      return catchingUp;
    }
    clearTimeout(retryTimer);
    catchingUp = (async () => {
      try {
        do {
          again = false;
          await runCatchUp();
        } while (again && !stopped);
      } catch (err) {
        const e = toBelfryError(err);
        if (e.code === 'seq_expired') {
          buffer.clear();
          applied = null;
          earliestPageSeq = Infinity;
          deps.onReset();
        } else if (!stopped) {
          // A blip (network, 5xx) is retried quietly — the connection status already says offline;
          // anything else is worth telling the host about.
          if (!e.transient) deps.onError(e);
          // Nothing else may come to wake us (a quiet socket), so try again on our own.
          if (!e.isAuth) retryTimer = setTimeout(() => void catchUp(), CATCH_UP_RETRY_MS);
        }
      } finally {
        catchingUp = null;
      }
      pump();
    })();
    return catchingUp;
  }

  return {
    /** A change from the socket or from the leader tab. */
    receive(event: SeqEvent) {
      if (stopped) return;
      if (applied !== null && event.change.seq <= applied) {
        arrivedLate(event);
        return;
      }
      buffer.set(event.change.seq, event);
      if (applied === null) void catchUp();
      else pump();
    },
    /** A page was read at `seq`: the first one sets where the stream starts. */
    notePageSeq(seq: number) {
      if (applied !== null) return;
      if (catchingUp) {
        earliestPageSeq = Math.min(earliestPageSeq, seq);
        return;
      }
      setApplied(seq);
      pump();
    },
    catchUp,
    stop() {
      stopped = true;
      buffer.clear();
      clearTimeout(retryTimer);
    },
  };
}

export type Sync = ReturnType<typeof createSync>;
