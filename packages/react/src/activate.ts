// What a click on a notification does, wherever it is shown (a feed row, a toast): it becomes read
// and clicked in one request, and a safe actionUrl is followed unless the host's handler takes over.
import type { BelfryClient } from '@belfry/core';
import type { Notification, NotificationAction } from '@belfry/core/api';
import { safeUrl } from './safeUrl.js';

function navigate(url: string) {
  if (typeof window !== 'undefined') window.location.assign(url);
}

/** `onClick` returning true still follows the url. Returns the request, for failure feedback. */
export function activateNotification(
  client: BelfryClient | null,
  n: Notification,
  onClick: ((notification: Notification) => boolean | void) | undefined,
  allowedHosts?: readonly string[],
): Promise<void> | undefined {
  const work = client?.markClicked(n.id);
  const url = safeUrl(n.actionUrl, allowedHosts);
  const follow = onClick ? onClick(n) === true : true;
  if (follow && url) navigate(url);
  return work;
}

export function activateAction(
  client: BelfryClient | null,
  n: Notification,
  action: NotificationAction,
  onAction: ((notification: Notification, action: NotificationAction) => void) | undefined,
  allowedHosts?: readonly string[],
): Promise<void> | undefined {
  const work = client?.markClicked(n.id, action.id);
  onAction?.(n, action);
  const url = safeUrl(action.url, allowedHosts);
  if (url) navigate(url);
  return work;
}
