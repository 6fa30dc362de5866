// Field descriptions for the document: what a field means (by name, where its schema has no
// description of its own) and its limits, read from the schema itself so they can't disagree.
type Schema = Record<string, any>;

const meaning: Record<string, string> = {
  recipients: 'User ids (your own ids) to notify; each gets its own notification',
  category: 'Category key; users choose per category (and channel) what they receive',
  title: 'The notification’s headline, shown as text (never HTML)',
  body: 'Longer text under the title, shown as text',
  actionUrl: 'Where clicking the notification goes: http(s) or a relative URL (no javascript: or data:)',
  actions: 'Buttons on the notification, e.g. Approve / Later; a click is recorded with the action id',
  avatarUrl: 'Image shown beside the notification: http(s) or a relative URL',
  data: 'Any JSON you want back with the notification (ids for your UI); not shown',
  idempotencyKey: 'Retry-safe key: a second call with the same key answers the first result and creates nothing',
  id: 'Id',
  label: 'Text shown to people',
  url: 'http(s) or relative URL',
  style: 'Button style',
  locked: 'true: users cannot turn this category off (security, billing)',
  defaultChannels: 'Channels on for users who have not chosen (in_app, email, push, sms)',
  channels: 'Channel → on/off',
  in_app: 'The inbox (bell and feed)',
  email: 'Email (decided and recorded; sending is up to your own integration)',
  push: 'Mobile/web push (decided and recorded)',
  sms: 'SMS (decided and recorded)',
  name: 'Display name',
  locale: 'BCP 47 language tag, e.g. en-GB',
  appId: 'The app’s public id',
  userId: 'Your user id',
  userKey: 'hex HMAC-SHA256(app secret, userId), computed by your backend',
  userToken: 'HS256 JWT signed with the app secret by your backend: claims sub (user id), app (app id), exp',
  read: 'Read (true) or unread (false)',
  seen: 'Seen in the list (clears the unseen badge)',
  archived: 'Archived (out of the default feed) or not',
  snoozedUntil: 'Hidden until this time (ISO 8601, in the future); null wakes it now',
  limit: 'Page size',
  cursor: 'Opaque cursor: `nextCursor` of the previous page',
  byCategory: 'Also count per category',
  since: 'The last seq the client applied; answers every change after it',
  ids: 'Notification ids',
  filter: 'Every notification matching this filter (instead of ids)',
  categories: 'Category key → settings',
  deliveryId: 'Delivery id (`whd_…`)',
};

function limits(s: Schema): string[] {
  const out: string[] = [];
  if (s.minLength !== undefined || s.maxLength !== undefined) out.push(`${s.minLength ?? 0}–${s.maxLength ?? '∞'} characters`);
  if (s.minimum !== undefined || s.maximum !== undefined) out.push(`${s.minimum ?? '−∞'}–${s.maximum ?? '∞'}`);
  if (s.minItems !== undefined || s.maxItems !== undefined) out.push(`${s.minItems ?? 0}–${s.maxItems ?? '∞'} items`);
  if (s.uniqueItems) out.push('no duplicates');
  if (s.maxProperties !== undefined) out.push(`at most ${s.maxProperties} entries`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  return out;
}

/** Describes `schema` (named `name`) and every property under it, with limits. */
export function describeFields(schema: Schema | undefined, name?: string): void {
  if (!schema || typeof schema !== 'object') return;
  const text = schema.description ?? (name ? meaning[name] : undefined);
  const bounds = limits(schema);
  const missing = bounds.filter((b) => !String(text ?? '').includes(b.split(' ')[0]!));
  if (text || missing.length) schema.description = [text, missing.length ? `(${missing.join('; ')})` : ''].filter(Boolean).join(' ');
  for (const [key, sub] of Object.entries<Schema>(schema.properties ?? {})) describeFields(sub, key);
  if (schema.items) describeFields(schema.items, name);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') describeFields(schema.additionalProperties);
  for (const alt of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) if (alt.type !== 'null') describeFields(alt);
}

/** Property paths under `schema` that have no description (for the test that every field is described). */
export function undescribed(schema: Schema | undefined, path = ''): string[] {
  if (!schema || typeof schema !== 'object') return [];
  return Object.entries<Schema>(schema.properties ?? {}).flatMap(([key, sub]) => [
    ...(sub.description ? [] : [`${path}${key}`]),
    ...undescribed(sub, `${path}${key}.`),
    ...undescribed(sub.items, `${path}${key}[].`),
  ]);
}
