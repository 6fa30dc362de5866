// One toast: the title is the button that acts as a click on the item (read + clicked, then its
// safe actionUrl or the host's handler); the body keeps its formatting and links; actions are buttons.
import type { MouseEvent } from 'react';
import type { Notification, NotificationAction } from '@belfry/core/api';
import { part } from './dom.js';
import { parseRichText, RichText, type RichNode } from './RichText.js';
import { useUi } from './useUi.js';

export interface RenderToastProps {
  notification: Notification;
  /** Acts as a click on the item and closes the toast. */
  activate(): void;
  /** Runs an action (as its button in the inbox would) and closes the toast. */
  runAction(action: NotificationAction): void;
  dismiss(): void;
}

/** A button holds no links: the title's formatting is flattened to its text. */
const flatten = (nodes: RichNode[]): string => nodes.map((n) => (n.type === 'text' ? n.text : flatten(n.children))).join('');

export function Toast({ notification: n, activate, runAction, dismiss }: RenderToastProps) {
  const { messages } = useUi();
  const onCardClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!(event.target as HTMLElement).closest('button, a')) activate();
  };
  return (
    // The title button is the keyboard path; a click anywhere else on the card is a convenience.
    <div className="belfry-toast-card" {...part('toast')} onClick={onCardClick}>
      <div className="belfry-toast-content">
        <button type="button" className="belfry-toast-title" onClick={activate}>
          {flatten(parseRichText(n.title))}
        </button>
        {n.body ? <RichText className="belfry-toast-body" text={n.body} /> : null}
        {n.actions.length > 0 ? (
          <div className="belfry-item-actions">
            {n.actions.map((action) => (
              <button key={action.id} type="button" className="belfry-action" data-style={action.style ?? 'secondary'} onClick={() => runAction(action)}>
                {action.label}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <button type="button" className="belfry-icon-button belfry-toast-close" aria-label={messages.close} onClick={dismiss}>
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M18.3 7.1 16.9 5.7 12 10.6 7.1 5.7 5.7 7.1l4.9 4.9-4.9 4.9 1.4 1.4 4.9-4.9 4.9 4.9 1.4-1.4-4.9-4.9z" />
        </svg>
      </button>
    </div>
  );
}
