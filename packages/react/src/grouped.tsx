'use client';
// `@belfry/react/grouped`: the inbox and feed with one row per groupKey ("Ada, Grace and 3 others …"),
// expandable to its members. Its own entry, so apps that never group don't ship it.
import { Feed, type FeedProps } from './Feed.js';
import { GroupedList } from './GroupedFeed.js';
import { Inbox, type InboxProps } from './Inbox.js';

/** `<Feed>` with one row per group. */
export const GroupedFeed = (props: Omit<FeedProps, 'list'>) => <Feed {...props} list={GroupedList} />;

/** `<Inbox>` whose feed shows one row per group. */
export const GroupedInbox = (props: Omit<InboxProps, 'list'>) => <Inbox {...props} list={GroupedList} />;

export { GroupedList };
export { GroupItem, type GroupItemProps } from './GroupItem.js';
export { useGroupedFeed, type UseGroupedFeedResult } from './useGroupedFeed.js';
export { enGroups } from './groupMessages.js';
