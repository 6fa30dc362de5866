// The v1 wire contract, shared by @belfry/core and @belfry/server.
// Types only: a change here breaks the build of both sides, not their users.
import type { SuppressionReason } from './lifecycle.js';

export const CHANNELS = ['in_app', 'email', 'push', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Every timestamp on the wire is an ISO-8601 string in UTC with milliseconds. */
export type IsoDate = string;

export interface NotificationAction {
  /** Stable id the app uses to recognise the action (≤ 64 chars). */
  id: string;
  label: string;
  /** Followed on click when safe (http, https, relative). */
  url?: string;
  style?: 'primary' | 'secondary';
}

export interface Notification {
  id: string;
  userId: string;
  category: string;
  title: string;
  body: string | null;
  actionUrl: string | null;
  actions: NotificationAction[];
  avatarUrl: string | null;
  data: Record<string, unknown> | null;
  createdAt: IsoDate;
  readAt: IsoDate | null;
  seenAt: IsoDate | null;
  archivedAt: IsoDate | null;
  /** First time the user clicked the item or one of its actions. */
  clickedAt: IsoDate | null;
  snoozedUntil: IsoDate | null;
  expiresAt: IsoDate | null;
  /** Notifications with the same groupKey show as one row in a grouped feed; null: a group of one. */
  groupKey?: string | null;
  /** Who caused it ("Ada commented"): named in a group's row. */
  actor?: Actor | null;
}

export interface Actor {
  id: string;
  name: string | null;
}

/**
 * One row of a grouped feed (`GET /v1/inbox/notifications?grouped=true`): the members of one groupKey
 * matching the filter, or one ungrouped notification (groupKey null, count 1).
 */
export interface NotificationGroup {
  groupKey: string | null;
  /** The newest member; the group pages and sorts by its (createdAt, id). */
  latest: Notification;
  count: number;
  unreadCount: number;
  unseenCount: number;
  /** The most recent distinct actors, newest first (at most 3). */
  actors: Actor[];
  /** Distinct actors among all members ("Ada, Grace and 3 others"). */
  actorCount: number;
}

/**
 * A group's state right after a change, over its visible, non-archived members (the inbox): carried
 * by every change that touches a grouped notification. count 0 (latest null): the group is gone.
 */
export interface GroupState extends Omit<NotificationGroup, 'latest' | 'groupKey'> {
  groupKey: string;
  latest: Notification | null;
}

/** Inbox list filter. Omitted fields do not filter, except `archived`, which defaults to false. */
export interface FeedFilter {
  read?: boolean;
  archived?: boolean;
  category?: string;
  /** The members of one group. */
  groupKey?: string;
}

export interface CountsBucket {
  total: number;
  unread: number;
  unseen: number;
}

/** Counts cover visible, non-archived notifications (not snoozed, not expired). */
export interface Counts extends CountsBucket {
  /** Present when asked for (`GET /v1/inbox/counts?byCategory=true`) and on every realtime event. */
  categories?: Record<string, CountsBucket>;
}

/** `GET /v1/inbox/counts`: the counts and the user's seq they were read at (the stream resumes there). */
export interface CountsResponse extends Counts {
  seq: number;
}

// ---- errors -------------------------------------------------------------

export type ErrorCode =
  | 'bad_request' // validation; message names the field
  | 'unauthorized' // missing / malformed / forged / expired credential
  | 'token_expired'
  | 'token_claims_invalid' // user JWT: iat missing, not a number, or in the future
  | 'token_lifetime_exceeded' // user JWT: exp - iat is longer than the server allows (default 24 h)
  | 'forbidden' // valid credential, wrong app or user
  | 'not_found'
  | 'conflict'
  | 'category_locked'
  | 'seq_expired' // /changes?since= older than retained history: refetch everything
  | 'payload_too_large'
  | 'rate_limited'
  | 'internal';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}

// ---- session ------------------------------------------------------------

/** POST /v1/inbox/session. Either userKey (hex HMAC-SHA256(secret, userId)) or userToken (HS256 JWT: sub, app, iat, exp; exp - iat at most 24 h by default). */
export interface SessionRequest {
  appId: string;
  userId?: string;
  userKey?: string;
  userToken?: string;
}

export interface SessionResponse {
  token: string;
  expiresAt: IsoDate;
  appId: string;
  userId: string;
}

// ---- inbox ----------------------------------------------------------------

/** GET /v1/inbox/notifications?read=&archived=&category=&limit=&cursor= */
export interface ListResponse {
  items: Notification[];
  nextCursor: string | null;
  /** The user's current seq when the page was read. */
  seq: number;
}

/** GET /v1/inbox/notifications?grouped=true&… (same filter, limit and cursor, paging groups) */
export interface GroupedListResponse {
  groups: NotificationGroup[];
  nextCursor: string | null;
  seq: number;
}

/** PATCH /v1/inbox/notifications/:id → { notification, seq, counts } */
export interface NotificationPatch {
  read?: boolean;
  seen?: boolean;
  archived?: boolean;
  /** ISO date in the future, or null to unsnooze. */
  snoozedUntil?: IsoDate | null;
  /** The user clicked the item (or, with `action`, one of its actions): sets clickedAt once, records a `clicked` event each time. */
  clicked?: true;
  /** The id of the action clicked (one of the notification's actions); only with clicked. */
  action?: string;
}

export interface PatchResponse {
  notification: Notification;
  seq: number;
  counts: Counts;
  /** The state of the group the notification belongs to, when it has a groupKey. */
  groups?: GroupState[];
}

/**
 * POST /v1/inbox/notifications/bulk: ids, or a filter and/or a groupKey (the group's members matching
 * the filter, non-archived by default), plus at least one of read / seen / archived.
 */
export interface BulkRequest {
  ids?: string[];
  filter?: FeedFilter;
  groupKey?: string;
  read?: boolean;
  seen?: boolean;
  archived?: boolean;
}

export interface BulkResponse {
  updated: number;
  seq: number;
  counts: Counts;
  /** The state of every group the change touched. */
  groups?: GroupState[];
}

/** DELETE /v1/inbox/notifications/:id → { seq, counts } */
export interface DeleteResponse {
  seq: number;
  counts: Counts;
}

// ---- changes & realtime ---------------------------------------------------

export type BulkPatch = Partial<Pick<Notification, 'readAt' | 'seenAt' | 'archivedAt'>>;

/** `groups`: the state after the change of every group it touched (present only when it touched one). */
export type Change = (
  | { seq: number; type: 'created'; notification: Notification }
  | { seq: number; type: 'updated'; notification: Notification }
  | { seq: number; type: 'deleted'; id: string }
  | { seq: number; type: 'bulk'; ids: string[]; patch: BulkPatch }
) & { groups?: GroupState[] };

/** GET /v1/inbox/changes?since=SEQ&limit= (limit 1..1000, default 500). 410 seq_expired when history is gone. */
export interface ChangesResponse {
  changes: Change[];
  /** The user's current seq. */
  seq: number;
  /** More changes after the last one returned: ask again with since = last change's seq. */
  hasMore: boolean;
  counts: Counts;
}

/** socket.io: connect with `io(apiUrl, { auth: { token } })`; server emits SOCKET_EVENT with this payload. */
export interface ChangeEvent {
  change: Change;
  counts: Counts;
}

export const SOCKET_EVENT = 'belfry:change' as const;

// ---- preferences ------------------------------------------------------------

export interface CategoryPreference {
  label: string | null;
  locked: boolean;
  channels: Record<Channel, boolean>;
}

/** GET /v1/inbox/preferences; PUT takes PreferencesUpdate and returns this. */
export interface Preferences {
  categories: Record<string, CategoryPreference>;
}

export interface PreferencesUpdate {
  categories: Record<string, { channels: Partial<Record<Channel, boolean>> }>;
}

// ---- server-to-server (secret key) -------------------------------------------

/** POST /v1/notifications */
export interface TriggerRequest {
  recipients: string[];
  category: string;
  title: string;
  body?: string;
  actionUrl?: string;
  actions?: NotificationAction[];
  avatarUrl?: string;
  data?: Record<string, unknown>;
  idempotencyKey?: string;
  /** A recipient who already got this key inside dedupeWindowSeconds is suppressed as `duplicate`. */
  dedupeKey?: string;
  /** 1 – 2592000 (30 days); default 86400 when dedupeKey is set. */
  dedupeWindowSeconds?: number;
  /** Already past: every recipient is suppressed as `expired`. */
  expiresAt?: IsoDate;
  /** Groups the notification with earlier ones of the same key in a grouped feed (`post:42:comments`). */
  groupKey?: string;
  actor?: { id: string; name?: string };
}

export interface TriggerResponse {
  /** The message this call became (`msg_…`): GET /v1/messages/:id tells its whole story. */
  messageId: string;
  notifications: Array<{ userId: string; id: string }>;
  suppressed: Array<{ userId: string; reason: SuppressionReason }>;
  /** True when the idempotencyKey was seen before and this is the original result. */
  replayed: boolean;
}

/** PUT /v1/categories/:category */
export interface CategoryDefinition {
  label?: string;
  locked?: boolean;
  defaultChannels?: Partial<Record<Channel, boolean>>;
  /** At most `limit` notifications of this category per recipient per `windowSeconds`; past it, `throttled`. null removes it. */
  throttle?: CategoryThrottle | null;
}

export interface CategoryThrottle {
  limit: number;
  windowSeconds: number;
}

/** PUT /v1/users/:userId */
export interface UserUpsert {
  name?: string;
  locale?: string;
}
