// Public shapes of the core client. @belfry/react and @belfry/web-component code against these.
import type { Counts, FeedFilter, Notification, NotificationGroup, Preferences, PreferencesUpdate } from './api/types.js';

/** Every stateful object: subscribe → unsubscribe; getState() identity changes only when content does. */
export interface Readable<T> {
  subscribe(listener: () => void): () => void;
  getState(): T;
}

export type Status = 'idle' | 'loading' | 'success' | 'error';

export interface BelfryErrorShape {
  name: 'BelfryError';
  /** Wire error code, or 'network' / 'timeout' / 'aborted' / 'auth_source' for client-side failures. */
  code: string;
  message: string;
  status?: number;
}

export interface FeedState {
  items: Notification[];
  hasMore: boolean;
  /** 'loading' is the first page; loadingMore is true while a later page is fetched. */
  status: Status;
  loadingMore: boolean;
  error: BelfryErrorShape | null;
  /** Items that arrived in realtime since the view was last marked as viewed (for an "N new" pill). */
  newCount: number;
}

export interface FeedView extends Readable<FeedState> {
  readonly filter: Readonly<FeedFilter>;
  loadMore(): Promise<void>;
  refresh(): Promise<void>;
  /** Resets newCount to 0 (the user has scrolled to the top). */
  markViewed(): void;
}

/** One row of a grouped feed; `key` is stable (`g:<groupKey>`, or `n:<id>` for a group of one). */
export interface GroupRow extends NotificationGroup {
  key: string;
}

export interface GroupedFeedState {
  groups: GroupRow[];
  hasMore: boolean;
  status: Status;
  loadingMore: boolean;
  error: BelfryErrorShape | null;
}

/** A feed paged by group: `groupedFeed(client, filter)` from `@belfry/core/grouped`. */
export interface GroupedFeedView extends Readable<GroupedFeedState> {
  readonly filter: Readonly<FeedFilter>;
  loadMore(): Promise<void>;
  refresh(): Promise<void>;
}

export interface CountsState extends Counts {
  status: Status;
}

export interface PreferencesState {
  preferences: Preferences | null;
  status: Status;
  error: BelfryErrorShape | null;
}

export interface PreferencesStore extends Readable<PreferencesState> {
  /** Optimistic; rolls back and rejects (and emits 'error') on failure. */
  update(update: PreferencesUpdate): Promise<void>;
  refresh(): Promise<void>;
}

export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'offline' | 'error';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Highest seq applied. */
  seq: number;
  /** This tab holds the socket (cross-tab leader). */
  leader: boolean;
  error: BelfryErrorShape | null;
}

export interface BelfryEvents {
  /** A notification newly arrived in realtime (not on page loads or catch-up of old items). */
  notification: Notification;
  error: BelfryErrorShape;
  connection: ConnectionState;
}

/** Browser facilities reached through adapters so core runs in Node and during SSR. */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export interface LocksLike {
  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<void>;
}

/** The part of the WebSocket API the realtime connection uses. */
export interface WebSocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface Environment {
  broadcastChannel?: ((name: string) => BroadcastChannelLike) | null;
  locks?: LocksLike | null;
  /** Calls back with true/false on online/offline; returns an unsubscribe. */
  onOnlineChange?: ((cb: (online: boolean) => void) => () => void) | null;
  /** Calls back when the page regains focus/visibility; returns an unsubscribe. */
  onFocus?: ((cb: () => void) => () => void) | null;
  /** Opens a WebSocket (defaults to globalThis.WebSocket; inject e.g. the `ws` package on Node < 22). */
  webSocket?: ((url: string) => WebSocketLike) | null;
}

export interface BelfryOptions {
  apiUrl: string;
  appId: string;
  userId?: string;
  /** hex HMAC-SHA256(secret, userId), computed by your backend. */
  userKey?: string;
  /** Returns a user JWT (HS256: sub, app, iat, exp; exp - iat at most 24 h by default) from your backend; called again when the session must be renewed. */
  getUserToken?: () => Promise<string>;
  /** Open a socket for live updates (default true). */
  realtime?: boolean;
  fetch?: typeof fetch;
  /** Defaults to the browser's facilities when present, none otherwise. */
  environment?: Environment;
  /** Request timeout in ms (default 15000). */
  timeout?: number;
  /** Page size for feeds (default 20). */
  pageSize?: number;
}

export interface BelfryClient {
  readonly options: Readonly<BelfryOptions>;
  /** Views are cached by filter: the same filter returns the same view. */
  feed(filter?: FeedFilter): FeedView;
  readonly counts: Readable<CountsState>;
  readonly preferences: PreferencesStore;
  readonly connection: Readable<ConnectionState>;
  /** One notification by id from the normalised store (undefined when unknown). */
  notification(id: string): Readable<Notification | undefined>;

  markRead(ids: string | string[]): Promise<void>;
  markUnread(ids: string | string[]): Promise<void>;
  /** Batched: calls within one tick go out as one request. */
  markSeen(ids: string | string[]): Promise<void>;
  /** The user clicked the item (or the action with this id): read + clicked, recorded as a `clicked` event. */
  markClicked(id: string, actionId?: string): Promise<void>;
  archive(ids: string | string[]): Promise<void>;
  unarchive(ids: string | string[]): Promise<void>;
  snooze(id: string, until: Date | string): Promise<void>;
  unsnooze(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  markAllRead(filter?: FeedFilter): Promise<void>;
  markAllSeen(): Promise<void>;
  archiveAllRead(): Promise<void>;
  /** Every member of the group read (a group of one: its item); optimistic, counts by the group's figures. */
  markGroupRead(group: GroupRow): Promise<void>;
  archiveGroup(group: GroupRow): Promise<void>;
  updatePreferences(update: PreferencesUpdate): Promise<void>;

  on<K extends keyof BelfryEvents>(event: K, listener: (payload: BelfryEvents[K]) => void): () => void;
  destroy(): void;
}
