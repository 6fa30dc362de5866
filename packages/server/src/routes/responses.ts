// Response shapes for the OpenAPI document only. They are attached in @fastify/swagger's transform
// (not as route response schemas), so serialisation stays plain JSON.stringify and never drops a field.
import { CHANNELS, SUPPRESSION_REASONS } from '../wire.js';

const nullable = (type: string, extra: Record<string, unknown> = {}) => ({ type: [type, 'null'], ...extra });
const date = { type: 'string', format: 'date-time' };
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: 'object', properties, required });

const bucket = obj({ total: { type: 'integer' }, unread: { type: 'integer' }, unseen: { type: 'integer' } });
const counts = obj({ ...bucket.properties, categories: { type: 'object', additionalProperties: bucket } }, ['total', 'unread', 'unseen']);
const notification = obj({
  id: { type: 'string' },
  userId: { type: 'string' },
  category: { type: 'string' },
  title: { type: 'string' },
  body: nullable('string'),
  actionUrl: nullable('string'),
  actions: { type: 'array', items: obj({ id: { type: 'string' }, label: { type: 'string' }, url: { type: 'string' }, style: { type: 'string', enum: ['primary', 'secondary'] } }, ['id', 'label']) },
  avatarUrl: nullable('string'),
  data: nullable('object', { additionalProperties: true }),
  createdAt: date,
  readAt: nullable('string', { format: 'date-time' }),
  seenAt: nullable('string', { format: 'date-time' }),
  archivedAt: nullable('string', { format: 'date-time' }),
  clickedAt: nullable('string', { format: 'date-time' }),
  snoozedUntil: nullable('string', { format: 'date-time' }),
  expiresAt: nullable('string', { format: 'date-time' }),
});
// Optional: grouped feeds read them (older rows and servers may lack them).
Object.assign(notification.properties, {
  groupKey: nullable('string'),
  actor: nullable('object', { properties: { id: { type: 'string' }, name: nullable('string') }, required: ['id', 'name'] }),
});
const actors = { actors: { type: 'array', items: obj({ id: { type: 'string' }, name: nullable('string') }) }, actorCount: { type: 'integer' } };
const groupCounts = { count: { type: 'integer' }, unreadCount: { type: 'integer' }, unseenCount: { type: 'integer' } };
const group = obj({ groupKey: nullable('string'), latest: notification, ...groupCounts, ...actors });
const groupState = {
  ...obj({ groupKey: { type: 'string' }, latest: { ...notification, type: ['object', 'null'] }, ...groupCounts, ...actors }),
  description: 'A group’s state after the change, over its visible, non-archived members; count 0: the group is gone',
};
const change = {
  type: 'object',
  description: "created/updated carry `notification`, deleted carries `id`, bulk carries `ids` and `patch`",
  properties: {
    seq: { type: 'integer' },
    type: { type: 'string', enum: ['created', 'updated', 'deleted', 'bulk'] },
    notification,
    id: { type: 'string' },
    ids: { type: 'array', items: { type: 'string' } },
    patch: { type: 'object' },
    groups: { type: 'array', items: groupState, description: 'Present when the change touched grouped notifications' },
  },
  required: ['seq', 'type'],
};
const channels = obj(Object.fromEntries(CHANNELS.map((c) => [c, { type: 'boolean' }])));
const preferences = obj({ categories: { type: 'object', additionalProperties: obj({ label: nullable('string'), locked: { type: 'boolean' }, channels }) } });
const throttle = obj({ limit: { type: 'integer' }, windowSeconds: { type: 'integer' } });
const category = obj(
  { key: { type: 'string' }, label: nullable('string'), locked: { type: 'boolean' }, defaultChannels: channels, throttle: { anyOf: [throttle, { type: 'null' }] } },
  ['key', 'label', 'locked', 'defaultChannels'],
);
const list = obj({ items: { type: 'array', items: notification }, nextCursor: nullable('string'), seq: { type: 'integer' } });
const seqCounts = obj({ seq: { type: 'integer' }, counts });
const trigger = obj({
  messageId: { type: 'string', description: 'The message this call became (`msg_…`)' },
  notifications: { type: 'array', items: obj({ userId: { type: 'string' }, id: { type: 'string' } }) },
  suppressed: { type: 'array', items: obj({ userId: { type: 'string' }, reason: { type: 'string', enum: Object.keys(SUPPRESSION_REASONS) } }) },
  replayed: { type: 'boolean' },
});
const error = obj(
  { error: obj({ code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } }, ['code', 'message']) },
);

const ok = (status: number, schema: unknown) => ({ [status]: schema, '4XX': error });

/** "METHOD url" → response documentation. */
export const responseDocs: Record<string, Record<string, unknown>> = {
  'POST /v1/notifications': { ...ok(201, trigger), 200: trigger },
  'PUT /v1/categories/:category': ok(200, obj({ category })),
  'GET /v1/categories': ok(200, obj({ categories: { type: 'array', items: category } })),
  'PUT /v1/users/:userId': ok(200, obj({ user: obj({ id: { type: 'string' }, name: nullable('string'), locale: nullable('string'), createdAt: date }) })),
  'GET /v1/users/:userId/notifications': ok(200, list),
  'DELETE /v1/users/:userId/notifications/:id': ok(200, seqCounts),
  'POST /v1/inbox/session': ok(200, obj({ token: { type: 'string' }, expiresAt: date, appId: { type: 'string' }, userId: { type: 'string' } })),
  'GET /v1/inbox/notifications': ok(200, {
    oneOf: [list, obj({ groups: { type: 'array', items: group }, nextCursor: nullable('string'), seq: { type: 'integer' } })],
    description: '`{ items }`, or with grouped=true `{ groups }`: one row per groupKey (an ungrouped notification is a group of one)',
  }),
  'GET /v1/inbox/counts': ok(200, obj({ ...counts.properties, seq: { type: 'integer' } }, [...counts.required, 'seq'])),
  'PATCH /v1/inbox/notifications/:id': ok(200, obj({ notification, seq: { type: 'integer' }, counts })),
  'POST /v1/inbox/notifications/bulk': ok(200, obj({ updated: { type: 'integer' }, seq: { type: 'integer' }, counts })),
  'DELETE /v1/inbox/notifications/:id': ok(200, seqCounts),
  'GET /v1/inbox/changes': ok(200, obj({ changes: { type: 'array', items: change }, seq: { type: 'integer' }, hasMore: { type: 'boolean' }, counts })),
  'GET /v1/inbox/preferences': ok(200, preferences),
  'PUT /v1/inbox/preferences': ok(200, preferences),
};
