// JSON schemas for every route's params, querystring and body (they also generate the OpenAPI document).
import { URL_RULE } from '@belfry/core/api';
import { CHANNELS } from '../wire.js';

// No NUL: PostgreSQL text can't store it, so it must be a 400 here rather than a 500 at insert time.
const str = (maxLength: number, minLength = 0) => ({ type: 'string', minLength, maxLength, pattern: '^[^\\u0000]*$' }) as const;
/** User and notification ids: 1..128 printable characters. */
export const idString = { type: 'string', minLength: 1, maxLength: 128, pattern: '^[^\\u0000-\\u001f\\u007f]+$' } as const;
export const categoryKey = { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_.:-]+$' } as const;
/** A link or image URL: checked against the URL policy (@belfry/core/api) after the schema, see http/triggerBody.ts. */
export const linkUrl = { type: 'string', minLength: 1, maxLength: 2048, description: `A URL that ${URL_RULE}` } as const;
const isoDate = { type: 'string', format: 'date-time', maxLength: 64 } as const;

const object = (properties: Record<string, unknown>, required: string[] = [], extra: Record<string, unknown> = {}) => ({
  type: 'object',
  additionalProperties: false,
  properties,
  // An empty `required` is invalid OpenAPI: left out when nothing is required.
  ...(required.length > 0 ? { required } : {}),
  ...extra,
});

export const emptyQuery = object({});

const channelFlags = object(Object.fromEntries(CHANNELS.map((c) => [c, { type: 'boolean' }])));

/** Group keys: what an app groups by (`post:42:comments`), like a category key but longer. */
export const groupKey = { type: 'string', minLength: 1, maxLength: 255, pattern: '^[A-Za-z0-9_.:/#@+=-]+$' } as const;

const listQuery = {
  read: { type: 'boolean' },
  archived: { type: 'boolean' },
  category: categoryKey,
  groupKey: { ...groupKey, description: 'Only the members of this group' },
  limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  cursor: str(512, 1),
};

export const feedQuery = object({
  ...listQuery,
  grouped: { type: 'boolean', default: false, description: 'Page groups (`{ groups }`, keyset on each group’s newest member) instead of notifications' },
});

export const countsQuery = object({ byCategory: { type: 'boolean', default: false } });

export const changesQuery = object(
  { since: { type: 'integer', minimum: 0 }, limit: { type: 'integer', minimum: 1, maximum: 1000, default: 500 } },
  ['since'],
);

export const idParams = object({ id: idString }, ['id']);
export const userParams = object({ userId: idString }, ['userId']);
export const userNotificationParams = object({ userId: idString, id: idString }, ['userId', 'id']);
export const categoryParams = object({ category: categoryKey }, ['category']);

export const sessionBody = object(
  {
    appId: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
    userId: idString,
    userKey: { type: 'string', minLength: 1, maxLength: 128 },
    userToken: { type: 'string', minLength: 1, maxLength: 4096 },
  },
  ['appId'],
);

export const patchBody = object(
  {
    read: { type: 'boolean' },
    seen: { type: 'boolean' },
    archived: { type: 'boolean' },
    snoozedUntil: { anyOf: [isoDate, { type: 'null' }] },
    clicked: { type: 'boolean', const: true, description: 'The user clicked the item (or its `action`): sets clickedAt once and records a `clicked` event every time' },
    action: { ...str(64, 1), description: 'Id of the action clicked (one of the notification’s actions); only with clicked' },
  },
  [],
  { minProperties: 1, dependentRequired: { action: ['clicked'] } },
);

export const feedFilter = object({ read: { type: 'boolean' }, archived: { type: 'boolean' }, category: categoryKey, groupKey });

export const bulkBody = object({
  ids: { type: 'array', minItems: 1, maxItems: 1000, items: idString },
  filter: feedFilter,
  groupKey: { ...groupKey, description: 'The members of this group (matching `filter`, non-archived by default)' },
  read: { type: 'boolean' },
  seen: { type: 'boolean' },
  archived: { type: 'boolean' },
});

export const preferencesBody = object(
  {
    categories: {
      type: 'object',
      maxProperties: 200,
      propertyNames: categoryKey,
      additionalProperties: object({ channels: channelFlags }, ['channels']),
    },
  },
  ['categories'],
);

export const actionSchema = object(
  {
    id: str(64, 1),
    label: str(100, 1),
    url: linkUrl,
    style: { type: 'string', enum: ['primary', 'secondary'] },
  },
  ['id', 'label'],
);

export const triggerBody = object(
  {
    recipients: { type: 'array', minItems: 1, maxItems: 1000, uniqueItems: true, items: idString },
    category: categoryKey,
    title: str(200, 1),
    body: str(5000),
    actionUrl: linkUrl,
    actions: { type: 'array', maxItems: 10, items: actionSchema },
    avatarUrl: linkUrl,
    data: { type: 'object', additionalProperties: true },
    idempotencyKey: str(255, 1),
    dedupeKey: {
      ...str(255, 1),
      description: 'A recipient who already got a notification with this key inside dedupeWindowSeconds is suppressed as `duplicate`',
    },
    dedupeWindowSeconds: {
      type: 'integer',
      minimum: 1,
      maximum: 2_592_000,
      description: 'How far back dedupeKey looks, in seconds (1 – 2592000 = 30 days; default 86400). Needs dedupeKey',
    },
    expiresAt: { ...isoDate, description: 'When the notification disappears from the inbox; already past: every recipient is suppressed as `expired`' },
    groupKey: { ...groupKey, description: 'Shown as one row with the other notifications of this key in a grouped feed (letters, digits and `_.:/#@+=-`, ≤ 255)' },
    actor: { ...object({ id: idString, name: str(200) }, ['id']), description: 'Who caused it, named in its group’s row' },
  },
  ['recipients', 'category', 'title'],
);

export const categoryBody = object({
  label: str(200, 1),
  locked: { type: 'boolean' },
  defaultChannels: channelFlags,
  throttle: {
    anyOf: [
      object(
        {
          limit: { type: 'integer', minimum: 1, maximum: 10_000, description: 'Most notifications of this category one recipient gets per window' },
          windowSeconds: { type: 'integer', minimum: 1, maximum: 2_592_000, description: 'The window, in seconds (at most 30 days)' },
        },
        ['limit', 'windowSeconds'],
      ),
      { type: 'null' },
    ],
    description: 'Per-recipient throttle: past `limit` inside `windowSeconds` a recipient is suppressed as `throttled`; null removes it',
  },
});

export const userBody = object({ name: str(200), locale: { type: 'string', minLength: 2, maxLength: 35, pattern: '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$' } });

export const adminListQuery = object(listQuery);
