import { useEffect, useRef, useState, type ComponentType, type KeyboardEvent, type ReactNode } from 'react';
import type { FeedFilter, Notification } from '@belfry/core/api';
import type { Rect } from '@tanstack/virtual-core';
import { LiveAnnouncer } from './LiveAnnouncer.js';
import { NotificationItem, type NotificationHandlers } from './NotificationItem.js';
import { Root } from './Root.js';
import { useConnection } from './useConnection.js';
import { useFeed } from './useFeed.js';
import { useUi } from './useUi.js';
import { format, type Messages } from './messages.js';
import type { Theme } from './theme.js';
import type { ColorScheme } from './context.js';
import { useVirtualizer } from './useVirtualizer.js';
import { keyIndex } from './dom.js';
import { useSeenOnView, type MarkSeenOn } from './useSeenOnView.js';

export interface RenderItemProps {
  notification: Notification;
  index: number;
  active: boolean;
}

export interface FeedProps extends NotificationHandlers {
  filter?: FeedFilter;
  renderItem?: (props: RenderItemProps) => ReactNode;
  renderEmpty?: (filter: FeedFilter) => ReactNode;
  /** Estimated row height before measurement (px). */
  estimateSize?: number;
  /** Assumed viewport before layout (SSR, tests). */
  initialRect?: Rect;
  /** Render the live region announcing new notifications (the Inbox renders its own). */
  announce?: boolean;
  /** Wrap in a themed root (set false when nested in another Belfry component). */
  standalone?: boolean;
  locale?: string;
  colorScheme?: ColorScheme;
  theme?: Theme;
  className?: string;
  /** Accessible name of the list (defaults to the messages table). */
  label?: string;
  /** 'view' (default): rows shown for a second become seen; 'open' and 'never' leave it to the caller. */
  markSeenOn?: MarkSeenOn;
  /**
   * The list that renders the feed: the flat list by default. `GroupedFeed` and `GroupedInbox` from
   * `@belfry/react/grouped` pass the grouped one (a row per groupKey), so apps that never group don't ship it.
   */
  list?: ComponentType<FeedProps>;
}

const TOP_THRESHOLD = 24;
const LOAD_AHEAD = 5;

export function Feed(props: FeedProps) {
  const { standalone = true, announce = true } = props;
  const ui = useUi({ locale: props.locale, colorScheme: props.colorScheme });
  const content = (
    <>
      {announce ? <LiveAnnouncer /> : null}
      {props.list ? <props.list {...props} /> : <FeedList {...props} />}
    </>
  );
  return standalone ? (
    <Root ui={ui} theme={props.theme} className={props.className ? `belfry-page ${props.className}` : 'belfry-page'}>
      {content}
    </Root>
  ) : (
    content
  );
}

function FeedList(props: FeedProps) {
  const { filter = {}, renderItem, renderEmpty, estimateSize = 84, initialRect, markSeenOn = 'view' } = props;
  const feed = useFeed(filter);
  const connection = useConnection();
  const { messages } = useUi();
  const scrollRef = useRef<HTMLDivElement>(null);
  useSeenOnView(scrollRef, markSeenOn === 'view');
  const [activeIndex, setActiveIndex] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const [scrolledDown, setScrolledDown] = useState(false);
  const items = feed.items;

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    getItemKey: (index) => items[index]?.id ?? index,
    ...(initialRect ? { initialRect } : {}),
  });
  const virtualItems = virtualizer.getVirtualItems();
  const offset = virtualizer.scrollOffset ?? 0;

  // Keep the roving index inside the list as items come and go.
  useEffect(() => {
    if (activeIndex > 0 && activeIndex >= items.length) setActiveIndex(Math.max(0, items.length - 1));
  }, [items.length, activeIndex]);

  // Infinite loading: fetch the next page when the last rendered row nears the end.
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? -1;
  useEffect(() => {
    if (feed.hasMore && !feed.loadingMore && feed.status === 'success' && lastIndex >= items.length - LOAD_AHEAD) {
      void feed.loadMore().catch(() => undefined);
    }
  }, [lastIndex, items.length, feed.hasMore, feed.loadingMore, feed.status, feed]);

  // At the top, new arrivals are visible: reset the "N new" counter.
  const atTop = offset <= TOP_THRESHOLD;
  useEffect(() => {
    setScrolledDown(!atTop);
    if (atTop && feed.newCount > 0) feed.markViewed();
  }, [atTop, feed.newCount, feed]);

  // Move focus once the target row is rendered (after scrollToIndex).
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${pendingFocus.current}"]`);
    if (el) {
      el.focus();
      pendingFocus.current = null;
    }
  });

  const focusIndex = (index: number) => {
    const clamped = Math.max(0, Math.min(items.length - 1, index));
    setActiveIndex(clamped);
    pendingFocus.current = clamped;
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Only row-level keys; controls inside a row keep their own keys.
    const row = (event.target as HTMLElement).closest('[data-index]');
    if (!row || row !== event.target) return;
    const next = keyIndex(event.key, Number(row.getAttribute('data-index')), items.length);
    if (next === undefined) return;
    event.preventDefault();
    focusIndex(next);
  };

  const body: ReactNode =
    items.length === 0 ? (
      placeholder(feed.status, filter, messages, feed.refresh, renderEmpty)
    ) : (
      <div
        role="list"
        aria-label={props.label ?? messages.feedLabel}
        aria-busy={feed.loadingMore}
        className="belfry-list"
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
        onKeyDown={onKeyDown}
      >
        {virtualItems.map((row) => {
          const notification = items[row.index];
          if (!notification) return null;
          const active = row.index === Math.min(activeIndex, items.length - 1);
          const style = { position: 'absolute' as const, top: row.start, insetInlineStart: 0, width: '100%' };
          if (renderItem) {
            return (
              <div
                key={row.key}
                ref={virtualizer.measureElement}
                data-index={row.index}
                data-id={notification.id}
                role="listitem"
                tabIndex={active ? 0 : -1}
                style={style}
                onFocus={(event) => event.target === event.currentTarget && setActiveIndex(row.index)}
              >
                {renderItem({ notification, index: row.index, active })}
              </div>
            );
          }
          return (
            <NotificationItem
              key={row.key}
              notification={notification}
              index={row.index}
              setSize={feed.hasMore ? -1 : items.length}
              active={active}
              itemRef={virtualizer.measureElement}
              style={style}
              onFocusItem={() => setActiveIndex(row.index)}
              onNotificationClick={props.onNotificationClick}
              onAction={props.onAction}
            />
          );
        })}
      </div>
    );

  return (
    <div className="belfry-feed" data-status={feed.status}>
      {connection.status === 'offline' ? (
        <p className="belfry-offline" role="status">
          {messages.offline}
        </p>
      ) : null}
      {feed.newCount > 0 && scrolledDown ? (
        <button
          type="button"
          className="belfry-new-pill"
          onClick={() => {
            virtualizer.scrollToOffset(0);
            feed.markViewed();
          }}
        >
          {format(messages.newItems, { count: feed.newCount })}
        </button>
      ) : null}
      <div className="belfry-scroll" ref={scrollRef}>
        {body}
        {feed.loadingMore ? (
          <p className="belfry-loading-more" role="status">
            {messages.loadingMore}
          </p>
        ) : null}
        {feed.error && items.length > 0 ? <ErrorState messages={messages} onRetry={feed.loadMore} /> : null}
      </div>
    </div>
  );
}

/** What a list without rows shows: loading skeleton, the load error, or its empty state. */
export function placeholder(
  status: string,
  filter: FeedFilter,
  messages: Messages,
  retry: () => Promise<void>,
  renderEmpty?: (filter: FeedFilter) => ReactNode,
): ReactNode {
  if (status === 'loading' || status === 'idle') {
    return (
      <div className="belfry-skeleton-list" role="status" aria-busy="true">
        <span className="belfry-visually-hidden">{messages.loading}</span>
        {[0, 1, 2].map((i) => (
          <div key={i} className="belfry-skeleton" aria-hidden="true">
            <div className="belfry-skeleton-avatar" />
            <div className="belfry-skeleton-lines">
              <div className="belfry-skeleton-line" />
              <div className="belfry-skeleton-line belfry-skeleton-line-short" />
            </div>
          </div>
        ))}
      </div>
    );
  }
  if (status === 'error') return <ErrorState messages={messages} onRetry={retry} />;
  return renderEmpty ? (
    renderEmpty(filter)
  ) : (
    <div className="belfry-state belfry-empty">
      <p>{filter.archived ? messages.emptyArchived : filter.read === false ? messages.emptyUnread : messages.empty}</p>
    </div>
  );
}

/** The load error with its retry button (the first page's, or the next page's below the rows). */
export function ErrorState({ messages, onRetry }: { messages: Messages; onRetry: () => Promise<void> }) {
  return (
    <div className="belfry-state belfry-error" role="alert">
      <p>{messages.error}</p>
      <button type="button" className="belfry-button" onClick={() => void onRetry().catch(() => undefined)}>
        {messages.retry}
      </button>
    </div>
  );
}
