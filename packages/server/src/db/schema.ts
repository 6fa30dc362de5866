// Table shapes as Kysely sees them. Timestamps are ISO-8601 UTC strings with milliseconds (they sort
// as text on both dialects); booleans are 0/1 integers; JSON is stored as text. That keeps every
// column type identical on SQLite and PostgreSQL.
import type { Generated } from 'kysely';

export interface AppsTable {
  id: string;
  name: string;
  /** sha256 hex of the secret key: authenticates backends. */
  secret_hash: string;
  /** The secret, AES-256-GCM encrypted with the master key: needed to verify userKey HMACs and user JWTs. */
  secret_enc: string;
  created_at: string;
}

export interface UsersTable {
  app_id: string;
  id: string;
  name: string | null;
  locale: string | null;
  /** Last seq handed out for this user's inbox. */
  seq: Generated<number>;
  /** Highest seq whose change row was pruned; `/changes?since=` below it is 410. */
  pruned_seq: Generated<number>;
  created_at: string;
}

export interface CategoriesTable {
  app_id: string;
  key: string;
  label: string | null;
  locked: number;
  /** JSON Record<Channel, boolean>. */
  channels: string;
  created_at: string;
  throttle_limit: number | null;
  throttle_window_seconds: number | null;
}

export interface PreferencesTable {
  app_id: string;
  user_id: string;
  category: string;
  channel: string;
  enabled: number;
}

export interface NotificationsTable {
  id: string;
  app_id: string;
  user_id: string;
  category: string;
  title: string;
  body: string | null;
  action_url: string | null;
  actions: string;
  avatar_url: string | null;
  data: string | null;
  created_at: string;
  read_at: string | null;
  seen_at: string | null;
  archived_at: string | null;
  clicked_at: string | null;
  snoozed_until: string | null;
  expires_at: string | null;
  /** The message (trigger call) that created it; null for rows older than messages. */
  message_id: string | null;
  /** Grouped feed key; null: a group of one. */
  group_key: string | null;
  actor_id: string | null;
  actor_name: string | null;
}

export interface ChangesTable {
  app_id: string;
  user_id: string;
  seq: number;
  type: string;
  /** JSON of the change without its seq. */
  payload: string;
  created_at: string;
}

export interface IdempotencyTable {
  app_id: string;
  key: string;
  /** JSON TriggerResponse; null while the first request is still in its transaction. */
  response: string | null;
  created_at: string;
}

export interface MessagesTable {
  id: string;
  app_id: string;
  request_id: string;
  /** JSON MessageSource. */
  source: string;
  idempotency_key: string | null;
  dedupe_key: string | null;
  category: string;
  title: string;
  recipient_count: number;
  delivered_count: number;
  suppressed_count: number;
  outcome: string;
  created_at: string;
}

export interface MessageRecipientsTable {
  app_id: string;
  message_id: string;
  user_id: string;
  outcome: string;
  reason: string | null;
  notification_id: string | null;
  category: string;
  dedupe_key: string | null;
  /** JSON ChannelDecisions. */
  channels: string;
  created_at: string;
}

export interface EventsTable {
  id: string;
  app_id: string;
  type: string;
  at: string;
  message_id: string | null;
  notification_id: string | null;
  user_id: string;
  channel: string | null;
  reason: string | null;
  /** JSON object or null. */
  detail: string | null;
}

export interface WebhooksTable {
  id: string;
  app_id: string;
  url: string;
  /** JSON WebhookEventFilter[]. */
  events: string;
  description: string | null;
  enabled: number;
  /** The signing secret, sealed with the master key (signing needs it in the clear). */
  secret_enc: string;
  previous_secret_enc: string | null;
  previous_secret_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  app_id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  message_id: string | null;
  notification_id: string | null;
  user_id: string;
  /** The JSON body, fixed when the event was committed (retries and replays send the same bytes). */
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  /** Set while a dispatcher holds the row; results are written only by the holder of the token. */
  lease_token: string | null;
  replay_of: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  webhook_id: string;
  attempt: number;
  at: string;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  outcome: string;
}

export interface Database {
  apps: AppsTable;
  users: UsersTable;
  categories: CategoriesTable;
  preferences: PreferencesTable;
  notifications: NotificationsTable;
  changes: ChangesTable;
  idempotency: IdempotencyTable;
  messages: MessagesTable;
  message_recipients: MessageRecipientsTable;
  events: EventsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}
