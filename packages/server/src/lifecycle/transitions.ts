// The events an inbox state change produces: one per flag that actually moved, in timeline order.
import type { NotificationsTable } from '../db/schema.js';
import type { EventInput, EventLog } from './events.js';

type State = Pick<NotificationsTable, 'id' | 'user_id' | 'message_id' | 'seen_at' | 'read_at' | 'archived_at' | 'snoozed_until'>;

export interface Click {
  action?: string | undefined;
}

export function recordTransitions(log: EventLog, before: State, after: Omit<State, 'id' | 'user_id' | 'message_id'>, click?: Click): void {
  const base = { messageId: before.message_id, notificationId: before.id, userId: before.user_id, channel: 'in_app' } as const;
  const add = (type: EventInput['type'], detail?: Record<string, unknown>) => log.add({ ...base, type, detail });
  if (before.seen_at === null && after.seen_at !== null) add('seen');
  if (before.read_at === null && after.read_at !== null) add('read');
  if (before.read_at !== null && after.read_at === null) add('unread');
  // Every click is an event (engagement is counted per click); clickedAt keeps the first.
  if (click) add('clicked', click.action === undefined ? undefined : { action: click.action });
  if (before.archived_at === null && after.archived_at !== null) add('archived');
  if (before.archived_at !== null && after.archived_at === null) add('unarchived');
  if (after.snoozed_until !== null && after.snoozed_until !== before.snoozed_until) add('snoozed', { until: after.snoozed_until });
  if (before.snoozed_until !== null && after.snoozed_until === null) add('unsnoozed', { by: 'user' });
}
