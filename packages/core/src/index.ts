export { createBelfry } from './client.js';
export { BelfryError } from './errors.js';
export type { ClientErrorCode } from './errors.js';
export type {
  BelfryClient,
  BelfryErrorShape,
  BelfryEvents,
  BelfryOptions,
  BroadcastChannelLike,
  ConnectionState,
  ConnectionStatus,
  CountsState,
  Environment,
  FeedState,
  FeedView,
  LocksLike,
  PreferencesState,
  PreferencesStore,
  Readable,
  Status,
  WebSocketLike,
} from './types.js';
export type {
  BulkPatch,
  Change,
  ChangeEvent,
  Channel,
  CategoryPreference,
  Counts,
  CountsBucket,
  ErrorCode,
  FeedFilter,
  IsoDate,
  Notification,
  NotificationAction,
  Preferences,
  PreferencesUpdate,
} from './api/types.js';
