// Response shapes the wire types (@belfry/core/api) leave unnamed, and the client's options.
import type { CategoryThrottle, Channel, FeedFilter, IsoDate, Webhook, WebhookDelivery, WebhookDeliveryStatus } from '@belfry/core/api';

/** GET /v1/categories, PUT /v1/categories/:category */
export interface Category {
  key: string;
  label: string | null;
  locked: boolean;
  defaultChannels: Record<Channel, boolean>;
  throttle?: CategoryThrottle | null;
}

/** PUT /v1/users/:userId */
export interface User {
  id: string;
  name: string | null;
  locale: string | null;
  createdAt: IsoDate;
}

export interface PageQuery {
  limit?: number;
  cursor?: string;
}

export type UserNotificationsQuery = FeedFilter & PageQuery;
export type MessageEventsQuery = PageQuery & { userId?: string };
export type DeliveriesQuery = PageQuery & { status?: WebhookDeliveryStatus };

export interface WebhookResponse {
  webhook: Webhook;
}

export interface ReplayResponse {
  delivery: WebhookDelivery;
}

export interface BelfryOptions {
  /** The app's secret key (`sk_…`). Server-side only: never send it to a browser. */
  secretKey: string;
  /** The app's public id; needed by userToken(). */
  appId?: string;
  /** Default env BELFRY_API_URL or http://localhost:4000. */
  baseUrl?: string;
  /** Retries on 429, 5xx and network failures (default 3). */
  maxRetries?: number;
  /** Deadline of one attempt in ms (default 30000). */
  timeoutMs?: number;
  /** A fetch implementation (default the global one). */
  fetch?: typeof fetch;
}
