// The per-notification menu (WAI-ARIA menu button): read/unread, archive, snooze presets.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Notification } from '@belfry/core/api';
import { useUi } from './useUi.js';
import { activeElementOf, keyIndex } from './dom.js';
import { useOutsidePointer } from './useOutsidePointer.js';
import { useFloating } from './useFloating.js';
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
  const [open, setOpen] = useState(false);
  const [button, setButton] = useState<HTMLButtonElement | null>(null);
  const [menu, setMenu] = useState<HTMLDivElement | null>(null);
  useFloating(button, menu, open, 'bottom-end');
  const menuId = useId();
  const focusFirst = useRef(true);

  const entries: Array<[MenuCommand, string]> = [
    notification.readAt ? ['unread', messages.markUnread] : ['read', messages.markRead],
    notification.archivedAt ? ['unarchive', messages.unarchive] : ['archive', messages.archive],
    ['hour', messages.snoozeHour],
    ['tomorrow', messages.snoozeTomorrow],
    ['nextWeek', messages.snoozeNextWeek],
  ];

  useOutsidePointer(open && !!menu, () => [menu, button], () => setOpen(false));

  useEffect(() => {
    if (!open || !menu) return;
    const items = menu.querySelectorAll<HTMLElement>('[role="menuitem"]');
    (focusFirst.current ? items[0] : items[items.length - 1])?.focus({ preventScroll: true });
  }, [open, menu]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    event.stopPropagation();
    const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]'));
    const index = items.indexOf(activeElementOf(event.currentTarget) as HTMLElement);
    const next = keyIndex(event.key, index, items.length);
    if (event.key === 'Tab') return close(false);
    if (event.key === 'Escape') close(true);
    else if (next === undefined) return;
    else items[(next + items.length) % items.length]?.focus();
    event.preventDefault();
  };

  return (
    <div className="belfry-menu-wrap">
      <button
        type="button"
        ref={setButton}
        className="belfry-icon-button belfry-menu-button"
        aria-label={messages.itemMenu}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        tabIndex={tabbable ? 0 : -1}
        onClick={(event) => {
          event.stopPropagation();
          focusFirst.current = true;
          setOpen((value) => !value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            event.stopPropagation();
            focusFirst.current = event.key === 'ArrowDown';
            setOpen(true);
          }
        }}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <circle cx="12" cy="5" r="2" fill="currentColor" />
          <circle cx="12" cy="12" r="2" fill="currentColor" />
          <circle cx="12" cy="19" r="2" fill="currentColor" />
        </svg>
      </button>
      {open ? (
        <div
          ref={setMenu}
          id={menuId}
          role="menu"
          aria-label={messages.itemMenu}
          className="belfry-menu"
          popover="manual"
          onKeyDown={onMenuKeyDown}
          onClick={(event) => event.stopPropagation()}
        >
          {entries.map(([command, label]) => (
            <button
              key={command}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="belfry-menu-item"
              data-command={command}
              onClick={() => {
                close(true);
                onCommand(command);
              }}
            >
              {label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
