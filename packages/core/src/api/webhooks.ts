// Webhooks on the wire: endpoints an app registers, and the deliveries (with every attempt) the
// server makes to them. Deliveries are signed per Standard Webhooks (webhook-id = the event id).
import { EVENT_TYPES, type EventType, type LifecycleEvent } from './lifecycle.js';
import type { IsoDate } from './types.js';

/**
 * Event types an endpoint subscribes to by name. `*` means every type except webhook.*: events about
 * webhook deliveries are sent only to endpoints that name them, and never about a webhook.* event
 * (so webhooks about webhooks cannot feed on each other).
 */
export const WEBHOOK_EVENT_FILTERS = ['*', ...EVENT_TYPES] as const;
export type WebhookEventFilter = (typeof WEBHOOK_EVENT_FILTERS)[number];

export interface Webhook {
  /** `wh_…` */
  id: string;
  url: string;
  events: WebhookEventFilter[];
  description: string | null;
  enabled: boolean;
  createdAt: IsoDate;
  updatedAt: IsoDate;
  /** Until then, deliveries are signed with the previous secret too (after a rotation with a grace period). */
  previousSecretExpiresAt: IsoDate | null;
}

/** POST /v1/webhooks */
export interface WebhookCreate {
  url: string;
  events: WebhookEventFilter[];
  description?: string;
  enabled?: boolean;
}

/** POST /v1/webhooks and POST /v1/webhooks/:id/rotate-secret: the signing secret is shown only here. */
export interface WebhookSecretResponse {
  webhook: Webhook;
  /** `whsec_…` (Standard Webhooks format): verify deliveries with it. */
  secret: string;
}

/** PATCH /v1/webhooks/:id */
export interface WebhookUpdate {
  url?: string;
  events?: WebhookEventFilter[];
  description?: string | null;
  enabled?: boolean;
}

/** POST /v1/webhooks/:id/rotate-secret */
export interface WebhookRotateRequest {
  /** How long the old secret keeps signing too, in seconds (0 – 604800, default 86400). */
  graceSeconds?: number;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookAttempt {
  attempt: number;
  at: IsoDate;
  /** The receiver's HTTP status; null when no response came (network error, timeout, refused address). */
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  /** delivered: 2xx; retry: a retryable failure, another attempt is scheduled; failed: given up. */
  outcome: 'delivered' | 'retry' | 'failed';
}

/** One event to one endpoint, with its attempts (GET /v1/webhooks/:id/deliveries). */
export interface WebhookDelivery {
  /** `whd_…` */
  id: string;
  webhookId: string;
  eventId: string;
  eventType: EventType;
  status: WebhookDeliveryStatus;
  /** Attempts made so far. */
  attempts: number;
  /** When the next attempt is due (pending only). */
  nextAttemptAt: IsoDate | null;
  createdAt: IsoDate;
  /** When it ended (delivered or failed). */
  finishedAt: IsoDate | null;
  /** The delivery this one replays, if it is a replay. */
  replayOf: string | null;
  attemptLog: WebhookAttempt[];
}

/** GET /v1/webhooks/:id/deliveries?status=&limit=&cursor= (newest first) */
export interface WebhookDeliveryListResponse {
  deliveries: WebhookDelivery[];
  nextCursor: string | null;
}

/** The JSON body of every delivery. */
export interface WebhookPayload {
  type: EventType;
  /** When the event happened. */
  timestamp: IsoDate;
  data: LifecycleEvent;
}
