import type { GroupMessages } from './messages.js';

/** English for the grouped feed (loaded with it; see GroupMessages). */
export const enGroups: GroupMessages = {
  groupTwo: '{a} and {b}',
  groupMore: '{a}, {b} and {others} others',
  groupMoreOne: '{a}, {b} and 1 other',
  groupTitle: '{actors} {action}',
  groupUnread: '{count} unread',
  groupExpand: 'Show all {count}',
  groupCollapse: 'Show less',
  groupMembers: '{count} grouped notifications',
  markGroupRead: 'Mark group read',
  archiveGroup: 'Archive group',
};
