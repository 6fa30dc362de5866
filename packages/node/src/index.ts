export { Belfry } from './client.js';
export { BelfryError, isBelfryError, type BelfryErrorCode } from './errors.js';
export { verifyWebhook, type WebhookHeaders } from './webhooks.js';
export { userKeyFor, userTokenFor } from './userAuth.js';
export type { BelfryOptions, Category, DeliveriesQuery, MessageEventsQuery, PageQuery, ReplayResponse, User, UserNotificationsQuery, WebhookResponse } from './types.js';
export type {
  CategoryDefinition,
  CategoryThrottle,
  DeleteResponse,
  ErrorCode,
  EventListResponse,
  EventType,
  LifecycleEvent,
  ListResponse,
  Message,
  MessageDetail,
  MessageListQuery,
  MessageListResponse,
  Notification,
  PreviewResponse,
  ReasonCode,
  SuppressionReason,
  TriggerRequest,
  TriggerResponse,
  UserUpsert,
  Webhook,
  WebhookCreate,
  WebhookDelivery,
  WebhookDeliveryListResponse,
  WebhookEventFilter,
  WebhookPayload,
  WebhookRotateRequest,
  WebhookSecretResponse,
  WebhookUpdate,
} from '@belfry/core/api';
