import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import type { FeedFilter } from '@belfry/core/api';
import type { Placement } from '@floating-ui/core';
import type { Rect } from '@tanstack/virtual-core';
import { Bell, type BadgeKind } from './Bell.js';
import { Feed, type FeedProps, type RenderItemProps } from './Feed.js';
import { LiveAnnouncer } from './LiveAnnouncer.js';
import type { NotificationHandlers } from './NotificationItem.js';
import { PreferenceCenter } from './PreferenceCenter.js';
import { Root } from './Root.js';
import { Tabs, type TabItem } from './Tabs.js';
import type { ColorScheme } from './context.js';
import { useBelfry } from './useBelfry.js';
import { useCounts } from './useCounts.js';
import { useUi } from './useUi.js';
import type { Theme } from './theme.js';
import { useOutsidePointer } from './useOutsidePointer.js';
import { trapTab, useDialogFocus } from './useDialogFocus.js';
import { useFloating } from './useFloating.js';
import { prewarmFormatters } from './relativeTime.js';
import type { MarkSeenOn } from './useSeenOnView.js';

export interface CategoryTab {
  key: string;
  label: string;
}

export interface RenderBellProps {
  count: number;
  open: boolean;
  toggle(): void;
  buttonRef: Ref<HTMLButtonElement>;
  /** Props a custom bell button should spread for accessibility. */
  ariaProps: { 'aria-expanded': boolean; 'aria-controls': string | undefined; 'aria-haspopup': 'dialog' };
}

export interface InboxProps extends NotificationHandlers {
  /** Controlled open state; leave undefined for uncontrolled. */
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  badge?: BadgeKind;
  placement?: Placement;
  /** App-defined category tabs after All / Unread / Archived. */
  categories?: CategoryTab[];
  /** Show the button to the preference view (default true). */
  showPreferences?: boolean;
  renderItem?: (props: RenderItemProps) => ReactNode;
  renderEmpty?: (filter: FeedFilter) => ReactNode;
  renderBell?: (props: RenderBellProps) => ReactNode;
  locale?: string;
  colorScheme?: ColorScheme;
  theme?: Theme;
  className?: string;
  /** Assumed feed viewport before layout (SSR, tests). */
  initialRect?: Rect;
  /** When notifications become seen: 'view' (default) as rows are shown, 'open' all at once, or 'never'. */
  markSeenOn?: MarkSeenOn;
  /** The feed's list component (see `FeedProps.list`); `GroupedInbox` sets the grouped one. */
  list?: FeedProps['list'];
}

/** Narrower viewports get the inbox as a full-width sheet instead of a popover. */
const SHEET_BELOW = 480;

type View = 'feed' | 'preferences';

function filterFor(tab: string): FeedFilter {
  if (tab === 'all') return {};
  if (tab === 'unread') return { read: false };
  if (tab === 'archived') return { archived: true };
  return { category: tab.slice('category:'.length) };
}

export function Inbox(props: InboxProps) {
  const { badge = 'unread', placement = 'bottom-end', categories = [], showPreferences = true, markSeenOn = 'view' } = props;
  const ui = useUi({ locale: props.locale, colorScheme: props.colorScheme });
  const client = useBelfry();
  const counts = useCounts();
  const { messages } = ui;
  const [uncontrolled, setUncontrolled] = useState(props.defaultOpen ?? false);
  const open = props.open ?? uncontrolled;
  const [view, setView] = useState<View>('feed');
  const [tab, setTab] = useState('all');
  const bellRef = useRef<HTMLButtonElement | null>(null);
  const dialogRef = useRef<HTMLDivElement | null>(null);
  const [anchor, setAnchor] = useState<HTMLButtonElement | null>(null);
  const [floating, setFloating] = useState<HTMLDivElement | null>(null);
  useFloating(anchor, floating, open, placement, SHEET_BELOW);
  const dialogId = useId();
  const titleId = `${dialogId}-title`;

  const setOpen = (next: boolean) => {
    if (props.open === undefined) setUncontrolled(next);
    props.onOpenChange?.(next);
  };

  useDialogFocus(open, dialogRef, bellRef);

  useEffect(() => {
    if (!open) setView('feed');
  }, [open]);

  const unseen = counts.unseen > 0;
  useEffect(() => {
    if (open && unseen && markSeenOn === 'open') void client?.markAllSeen().catch(() => undefined);
  }, [open, unseen, markSeenOn, client]);

  // Item tooltips need a date formatter whose first creation is slow; build it before the first open.
  useEffect(() => prewarmFormatters(ui.locale), [ui.locale]);

  // A click outside the bell and the popover closes it (item menus are rendered inside the dialog).
  useOutsidePointer(open, () => [dialogRef.current, bellRef.current], () => setOpen(false));

  const setBellRef = (el: HTMLButtonElement | null) => {
    bellRef.current = el;
    setAnchor(el);
  };
  const setDialogRef = (el: HTMLDivElement | null) => {
    dialogRef.current = el;
    setFloating(el);
  };

  const onDialogKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      return;
    }
    trapTab(event);
  };

  const badgeCount = badge === 'unseen' ? counts.unseen : counts.unread;
  const toggle = () => setOpen(!open);

  const tabs: TabItem[] = [
    // Counts say what is left to act on: unread, per tab.
    { key: 'all', label: messages.tabAll, count: counts.unread },
    { key: 'unread', label: messages.tabUnread, count: counts.unread },
    { key: 'archived', label: messages.tabArchived },
    ...categories.map((c) => ({
      key: `category:${c.key}`,
      label: c.label,
      count: counts.categories?.[c.key]?.unread,
    })),
  ];

  return (
    <Root ui={ui} theme={props.theme} className={props.className ? `belfry-inbox ${props.className}` : 'belfry-inbox'}>
      <LiveAnnouncer />
      {props.renderBell ? (
        props.renderBell({
          count: badgeCount,
          open,
          toggle,
          buttonRef: setBellRef,
          ariaProps: { 'aria-expanded': open, 'aria-controls': open ? dialogId : undefined, 'aria-haspopup': 'dialog' },
        })
      ) : (
        <Bell badge={badge} expanded={open} controls={dialogId} onClick={toggle} buttonRef={setBellRef} />
      )}
      {open ? (
        <div
          ref={setDialogRef}
          id={dialogId}
          role="dialog"
          aria-modal="true"
          popover="manual"
          aria-labelledby={titleId}
          tabIndex={-1}
          className="belfry-popover"
          part="popover"
          onKeyDown={onDialogKeyDown}
        >
          <div className="belfry-header">
            {view === 'preferences' ? (
              <button type="button" className="belfry-icon-button belfry-back" aria-label={messages.back} onClick={() => setView('feed')}>
                <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" className="belfry-flip-rtl">
                  <path fill="currentColor" d="M15.4 6.4 14 5l-7 7 7 7 1.4-1.4L9.8 12z" />
                </svg>
              </button>
            ) : null}
            <h2 id={titleId} className="belfry-title">
              {view === 'preferences' ? messages.preferencesTitle : messages.inboxTitle}
            </h2>
            {view === 'feed' ? (
              <>
                <button
                  type="button"
                  className="belfry-text-button belfry-mark-all"
                  disabled={counts.unread === 0}
                  onClick={() => void client?.markAllRead().catch(() => undefined)}
                >
                  {messages.markAllRead}
                </button>
                {showPreferences ? (
                  <button
                    type="button"
                    className="belfry-icon-button belfry-open-preferences"
                    aria-label={messages.preferences}
                    onClick={() => setView('preferences')}
                  >
                    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
                      <path
                        fill="currentColor"
                        d="M19.4 13a7.5 7.5 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.6 7.6 0 0 0-1.7-1L15 3h-4l-.4 2.8a7.6 7.6 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.5 7.5 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1a7.6 7.6 0 0 0 1.7 1L11 21h4l.4-2.8a7.6 7.6 0 0 0 1.7-1l2.5 1 2-3.5ZM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7Z"
                      />
                    </svg>
                  </button>
                ) : null}
              </>
            ) : null}
          </div>
          {view === 'feed' ? (
            <Tabs tabs={tabs} selected={tab} onSelect={setTab} label={messages.tabsLabel} fixed={3}>
              <Feed
                key={tab}
                filter={filterFor(tab)}
                standalone={false}
                announce={false}
                markSeenOn={markSeenOn}
                renderItem={props.renderItem}
                renderEmpty={props.renderEmpty}
                {...(props.list ? { list: props.list } : {})}
                onNotificationClick={props.onNotificationClick}
                onAction={props.onAction}
                {...(props.initialRect ? { initialRect: props.initialRect } : {})}
              />
            </Tabs>
          ) : (
            <PreferenceCenter standalone={false} showTitle={false} />
          )}
        </div>
      ) : null}
    </Root>
  );
}
