'use client';
export { BelfryProvider, type BelfryProviderProps, type UiOptions } from './BelfryProvider.js';
export { useBelfry } from './useBelfry.js';
export { useFeed, type UseFeedResult } from './useFeed.js';
export { useCounts } from './useCounts.js';
export { useNotification } from './useNotification.js';
export { usePreferences, type UsePreferencesResult } from './usePreferences.js';
export { useConnection } from './useConnection.js';
export { useUi } from './useUi.js';
export { Inbox, type InboxProps, type CategoryTab, type RenderBellProps } from './Inbox.js';
export { Bell, type BellProps, type BadgeKind } from './Bell.js';
export { badgeText } from './badge.js';
export { Feed, type FeedProps, type RenderItemProps } from './Feed.js';
export { NotificationItem, type NotificationItemProps, type NotificationHandlers } from './NotificationItem.js';
export { Toaster, type ToasterProps, type ToastPosition, type RenderToastProps } from './Toaster.js';
export { PreferenceCenter, type PreferenceCenterProps } from './PreferenceCenter.js';
export { Tabs, type TabsProps, type TabItem } from './Tabs.js';
export { RichText, parseRichText, type RichNode } from './RichText.js';
export { safeUrl } from './safeUrl.js';
export { formatRelative } from './relativeTime.js';
export { snoozeUntil, type SnoozePreset } from './snooze.js';
// The other shipped translations are in `@belfry/react/locales` (not bundled unless imported).
export { en, resolveMessages, directionOf, format, type Messages, type GroupMessages, type Locale } from './messages.js';
// Grouped feeds (`GroupedInbox`, `GroupedFeed`, `GroupItem`, `useGroupedFeed`) are `@belfry/react/grouped`.
export { themeStyle, tokenName, type Theme, type ThemeToken } from './theme.js';
export type { ColorScheme } from './context.js';
export { belfryStyles } from './stylesText.js';
