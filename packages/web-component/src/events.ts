// DOM events of the elements. All bubble and are composed, so they cross the shadow boundary and can be
// handled anywhere up the page (`document.addEventListener('belfry:notification', …)`).
import type { Notification, NotificationAction } from '@belfry/core/api';

export interface BelfryEventMap {
  /** A notification arrived in realtime. */
  'belfry:notification': CustomEvent<{ notification: Notification }>;
  /** An item was clicked. Cancelable: preventDefault() stops the element from following actionUrl. */
  'belfry:notification-click': CustomEvent<{ notification: Notification }>;
  /** An action button of an item was clicked. */
  'belfry:action': CustomEvent<{ notification: Notification; action: NotificationAction }>;
  /** The inbox popover opened or closed. */
  'belfry:open-change': CustomEvent<{ open: boolean }>;
}

export type BelfryEventName = keyof BelfryEventMap;

/** Returns false when a listener called preventDefault(). */
export function emit<K extends BelfryEventName>(
  target: EventTarget,
  name: K,
  detail: BelfryEventMap[K]['detail'],
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}
