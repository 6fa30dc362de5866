import { QueryObserver } from '@tanstack/query-core';
import type { CountsResponse, FeedFilter, Notification } from './api/types.js';
import { createCrossTab, type TabMessage } from './crossTab.js';
import { createEmitter } from './emitter.js';
import { resolveEnvironment } from './environment.js';
import type { BelfryError } from './errors.js';
import { createFeedView, refetchAllViews, shapeError } from './feedView.js';
import { filterKey } from './filters.js';
import { createTransport } from './http.js';
import { createMutations } from './mutations.js';
import { createPreferencesStore } from './preferences.js';
import { createQueryClient, wireEnvironment } from './queries.js';
import { derivedReadable } from './readable.js';
import { createRealtime } from './realtime.js';
import { createSession } from './session.js';
import { createInbox } from './store.js';
import { createSync } from './sync.js';
import type { GroupEvent } from './groupedView.js';
import { registerInternals } from './internals.js';
import type { BelfryClient, BelfryEvents, BelfryOptions, ConnectionState, CountsState, FeedView, Readable } from './types.js';

/** Last subscriber gone → resources stop after this grace, so a remount (StrictMode) reuses them. */
const IDLE_GRACE_MS = 100;

const randomId = () => Math.random().toString(36).slice(2) + Date.now().toString(36);

/** Creates one inbox client for one user session. Nothing is fetched or opened until something subscribes. */
export function createBelfry(options: BelfryOptions): BelfryClient {
  if (!options || typeof options.apiUrl !== 'string' || typeof options.appId !== 'string') {
    throw new TypeError('createBelfry needs { apiUrl, appId }');
  }
  const opts: Readonly<BelfryOptions> = Object.freeze({ ...options });
  const env = resolveEnvironment(opts.environment);
  const fetchImpl = opts.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const transport = createTransport({ apiUrl: opts.apiUrl, fetch: fetchImpl, timeout: opts.timeout ?? 15_000 });
  // createSession reads only appId, userId, userKey and getUserToken.
  const session = createSession({ ...opts, transport });
  const emitter = createEmitter<BelfryEvents>();
  const inbox = createInbox();
  const realtimeEnabled = opts.realtime !== false;
  const queryClient = createQueryClient(realtimeEnabled ? 30_000 : 0);
  const unwire = wireEnvironment(env);
  const tabId = randomId();
  let destroyed = false;
  const groupListeners = new Set<(event: GroupEvent) => void>();
  const emitGroups = (event: GroupEvent) => groupListeners.forEach((l) => l(event));

  const emitError = (err: BelfryError | BelfryEvents['error']) => {
    if (destroyed) return;
    emitter.emit('error', err instanceof Error ? shapeError(err) : err);
  };

  function setConnection(patch: Partial<ConnectionState>) {
    if (inbox.setConnection(patch)) emitter.emit('connection', inbox.store.getState().connection);
  }

  const sync = createSync({
    inbox,
    queryClient,
    session,
    onNotification: (n) => emitter.emit('notification', n),
    onError: (e) => {
      emitError(e);
      if (e.isAuth) setConnection({ status: 'error', error: shapeError(e) });
    },
    onApplied: (event) => {
      if (crossTab.leader) crossTab.post({ type: 'change', event });
      emitGroups({ seq: event.change.seq, groups: event.change.groups, change: event.change });
    },
    onReset: () => {
      inbox.resetItems();
      void refetchAllViews(queryClient).catch(() => {});
      void queryClient.refetchQueries({ queryKey: ['belfry', 'counts'] }).catch(() => {});
    },
  });

  const realtime = createRealtime({
    apiUrl: opts.apiUrl,
    session,
    createWebSocket: env.webSocket,
    onEvent: (event) => sync.receive(event),
    onConnect: () => void sync.catchUp(),
    onStatus: (status, error) => {
      setConnection(error ? { status, error: shapeError(error) } : { status, error: null });
      if (error) emitError(error);
      crossTab.post({ type: 'connection', status });
    },
  });

  const local = () => mutations.local;
  const crossTab = createCrossTab({
    env,
    name: `${opts.apiUrl}|${opts.appId}|${opts.userId ?? ''}`,
    tabId,
    onLeader: () => {
      setConnection({ leader: true });
      if (realtimeEnabled) realtime.start();
    },
    onFollower: () => {
      realtime.stop();
      setConnection({ leader: false, status: 'idle' });
    },
    onMessage: (msg: TabMessage) => {
      switch (msg.type) {
        case 'apply':
          local().apply(msg.key, msg.spec, msg.filterDelta);
          break;
        case 'commit':
          local().commit(msg.key, msg.spec, msg.result);
          break;
        case 'rollback':
          local().rollback(msg.key, msg.spec);
          break;
        case 'change':
          if (!crossTab.leader) sync.receive(msg.event);
          break;
        case 'connection':
          if (!crossTab.leader) setConnection({ status: msg.status });
          break;
        case 'hello':
          if (crossTab.leader) crossTab.post({ type: 'connection', status: inbox.store.getState().connection.status });
          break;
      }
    },
  });

  const mutations = createMutations({
    inbox,
    queryClient,
    session,
    tabId,
    onError: emitError,
    broadcast: (message) => crossTab.post(message),
    onGroups: (groups, seq) => emitGroups({ seq, groups }),
  });

  // ---- resources: started by the first subscriber to anything, stopped after the last ----------
  let subscribers = 0;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  function retain() {
    if (destroyed) return;
    if (idleTimer) {
      clearTimeout(idleTimer);
      idleTimer = null;
    }
    if (subscribers++ === 0) crossTab.start();
  }
  function release() {
    if (destroyed || --subscribers > 0) return;
    idleTimer = setTimeout(() => {
      idleTimer = null;
      if (subscribers === 0) crossTab.stop();
    }, IDLE_GRACE_MS);
  }

  // ---- readables ------------------------------------------------------------------------------
  const views = new Map<string, FeedView>();
  const feedDeps = {
    inbox,
    queryClient,
    session,
    pageSize: opts.pageSize ?? 20,
    retain,
    release,
    onError: emitError,
    onPageSeq: (seq: number) => sync.notePageSeq(seq),
  };

  let countsObserver: QueryObserver<CountsResponse> | null = null;
  let countsUnsub: (() => void) | null = null;
  const counts: Readable<CountsState> = derivedReadable(inbox.store, (s) => s.counts, {
    onActive: () => {
      retain();
      countsObserver = new QueryObserver<CountsResponse>(queryClient, {
        queryKey: ['belfry', 'counts'],
        queryFn: ({ signal }) => session.request<CountsResponse>('GET', '/v1/inbox/counts', { query: { byCategory: true }, signal }),
      });
      let lastData: CountsResponse | undefined;
      const onResult = () => {
        const r = countsObserver?.getCurrentResult();
        if (!r) return;
        if (r.data && r.data !== lastData) {
          lastData = r.data;
          const { seq, ...data } = r.data;
          inbox.counts.setServer(data, seq);
          // Counts are data held, like a page: the stream starts no later than the seq they were read at.
          sync.notePageSeq(seq);
        }
        inbox.publishCounts(r.isPending ? 'loading' : r.isError && !inbox.counts.hasServer ? 'error' : 'success');
      };
      countsUnsub = countsObserver.subscribe(onResult);
      onResult();
    },
    onIdle: () => {
      countsUnsub?.();
      countsUnsub = null;
      countsObserver = null;
      release();
    },
  });

  // Add-on views (`@belfry/core/grouped`) find these through the client; see internals.ts.
  const addOnViews = new Map<string, unknown>();

  const connection: Readable<ConnectionState> = derivedReadable(inbox.store, (s) => s.connection, { onActive: retain, onIdle: release });

  const notificationReadables = new Map<string, Readable<Notification | undefined>>();

  const preferences = createPreferencesStore({ inbox, queryClient, session, retain, release, onError: emitError });

  /** Views are cached by filter: equal filters share one view. */
  function cached<V, D>(cache: Map<string, V>, filter: FeedFilter, create: (filter: FeedFilter, deps: D) => V, deps: D): V {
    const key = filterKey(filter);
    let view = cache.get(key);
    if (!view) cache.set(key, (view = create(filter, deps)));
    return view;
  }

  const client: BelfryClient = {
    options: opts,
    feed: (filter: FeedFilter = {}) => cached(views, filter, createFeedView, feedDeps),
    counts,
    preferences,
    connection,
    notification(id: string) {
      let r = notificationReadables.get(id);
      if (!r) {
        r = derivedReadable(inbox.store, (s) => s.notifications[id], { onActive: retain, onIdle: release });
        notificationReadables.set(id, r);
      }
      return r;
    },
    ...mutations.actions,
    updatePreferences: preferences.update,
    on: emitter.on,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      mutations.destroy();
      sync.stop();
      crossTab.stop();
      realtime.stop();
      countsUnsub?.();
      queryClient.cancelQueries().catch(() => {});
      queryClient.clear();
      queryClient.unmount();
      unwire();
      emitter.clear();
      views.clear();
      addOnViews.clear();
      groupListeners.clear();
      notificationReadables.clear();
    },
  };
  registerInternals(client, {
    ...feedDeps,
    views: addOnViews,
    listen: (l: (event: GroupEvent) => void) => {
      groupListeners.add(l);
      return () => void groupListeners.delete(l);
    },
  });
  return client;
}

