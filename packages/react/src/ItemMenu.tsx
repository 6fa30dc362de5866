// The per-notification menu: read/unread, archive, snooze presets.
import type { Notification } from '@belfry/core/api';
import { useUi } from './useUi.js';
import { Menu } from './Menu.js';
import type { SnoozePreset } from './snooze.js';

export type MenuCommand = 'read' | 'unread' | 'archive' | 'unarchive' | SnoozePreset;

export interface ItemMenuProps {
  notification: Notification;
  onCommand(command: MenuCommand): void;
  /** Whether the button is in the tab order (only inside the list's active row). */
  tabbable?: boolean;
}

export function ItemMenu({ notification, onCommand, tabbable = true }: ItemMenuProps) {
  const { messages } = useUi();

  const entries: Array<[MenuCommand, string]> = [
    notification.readAt ? ['unread', messages.markUnread] : ['read', messages.markRead],
    notification.archivedAt ? ['unarchive', messages.unarchive] : ['archive', messages.archive],
    ['hour', messages.snoozeHour],
    ['tomorrow', messages.snoozeTomorrow],
    ['nextWeek', messages.snoozeNextWeek],
  ];

  return (
    <Menu label={messages.itemMenu} entries={entries} onSelect={onCommand} tabbable={tabbable} className="belfry-icon-button belfry-menu-button">
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <circle cx="12" cy="5" r="2" fill="currentColor" />
        <circle cx="12" cy="12" r="2" fill="currentColor" />
        <circle cx="12" cy="19" r="2" fill="currentColor" />
      </svg>
    </Menu>
  );
}
