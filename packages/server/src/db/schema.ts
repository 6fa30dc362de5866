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
  snoozed_until: string | null;
  expires_at: string | null;
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

export interface Database {
  apps: AppsTable;
  users: UsersTable;
  categories: CategoriesTable;
  preferences: PreferencesTable;
  notifications: NotificationsTable;
  changes: ChangesTable;
  idempotency: IdempotencyTable;
}
