// What each operation is for and the error codes it can answer, merged into the generated document
// (routes that carry their own summary and description keep them).
import type { ErrorCode } from '@belfry/core/api';

export interface OperationDoc {
  summary: string;
  description: string;
  /** Error codes besides the ones every route of its kind has (see `common`). */
  errors: ErrorCode[];
}

export const ERROR_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  token_expired: 401,
  token_claims_invalid: 401,
  token_lifetime_exceeded: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  category_locked: 409,
  seq_expired: 410,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
};

export const ERROR_MEANING: Record<ErrorCode, string> = {
  bad_request: 'invalid input; `field` names the field at fault',
  unauthorized: 'missing, malformed or wrong credential',
  token_expired: 'the session token (or userToken) has expired: get a new one',
  token_claims_invalid: 'the userToken lacks `iat`, or its `iat` is more than 60 s in the future',
  token_lifetime_exceeded: 'the userToken lives longer than allowed (`exp - iat` over 24 h by default, `userTokenMaxLifetimeSeconds`)',
  forbidden: 'a valid credential of the wrong kind (a session token where the secret key is required, or the reverse)',
  not_found: 'no such resource in this app (or for this user)',
  conflict: 'the request conflicts with the current state; the message says how',
  category_locked: 'the category is locked: users cannot turn it off',
  seq_expired: 'changes before `since` are past the retained history: refetch the feed',
  payload_too_large: 'the body is over the size limit (1 MiB by default)',
  rate_limited: 'too many requests: retry after the Retry-After header (seconds)',
  internal: 'an unexpected server error; safe to retry',
};

/** Every secret-key or session route can answer these. */
export const common: ErrorCode[] = ['unauthorized', 'forbidden', 'rate_limited', 'internal'];

const secretBody: ErrorCode[] = ['bad_request', 'payload_too_large'];

export const operationDocs: Record<string, OperationDoc> = {
  'POST /v1/notifications': {
    summary: 'Trigger a notification',
    description:
      'Sends one notification to each recipient (up to 1000 user ids) in a category. Each call becomes a message (`messageId`); every recipient is either delivered (a notification id, pushed in realtime to their open inboxes) or suppressed with a reason code: `opted_out` (the user turned the category off), `duplicate` (`dedupeKey` seen inside its window), `throttled` (the category’s throttle), `expired` (`expiresAt` already past). The same `idempotencyKey` never creates a second message: a retry answers 200 with the original result and `replayed: true` (201 the first time). Users are created on first use.',
    errors: [...secretBody, 'conflict'],
  },
  'PUT /v1/categories/{category}': {
    summary: 'Define a category',
    description:
      'Creates or updates a category: its label, whether users may opt out (`locked: false`) and the channels on by default. Triggers name a category; an unknown category is created with defaults on first trigger. An optional per-recipient `throttle` suppresses bursts.',
    errors: secretBody,
  },
  'GET /v1/categories': { summary: 'List categories', description: 'Every category of the app with its label, lock, default channels and throttle, by key.', errors: ['bad_request'] },
  'PUT /v1/users/{userId}': {
    summary: 'Create or update a user',
    description: 'Stores the display name and locale of a user (your own user id). Users are also created implicitly by a trigger or an inbox session; this only adds profile data.',
    errors: secretBody,
  },
  'GET /v1/users/{userId}/notifications': {
    summary: 'List a user’s notifications',
    description: 'The same feed the user sees (newest first, keyset-paged with `cursor`), read from your backend with the secret key: for support tools, exports or your own rendering.',
    errors: ['bad_request'],
  },
  'DELETE /v1/users/{userId}/notifications/{id}': {
    summary: 'Delete a user’s notification',
    description: 'Removes one notification from a user’s inbox (e.g. the comment it was about was deleted). Open inboxes drop it in realtime; the answer carries the user’s new `seq` and counts.',
    errors: ['bad_request', 'not_found'],
  },
  'POST /v1/inbox/session': {
    summary: 'Start an inbox session',
    description:
      'Exchanges proof of who the user is — a `userKey` (hex HMAC-SHA256 of the user id with the app secret, computed by your backend) or a `userToken` (an HS256 JWT your backend signs with the secret: `sub`, `app`, `iat`, `exp`, living at most 24 h by default) — for a short-lived session token. Browsers call this; every inbox call and the realtime socket then use the session token, renewed before it expires. Needs no secret key.',
    errors: ['bad_request', 'unauthorized', 'token_expired', 'token_claims_invalid', 'token_lifetime_exceeded'],
  },
  'GET /v1/inbox/notifications': {
    summary: 'The user’s feed',
    description: 'The signed-in user’s notifications, newest first, filtered by read state, archived and category. Keyset pagination on (createdAt, id): pass `nextCursor` back as `cursor`; stable while new ones arrive. Carries the user’s current `seq` for realtime catch-up.',
    errors: ['bad_request', 'token_expired'],
  },
  'GET /v1/inbox/counts': { summary: 'Unread, unseen and total', description: 'The badge numbers of the signed-in user (archived and snoozed items excluded), per category with `byCategory=true`.', errors: ['bad_request', 'token_expired'] },
  'PATCH /v1/inbox/notifications/{id}': {
    summary: 'Update one notification',
    description: 'Marks one of the user’s notifications read/unread, seen, archived/unarchived, snoozed until a future time (null wakes it), or clicked (with the action id). Every change gets the next `seq` and is pushed to the user’s other tabs and devices.',
    errors: ['bad_request', 'not_found', 'token_expired'],
  },
  'POST /v1/inbox/notifications/bulk': {
    summary: 'Update many notifications',
    description: 'The same flags as the single update for a list of `ids` (up to 1000) or for every notification matching a `filter` — “mark all read” is `{ "filter": { "read": false }, "read": true }`. One change, one `seq`.',
    errors: ['bad_request', 'token_expired'],
  },
  'DELETE /v1/inbox/notifications/{id}': { summary: 'Delete from the inbox', description: 'The user removes one of their notifications for good.', errors: ['bad_request', 'not_found', 'token_expired'] },
  'GET /v1/inbox/changes': {
    summary: 'Changes since a seq',
    description: 'Every change to the user’s inbox after `since`, in order (created, updated, deleted, bulk): what a client replays after a gap in realtime events or a reconnect. 410 `seq_expired` when `since` is older than the kept history: refetch the feed instead.',
    errors: ['bad_request', 'seq_expired', 'token_expired'],
  },
  'GET /v1/inbox/preferences': { summary: 'The user’s preferences', description: 'Every category × channel with the user’s choice (or the category default), and which categories are locked.', errors: ['bad_request', 'token_expired'] },
  'PUT /v1/inbox/preferences': {
    summary: 'Change the user’s preferences',
    description: 'Turns channels of categories on or off for the signed-in user. Only the categories and channels named change. Turning off a locked category is refused (409 `category_locked`). An opted-out category’s triggers are suppressed as `opted_out`.',
    errors: ['bad_request', 'category_locked', 'token_expired', 'payload_too_large'],
  },
  'GET /v1/messages': { summary: 'List messages', description: '', errors: ['bad_request'] },
  'GET /v1/messages/{id}': { summary: 'Get a message', description: '', errors: ['bad_request', 'not_found'] },
  'GET /v1/messages/{id}/events': { summary: 'List a message’s events', description: '', errors: ['bad_request', 'not_found'] },
  'GET /v1/notifications/{id}/events': { summary: 'A notification’s timeline', description: '', errors: ['bad_request', 'not_found'] },
  'POST /v1/notifications/preview': { summary: 'Dry-run a trigger', description: '', errors: secretBody },
  'POST /v1/webhooks': { summary: 'Register a webhook endpoint', description: '', errors: [...secretBody, 'conflict'] },
  'GET /v1/webhooks': { summary: 'List webhook endpoints', description: '', errors: ['bad_request'] },
  'GET /v1/webhooks/{id}': { summary: 'Get a webhook endpoint', description: '', errors: ['bad_request', 'not_found'] },
  'PATCH /v1/webhooks/{id}': { summary: 'Update a webhook endpoint', description: '', errors: [...secretBody, 'not_found'] },
  'DELETE /v1/webhooks/{id}': { summary: 'Delete a webhook endpoint', description: '', errors: ['bad_request', 'not_found'] },
  'POST /v1/webhooks/{id}/rotate-secret': { summary: 'Rotate the signing secret', description: '', errors: [...secretBody, 'not_found'] },
  'GET /v1/webhooks/{id}/deliveries': { summary: 'List deliveries and their attempts', description: '', errors: ['bad_request', 'not_found'] },
  'POST /v1/webhooks/{id}/deliveries/{deliveryId}/replay': { summary: 'Replay a delivery', description: '', errors: ['bad_request', 'not_found', 'conflict'] },
};
