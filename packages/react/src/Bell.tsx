import type { MouseEventHandler, Ref } from 'react';
import { useCounts } from './useCounts.js';
import { useUi } from './useUi.js';
import { format } from './messages.js';
import { badgeText } from './badge.js';

export type BadgeKind = 'unread' | 'unseen';

export interface BellProps {
  /** Which count the badge shows (default 'unread'). */
  badge?: BadgeKind;
  /** Set when the bell controls a popover: announced as aria-expanded. */
  expanded?: boolean;
  /** Id of the element the bell controls. */
  controls?: string;
  onClick?: MouseEventHandler<HTMLButtonElement>;
  buttonRef?: Ref<HTMLButtonElement>;
  className?: string;
  /** Counts to show instead of the client's (for a custom data source). */
  count?: number;
}


export function Bell({ badge = 'unread', expanded, controls, onClick, buttonRef, className, count }: BellProps) {
  const counts = useCounts();
  const { messages } = useUi();
  const value = count ?? (badge === 'unseen' ? counts.unseen : counts.unread);
  const text = badgeText(value);
  const label = text
    ? format(badge === 'unseen' ? messages.bellLabelUnseen : messages.bellLabelUnread, { count: text })
    : messages.bellLabel;
  return (
    <button
      type="button"
      ref={buttonRef}
      className={className ? `belfry-bell ${className}` : 'belfry-bell'}
      aria-label={label}
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      aria-haspopup={expanded === undefined ? undefined : 'dialog'}
      onClick={onClick}
      data-count={value}
      part="bell"
    >
      <svg className="belfry-bell-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {text ? (
        <span className="belfry-badge" data-kind={badge} aria-hidden="true" part="badge">
          {text}
        </span>
      ) : null}
    </button>
  );
}
