// Every string the UI shows comes from here, so a host app can translate or reword any of them.
// Only English is built in; the other shipped tables live in ./locales (the `@belfry/react/locales`
// subpath), so an app pays only for the languages it imports and passes to the provider.

export interface Messages extends Partial<GroupMessages> {
  inboxTitle: string;
  /** Accessible name of the bell; {count} is the number shown on the badge. */
  bellLabel: string;
  bellLabelUnread: string;
  bellLabelUnseen: string;
  markAllRead: string;
  preferences: string;
  back: string;
  close: string;
  tabAll: string;
  tabUnread: string;
  tabArchived: string;
  tabsLabel: string;
  /** The menu holding the category tabs that do not fit in the row. */
  tabsMore: string;
  feedLabel: string;
  empty: string;
  emptyUnread: string;
  emptyArchived: string;
  loading: string;
  loadingMore: string;
  error: string;
  retry: string;
  offline: string;
  newItems: string;
  /** Live-region text for a notification that arrived; {title} is its title. */
  announceNew: string;
  unread: string;
  itemMenu: string;
  markRead: string;
  markUnread: string;
  archive: string;
  unarchive: string;
  snooze: string;
  snoozeHour: string;
  snoozeTomorrow: string;
  snoozeNextWeek: string;
  actionFailed: string;
  preferencesTitle: string;
  preferencesLocked: string;
  preferencesSaveFailed: string;
  category: string;
  channel_in_app: string;
  channel_email: string;
  channel_push: string;
  channel_sms: string;
}

/**
 * The grouped feed's strings. Optional here: their English defaults (`enGroups`) come with
 * `@belfry/react/grouped`, so apps that never group don't ship them; every shipped locale table has them.
 */
export interface GroupMessages {
  /** A group's actors: two names; two names and {others} (2 or more) others; two and one other. */
  groupTwo: string;
  groupMore: string;
  groupMoreOne: string;
  /** A group's row: {actors} as above, {action} the newest member's `data.groupTitle` ("commented on Launch plan"). */
  groupTitle: string;
  groupUnread: string;
  /** The disclosure button; {count} members. */
  groupExpand: string;
  groupCollapse: string;
  /** Accessible name of the members list. */
  groupMembers: string;
  markGroupRead: string;
  archiveGroup: string;
}

/** The locales with a shipped table (`en` here, the rest from `@belfry/react/locales`). */
export type Locale = 'en' | 'de' | 'fr' | 'es' | 'ja' | 'ar';

export const en: Messages = {
  inboxTitle: 'Notifications',
  bellLabel: 'Notifications',
  bellLabelUnread: 'Notifications, {count} unread',
  bellLabelUnseen: 'Notifications, {count} new',
  markAllRead: 'Mark all as read',
  preferences: 'Notification preferences',
  back: 'Back to notifications',
  close: 'Close',
  tabAll: 'All',
  tabUnread: 'Unread',
  tabArchived: 'Archived',
  tabsLabel: 'Notification filters',
  tabsMore: 'More',
  feedLabel: 'Notifications',
  empty: 'You have no notifications',
  emptyUnread: 'You are all caught up',
  emptyArchived: 'No archived notifications',
  loading: 'Loading notifications',
  loadingMore: 'Loading more',
  error: 'Notifications could not be loaded',
  retry: 'Try again',
  offline: 'You are offline. Showing saved notifications.',
  newItems: '{count} new',
  announceNew: 'New notification: {title}',
  unread: 'Unread',
  itemMenu: 'More actions',
  markRead: 'Mark as read',
  markUnread: 'Mark as unread',
  archive: 'Archive',
  unarchive: 'Move to inbox',
  snooze: 'Snooze',
  snoozeHour: 'Snooze for 1 hour',
  snoozeTomorrow: 'Snooze until tomorrow',
  snoozeNextWeek: 'Snooze until next week',
  actionFailed: 'That did not work. Your change was undone.',
  preferencesTitle: 'Notification preferences',
  preferencesLocked: 'Required',
  preferencesSaveFailed: 'Your preference could not be saved and was restored.',
  category: 'Category',
  channel_in_app: 'In-app',
  channel_email: 'Email',
  channel_push: 'Push',
  channel_sms: 'SMS',
};

/** The right-to-left languages, matched on the language subtag ('ar', 'ar-EG', 'he_IL'). */
const RTL_LANGUAGE = /^(ar|he|fa|ur|ps|yi|dv|ckb|sd|ug)([-_]|$)/i;

/** 'ar-EG' → 'rtl'. Decided by the language subtag so any RTL locale mirrors, shipped or not. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGE.test(locale) ? 'rtl' : 'ltr';
}

/** English with the given table or overrides applied (a partial table falls back to English per key). */
export function resolveMessages(messages?: Partial<Messages>): Messages {
  return messages ? { ...en, ...messages } : en;
}

/** Replaces {name} placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
