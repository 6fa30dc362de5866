// Row ⇄ wire mapping for notifications.
import type { Notification, NotificationAction } from '@belfry/core/api';
import type { NotificationsTable } from '../db/schema.js';

export function toNotification(row: NotificationsTable): Notification {
  return {
    id: row.id,
    userId: row.user_id,
    category: row.category,
    title: row.title,
    body: row.body,
    actionUrl: row.action_url,
    actions: JSON.parse(row.actions) as NotificationAction[],
    avatarUrl: row.avatar_url,
    data: row.data === null ? null : (JSON.parse(row.data) as Record<string, unknown>),
    createdAt: row.created_at,
    readAt: row.read_at,
    seenAt: row.seen_at,
    archivedAt: row.archived_at,
    clickedAt: row.clicked_at,
    snoozedUntil: row.snoozed_until,
    expiresAt: row.expires_at,
    groupKey: row.group_key,
    actor: row.actor_id === null ? null : { id: row.actor_id, name: row.actor_name },
  };
}
