// Runtime constants of the wire contract. @belfry/core owns the contract; the server imports its
// types, and at runtime only the rules (the URL policy), so the values are repeated here and pinned
// to core's types: if core's change, this file stops compiling.
import type { Channel, SOCKET_EVENT as CoreSocketEvent } from '@belfry/core/api';

export const CHANNELS = ['in_app', 'email', 'push', 'sms'] as const satisfies readonly Channel[];
// Every Channel must be listed (the reverse direction of the check above).
const _allChannels: Channel extends (typeof CHANNELS)[number] ? true : never = true;
void _allChannels;

export const SOCKET_EVENT: typeof CoreSocketEvent = 'belfry:change';

// Lifecycle rules, pinned both ways to core's definitions (packages/core/src/api/lifecycle.ts):
// the same keys and values, or this stops compiling.
import type {
  EVENT_TYPES as CoreEventTypes,
  REASON_CODES as CoreReasonCodes,
  SUPPRESSION_REASONS as CoreSuppressionReasons,
  WEBHOOK_EVENT_FILTERS as CoreWebhookEventFilters,
} from '@belfry/core/api';

export const EVENT_TYPES: typeof CoreEventTypes = [
  'triggered',
  'suppressed',
  'delivered',
  'seen',
  'read',
  'unread',
  'clicked',
  'archived',
  'unarchived',
  'snoozed',
  'unsnoozed',
  'deleted',
  'expired',
  'webhook.attempted',
  'webhook.delivered',
  'webhook.failed',
];

export const SUPPRESSION_REASONS: typeof CoreSuppressionReasons = {
  opted_out: 'the user turned this category off for this channel',
  duplicate: 'the recipient already got this dedupeKey inside dedupeWindowSeconds',
  throttled: "the recipient reached the category's throttle limit inside its window",
  expired: 'expiresAt had already passed when the notification was triggered',
};

export const REASON_CODES: typeof CoreReasonCodes = {
  ...SUPPRESSION_REASONS,
  category_locked: 'delivered although the user opted out: the category is locked (not optional)',
  new_user: 'delivered to a user id never seen before: the user is created by this trigger',
  no_provider: 'allowed by preferences, but this server has no provider for the channel, so nothing is sent',
};

export const WEBHOOK_EVENT_FILTERS: typeof CoreWebhookEventFilters = ['*', ...EVENT_TYPES];
