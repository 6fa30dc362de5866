import type { CSSProperties, KeyboardEvent, MouseEvent, Ref } from 'react';
import type { Notification, NotificationAction } from '@belfry/core/api';
import { activateAction, activateNotification } from './activate.js';
import { useBelfry } from './useBelfry.js';
import { useUi } from './useUi.js';
import { ItemMenu, type MenuCommand } from './ItemMenu.js';
import { formatAbsolute, formatRelative, useNow } from './relativeTime.js';
import { RichText } from './RichText.js';
import { safeUrl } from './safeUrl.js';
import { snoozeUntil } from './snooze.js';
import { useTransientFlag } from './useTransientFlag.js';

export interface NotificationHandlers {
  /** Called on click instead of following actionUrl; return true to still follow it. */
  onNotificationClick?: ((notification: Notification) => boolean | void) | undefined;
  /** Called when an action button is pressed (after a safe action url, if any, is opened). */
  onAction?: ((notification: Notification, action: NotificationAction) => void) | undefined;
}

export interface NotificationItemProps extends NotificationHandlers {
  notification: Notification;
  /** The list's roving tab stop. */
  active?: boolean;
  onFocusItem?: (() => void) | undefined;
  itemRef?: Ref<HTMLDivElement> | undefined;
  style?: CSSProperties | undefined;
  index?: number | undefined;
  setSize?: number | undefined;
}

const FAILURE_VISIBLE_MS = 6000;

export function NotificationItem(props: NotificationItemProps) {
  const { notification: n, active = true, onFocusItem, itemRef, style, index, setSize } = props;
  const client = useBelfry();
  const { messages, locale, allowedLinkHosts } = useUi();
  const now = useNow();
  const [failed, setFailed] = useTransientFlag(FAILURE_VISIBLE_MS);
  const unread = !n.readAt;

  // Core rolls the optimistic change back on failure; the row says so.
  const run = (work: Promise<void> | undefined) => {
    void work?.catch(() => setFailed(true));
  };

  const command = (cmd: MenuCommand) => {
    if (!client) return;
    switch (cmd) {
      case 'read':
        return run(client.markRead(n.id));
      case 'unread':
        return run(client.markUnread(n.id));
      case 'archive':
        return run(client.archive(n.id));
      case 'unarchive':
        return run(client.unarchive(n.id));
      default:
        return run(client.snooze(n.id, snoozeUntil(cmd)));
    }
  };

  // A click is engagement: the item becomes read and clicked in one request (a `clicked` event).
  const activate = () => run(activateNotification(client, n, props.onNotificationClick, allowedLinkHosts));

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('button, a')) return;
    activate();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate();
    }
  };

  const onActionClick = (action: NotificationAction) => run(activateAction(client, n, action, props.onAction, allowedLinkHosts));

  const avatar = safeUrl(n.avatarUrl, allowedLinkHosts);
  const created = new Date(n.createdAt);

  return (
    <div
      ref={itemRef}
      role="listitem"
      className="belfry-item"
      part="item"
      data-unread={unread ? 'true' : 'false'}
      data-id={n.id}
      data-index={index}
      aria-posinset={index === undefined ? undefined : index + 1}
      aria-setsize={setSize}
      tabIndex={active ? 0 : -1}
      style={style}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusItem?.();
      }}
    >
      <div className="belfry-avatar" aria-hidden="true">
        {avatar ? <img src={avatar} alt="" width={36} height={36} loading="lazy" /> : <bdi>{(n.title.trim()[0] ?? '•').toUpperCase()}</bdi>}
      </div>
      <div className="belfry-item-content">
        <p className="belfry-item-title">
          {unread ? <span className="belfry-visually-hidden">{messages.unread}: </span> : null}
          <RichText text={n.title} />
        </p>
        {n.body ? (
          <p className="belfry-item-body">
            <RichText text={n.body} />
          </p>
        ) : null}
        <time className="belfry-item-time" dateTime={n.createdAt} title={formatAbsolute(created, locale)}>
          {formatRelative(created, now, locale)}
        </time>
        {n.actions.length > 0 ? (
          <div className="belfry-item-actions">
            {n.actions.map((action) => (
              <button
                key={action.id}
                type="button"
                className="belfry-action"
                data-style={action.style ?? 'secondary'}
                tabIndex={active ? 0 : -1}
                onClick={() => onActionClick(action)}
              >
                <bdi>{action.label}</bdi>
              </button>
            ))}
          </div>
        ) : null}
        {failed ? (
          <p className="belfry-item-error" role="alert">
            {messages.actionFailed}
          </p>
        ) : null}
      </div>
      <div className="belfry-item-side">
        {unread ? <span className="belfry-unread-dot" aria-hidden="true" /> : null}
        <ItemMenu notification={n} onCommand={command} tabbable={active} />
      </div>
    </div>
  );
}
