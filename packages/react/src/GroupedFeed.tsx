import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { FeedProps } from './Feed.js';
import { placeholder } from './Feed.js';
import { keyIndex } from './dom.js';
import { GroupItem } from './GroupItem.js';
import { useGroupedFeed } from './useGroupedFeed.js';
import { useUi } from './useUi.js';

const LOAD_AHEAD_PX = 200;

/** A feed of groups (`<GroupedFeed>`): one row per groupKey, more pages as the list scrolls. */
export function GroupedList(props: FeedProps) {
  const { filter = {} } = props;
  const feed = useGroupedFeed(filter);
  const { messages } = useUi();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const rows = feed.groups;
  const active = Math.min(activeIndex, rows.length - 1);

  const nearEnd = () => {
    const el = scrollRef.current;
    if (el && feed.hasMore && !feed.loadingMore && feed.status === 'success' && el.scrollTop + el.clientHeight >= el.scrollHeight - LOAD_AHEAD_PX) {
      void feed.loadMore().catch(() => undefined);
    }
  };
  // A first page shorter than the viewport never scrolls: load on.
  useEffect(nearEnd);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest('[data-index]');
    if (!row || row !== event.target) return;
    const next = keyIndex(event.key, Number(row.getAttribute('data-index')), rows.length);
    if (next === undefined) return;
    event.preventDefault();
    const i = Math.max(0, Math.min(rows.length - 1, next));
    setActiveIndex(i);
    scrollRef.current?.querySelector<HTMLElement>(`[data-index="${i}"]`)?.focus();
  };

  return (
    <div className="belfry-feed" data-status={feed.status} data-grouped="true">
      <div className="belfry-scroll" ref={scrollRef} onScroll={nearEnd}>
        {rows.length === 0 ? (
          placeholder(feed.status, filter, messages, feed.refresh, props.renderEmpty)
        ) : (
          <div role="list" aria-label={props.label ?? messages.feedLabel} aria-busy={feed.loadingMore} className="belfry-list" onKeyDown={onKeyDown}>
            {rows.map((g, i) => (
              <GroupItem
                key={g.key}
                group={g}
                index={i}
                active={i === active}
                onFocusItem={() => setActiveIndex(i)}
                onNotificationClick={props.onNotificationClick}
                onAction={props.onAction}
              />
            ))}
          </div>
        )}
        {feed.loadingMore ? (
          <p className="belfry-loading-more" role="status">
            {messages.loadingMore}
          </p>
        ) : null}
      </div>
    </div>
  );
}
