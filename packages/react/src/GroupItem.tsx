import { useId, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { FeedView, GroupRow } from '@belfry/core';
import { NotificationItem, type NotificationHandlers } from './NotificationItem.js';
import { enGroups } from './groupMessages.js';
import { format, type GroupMessages, type Messages } from './messages.js';
import { formatAbsolute, formatRelative, useNow } from './relativeTime.js';
import { safeUrl } from './safeUrl.js';
import { useBelfry } from './useBelfry.js';
import { useFeed } from './useFeed.js';
import { useTransientFlag } from './useTransientFlag.js';
import { useUi } from './useUi.js';

export interface GroupItemProps extends NotificationHandlers {
  group: GroupRow;
  index: number;
  active: boolean;
  onFocusItem(): void;
}

/** "Ada, Grace and 3 others": the newest two actors and a count, patterns from the messages table. */
export function actorsText(g: GroupRow, m: GroupMessages): string {
  const [a, b] = g.actors.map((x) => x.name ?? x.id);
  const others = g.actorCount - 2;
  if (b === undefined) return a ?? '';
  return format(others > 1 ? m.groupMore : others === 1 ? m.groupMoreOne : m.groupTwo, { a: a!, b, others });
}

/** One row for a group (a group of one is its notification): summary, unread count, newest time, members on demand. */
export function GroupItem(props: GroupItemProps) {
  const { group: g, index, active } = props;
  const client = useBelfry();
  const { messages: table, locale, allowedLinkHosts } = useUi();
  const messages: Messages & GroupMessages = { ...enGroups, ...table };
  const now = useNow();
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useTransientFlag(6000);
  const membersId = useId();
  const n = g.latest;
  if (g.groupKey === null) {
    return <NotificationItem {...props} notification={n} onFocusItem={props.onFocusItem} index={index} active={active} />;
  }
  const action = n.data?.groupTitle;
  const actors = actorsText(g, messages);
  const title = typeof action === 'string' && actors ? format(messages.groupTitle, { actors, action }) : n.title;
  const run = (work: Promise<void> | undefined) => void work?.catch(() => setFailed(true));
  const toggle = () => setOpen(!open);
  const avatar = safeUrl(n.avatarUrl, allowedLinkHosts);
  const created = new Date(n.createdAt);
  const tab = active ? 0 : -1;
  return (
    <div
      role="listitem"
      className="belfry-item belfry-group"
      part="group"
      data-unread={g.unreadCount > 0 ? 'true' : 'false'}
      data-group={g.groupKey}
      data-index={index}
      tabIndex={tab}
      onClick={(e: MouseEvent) => (e.target as HTMLElement).closest('button, a, [role=list]') || toggle()}
      onKeyDown={(e: KeyboardEvent) => {
        if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          toggle();
        }
      }}
      onFocus={(e) => e.target === e.currentTarget && props.onFocusItem()}
    >
      <div className="belfry-avatar" aria-hidden="true">
        {avatar ? <img src={avatar} alt="" width={36} height={36} loading="lazy" /> : <span>{(title.trim()[0] ?? '•').toUpperCase()}</span>}
      </div>
      <div className="belfry-item-content">
        <p className="belfry-item-title">
          <bdi>{title}</bdi>
        </p>
        {title === n.title && actors ? (
          <p className="belfry-item-body">
            <bdi>{actors}</bdi>
          </p>
        ) : null}
        <time className="belfry-item-time" dateTime={n.createdAt} title={formatAbsolute(created, locale)}>
          {formatRelative(created, now, locale)}
        </time>
        <div className="belfry-item-actions">
          <button type="button" className="belfry-action" aria-expanded={open} aria-controls={membersId} tabIndex={tab} onClick={toggle}>
            {format(open ? messages.groupCollapse : messages.groupExpand, { count: g.count })}
          </button>
          {g.unreadCount > 0 ? (
            <button type="button" className="belfry-action" tabIndex={tab} onClick={() => run(client?.markGroupRead(g))}>
              {messages.markGroupRead}
            </button>
          ) : null}
          <button type="button" className="belfry-action" tabIndex={tab} onClick={() => run(client?.archiveGroup(g))}>
            {messages.archiveGroup}
          </button>
        </div>
        {failed ? (
          <p className="belfry-item-error" role="alert">
            {messages.actionFailed}
          </p>
        ) : null}
        <div id={membersId}>{open ? <Members {...props} groupKey={g.groupKey} more={format(messages.groupExpand, { count: g.count })} label={format(messages.groupMembers, { count: g.count })} /> : null}</div>
      </div>
      <div className="belfry-item-side">
        {g.unreadCount > 0 ? <span className="belfry-group-count">{format(messages.groupUnread, { count: g.unreadCount })}</span> : null}
      </div>
    </div>
  );
}

/** The members of an expanded group: an ordinary feed of the group's key. */
async function loadAll(view: FeedView | null) {
  while (view?.getState().hasMore) await view.loadMore();
}

function Members(props: NotificationHandlers & { groupKey: string; label: string; more: string }) {
  const feed = useFeed({ groupKey: props.groupKey });
  const { messages } = useUi();
  return (
    <div role="list" aria-label={props.label} aria-busy={feed.status !== 'success'} className="belfry-group-members">
      <p className="belfry-visually-hidden" role="status">
        {feed.status === 'success' ? props.label : messages.loading}
      </p>
      {feed.items.map((n) => (
        <NotificationItem key={n.id} notification={n} onNotificationClick={props.onNotificationClick} onAction={props.onAction} />
      ))}
      {feed.hasMore ? (
        <button type="button" className="belfry-button" onClick={() => void loadAll(feed.view).catch(() => undefined)}>
          {props.more}
        </button>
      ) : null}
    </div>
  );
}
