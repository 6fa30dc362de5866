// The notification lifecycle on the wire: messages (one per trigger call), events (one per step,
// committed with the change they describe), dry-run decisions and their reason codes.
// Runtime values here are rules the server and its clients share (reason codes, event types).
import type { Channel, IsoDate } from './types.js';

/** Every step of a notification's life, in the order a timeline usually reads. */
export const EVENT_TYPES = [
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
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Why a recipient got nothing. Shared by the trigger, the dry run and the timeline. */
export const SUPPRESSION_REASONS = {
  opted_out: 'the user turned this category off for this channel',
  duplicate: 'the recipient already got this dedupeKey inside dedupeWindowSeconds',
  throttled: "the recipient reached the category's throttle limit inside its window",
  expired: 'expiresAt had already passed when the notification was triggered',
} as const;
export type SuppressionReason = keyof typeof SUPPRESSION_REASONS;

/** Every reason code a decision can carry: the suppressions, plus notes on a delivery or a skipped channel. */
export const REASON_CODES = {
  ...SUPPRESSION_REASONS,
  category_locked: 'delivered although the user opted out: the category is locked (not optional)',
  new_user: 'delivered to a user id never seen before: the user is created by this trigger',
  no_provider: 'allowed by preferences, but this server has no provider for the channel, so nothing is sent',
} as const;
export type ReasonCode = keyof typeof REASON_CODES;

/** One channel's decision for one recipient. */
export interface ChannelDecision {
  /** deliver: it is sent; suppress: a rule refused it (see reason); skip: allowed, but nothing sends on this channel. */
  decision: 'deliver' | 'suppress' | 'skip';
  reason: ReasonCode | null;
}

export type ChannelDecisions = Record<Channel, ChannelDecision>;

export type RecipientOutcome = 'delivered' | 'suppressed';

/** One recipient of a message: its outcome and, per channel, the decision behind it. */
export interface MessageRecipient {
  userId: string;
  outcome: RecipientOutcome;
  /** The notification created for this recipient (delivered only). */
  notificationId: string | null;
  /** Why it was suppressed (suppressed only). */
  reason: SuppressionReason | null;
  channels: ChannelDecisions;
}

/** Where a trigger call came from. */
export interface MessageSource {
  /** `api`: a secret-key call to POST /v1/notifications. */
  type: 'api';
  ip: string | null;
  userAgent: string | null;
}

/** One trigger call (GET /v1/messages). */
export interface Message {
  /** `msg_…` */
  id: string;
  /** The request id of the trigger call (also its `x-request-id` response header). */
  requestId: string;
  source: MessageSource;
  idempotencyKey: string | null;
  dedupeKey: string | null;
  category: string;
  title: string;
  recipientCount: number;
  deliveredCount: number;
  suppressedCount: number;
  /** delivered: every recipient got it; suppressed: none did; partial: some did. */
  outcome: 'delivered' | 'suppressed' | 'partial';
  createdAt: IsoDate;
}

/** GET /v1/messages/:id */
export interface MessageDetail extends Message {
  recipients: MessageRecipient[];
}

/** GET /v1/messages?userId=&category=&outcome=&from=&to=&limit=&cursor= */
export interface MessageListQuery {
  /** Messages with this recipient; `outcome` then applies to this recipient's outcome. */
  userId?: string;
  category?: string;
  outcome?: 'delivered' | 'suppressed' | 'partial';
  /** Created at or after (inclusive). */
  from?: IsoDate;
  /** Created before (exclusive). */
  to?: IsoDate;
  limit?: number;
  cursor?: string;
}

export interface MessageListResponse {
  /** Newest first. */
  messages: Message[];
  nextCursor: string | null;
}

/** One step in a notification's life, committed in the transaction of the change it describes. */
export interface LifecycleEvent {
  /** `evt_…`; sortable: ids grow with time. Also the `webhook-id` of its webhook deliveries. */
  id: string;
  type: EventType;
  at: IsoDate;
  /** The message (trigger call) this belongs to; null only for notifications created before messages were recorded. */
  messageId: string | null;
  notificationId?: string;
  userId: string;
  channel?: Channel;
  reason?: ReasonCode;
  /** Type-specific facts: `clicked` → { action? }, `snoozed` → { until }, `delivered` → { sockets } once pushed, webhook.* → the attempt. */
  detail?: Record<string, unknown>;
}

/** GET /v1/messages/:id/events, GET /v1/notifications/:id/events: oldest first. */
export interface EventListResponse {
  events: LifecycleEvent[];
  nextCursor: string | null;
}

/** `detail` of webhook.attempted / webhook.delivered / webhook.failed. */
export interface WebhookAttemptDetail {
  webhookId: string;
  deliveryId: string;
  /** The event that was being delivered. */
  eventId: string;
  eventType: EventType;
  attempt: number;
  maxAttempts: number;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  /** When the next attempt is due (webhook.attempted only). */
  nextAttemptAt: IsoDate | null;
}

// ---- dry run -------------------------------------------------------------------------------

/** A webhook endpoint that would receive events about this recipient. */
export interface PreviewWebhook {
  webhookId: string;
  url: string;
  events: EventType[];
}

export interface PreviewRecipient extends Omit<MessageRecipient, 'notificationId'> {
  webhooks: PreviewWebhook[];
}

/** POST /v1/notifications/preview: the trigger body, nothing written. */
export interface PreviewResponse {
  /** Set when the idempotencyKey was used before: the trigger would replay that message and create nothing. */
  replayOf: string | null;
  recipients: PreviewRecipient[];
  deliverCount: number;
  suppressCount: number;
}
