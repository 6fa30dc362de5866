// The Belfry client: one method per secret-key operation of the API, grouped as the reference groups them.
import type {
  CategoryDefinition,
  DeleteResponse,
  EventListResponse,
  ListResponse,
  MessageDetail,
  MessageListQuery,
  MessageListResponse,
  PreviewResponse,
  TriggerRequest,
  TriggerResponse,
  UserUpsert,
  Webhook,
  WebhookCreate,
  WebhookDeliveryListResponse,
  WebhookPayload,
  WebhookRotateRequest,
  WebhookSecretResponse,
  WebhookUpdate,
} from '@belfry/core/api';
import { randomUUID } from 'node:crypto';
import { request, type HttpOptions, type RequestSpec } from './http.js';
import type { BelfryOptions, Category, DeliveriesQuery, MessageEventsQuery, PageQuery, ReplayResponse, User, UserNotificationsQuery, WebhookResponse } from './types.js';
import { userKeyFor, userTokenFor } from './userAuth.js';
import { verifyWebhook, type WebhookHeaders } from './webhooks.js';

const seg = encodeURIComponent;

export class Belfry {
  private readonly http: HttpOptions;
  private readonly appId: string | undefined;

  constructor(options: BelfryOptions) {
    if (!options?.secretKey) throw new TypeError('Belfry: secretKey is required');
    this.appId = options.appId;
    this.http = {
      baseUrl: options.baseUrl ?? process.env.BELFRY_API_URL ?? 'http://localhost:4000',
      secretKey: options.secretKey,
      maxRetries: options.maxRetries ?? 3,
      timeoutMs: options.timeoutMs ?? 30_000,
      fetch: options.fetch ?? globalThis.fetch,
    };
  }

  private call<T>(spec: RequestSpec): Promise<T> {
    return request<T>(this.http, spec);
  }

  readonly notifications = {
    /**
     * POST /v1/notifications. An idempotencyKey is generated unless given, so the retries of this
     * call never create a second message.
     */
    trigger: (body: TriggerRequest): Promise<TriggerResponse> =>
      this.call({ method: 'POST', path: '/v1/notifications', body: { ...body, idempotencyKey: body.idempotencyKey ?? randomUUID() }, retryConflictOn: 'idempotencyKey' }),
    /** POST /v1/notifications/preview: what the trigger would decide, writing nothing. */
    preview: (body: TriggerRequest): Promise<PreviewResponse> => this.call({ method: 'POST', path: '/v1/notifications/preview', body }),
    /** GET /v1/notifications/:id/events: one notification's timeline. */
    events: (id: string, query?: PageQuery): Promise<EventListResponse> => this.call({ method: 'GET', path: `/v1/notifications/${seg(id)}/events`, query }),
  };

  readonly categories = {
    upsert: (key: string, definition: CategoryDefinition = {}): Promise<{ category: Category }> =>
      this.call({ method: 'PUT', path: `/v1/categories/${seg(key)}`, body: definition }),
    list: (): Promise<{ categories: Category[] }> => this.call({ method: 'GET', path: '/v1/categories' }),
  };

  readonly users = {
    upsert: (userId: string, profile: UserUpsert = {}): Promise<{ user: User }> => this.call({ method: 'PUT', path: `/v1/users/${seg(userId)}`, body: profile }),
    notifications: (userId: string, query?: UserNotificationsQuery): Promise<ListResponse> =>
      this.call({ method: 'GET', path: `/v1/users/${seg(userId)}/notifications`, query }),
    deleteNotification: (userId: string, id: string): Promise<DeleteResponse> =>
      this.call({ method: 'DELETE', path: `/v1/users/${seg(userId)}/notifications/${seg(id)}` }),
  };

  readonly messages = {
    list: (query?: MessageListQuery): Promise<MessageListResponse> => this.call({ method: 'GET', path: '/v1/messages', query }),
    get: (id: string): Promise<MessageDetail> => this.call({ method: 'GET', path: `/v1/messages/${seg(id)}` }),
    events: (id: string, query?: MessageEventsQuery): Promise<EventListResponse> => this.call({ method: 'GET', path: `/v1/messages/${seg(id)}/events`, query }),
  };

  readonly webhooks = {
    create: (input: WebhookCreate): Promise<WebhookSecretResponse> => this.call({ method: 'POST', path: '/v1/webhooks', body: input }),
    list: (): Promise<{ webhooks: Webhook[] }> => this.call({ method: 'GET', path: '/v1/webhooks' }),
    get: (id: string): Promise<WebhookResponse> => this.call({ method: 'GET', path: `/v1/webhooks/${seg(id)}` }),
    update: (id: string, patch: WebhookUpdate): Promise<WebhookResponse> => this.call({ method: 'PATCH', path: `/v1/webhooks/${seg(id)}`, body: patch }),
    delete: (id: string): Promise<{ deleted: true }> => this.call({ method: 'DELETE', path: `/v1/webhooks/${seg(id)}` }),
    rotateSecret: (id: string, options: WebhookRotateRequest = {}): Promise<WebhookSecretResponse> =>
      this.call({ method: 'POST', path: `/v1/webhooks/${seg(id)}/rotate-secret`, body: options }),
    deliveries: (id: string, query?: DeliveriesQuery): Promise<WebhookDeliveryListResponse> =>
      this.call({ method: 'GET', path: `/v1/webhooks/${seg(id)}/deliveries`, query }),
    replay: (id: string, deliveryId: string): Promise<ReplayResponse> =>
      this.call({ method: 'POST', path: `/v1/webhooks/${seg(id)}/deliveries/${seg(deliveryId)}/replay` }),
    /** Verifies a delivery you received (raw body, its headers, the endpoint's `whsec_…` secret). */
    verify: (payload: string | Buffer, headers: WebhookHeaders, secret: string): WebhookPayload => verifyWebhook(payload, headers, secret),
  };

  /** The userKey for `userId`, to hand to that user's browser (POST /v1/inbox/session). */
  userKey(userId: string): string {
    return userKeyFor(this.http.secretKey, userId);
  }

  /** A user token (JWT) for `userId`, valid `ttlSeconds` (default 1 hour); needs `appId`. */
  userToken(userId: string, ttlSeconds = 3600): Promise<string> {
    if (!this.appId) throw new TypeError('Belfry: userToken() needs the appId option');
    return userTokenFor(this.http.secretKey, this.appId, userId, ttlSeconds);
  }
}
