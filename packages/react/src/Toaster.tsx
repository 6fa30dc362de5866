// <Toaster>: new notifications surface as toasts in the visible tab, once per browser, never while
// an inbox is open. Announced through a polite live region; focus is never taken. Hover or focus
// pauses every timer, Escape dismisses the focused toast. Styles come with it (not in styles.css),
// so apps that show no toasts don't ship them.
import { useEffect, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { Notification, NotificationAction } from '@belfry/core/api';
import { activateAction, activateNotification } from './activate.js';
import type { ColorScheme } from './context.js';
import { part } from './dom.js';
import { format } from './messages.js';
import { Root } from './Root.js';
import type { Theme } from './theme.js';
import { NotificationItem, type NotificationHandlers } from './NotificationItem.js';
import { toasterStyles } from './toasterStyles.js';
import { useBelfry } from './useBelfry.js';
import { useToasts } from './useToasts.js';
import { useUi } from './useUi.js';

export type ToastPosition = 'top-start' | 'top-center' | 'top-end' | 'bottom-start' | 'bottom-center' | 'bottom-end';

export interface ToasterProps extends NotificationHandlers {
  /** Corner or edge of the viewport (logical: start/end follow the direction). Default bottom-end. */
  position?: ToastPosition | undefined;
  /** Most toasts shown at once; a new one pushes out the oldest. Default 3. */
  max?: number | undefined;
  /** Milliseconds a toast stays (paused while hovered or focused); 0 keeps it until dismissed. Default 6000. */
  duration?: number | undefined;
  /** Replaces the default toast. */
  renderToast?: ((props: RenderToastProps) => ReactNode) | undefined;
  locale?: string | undefined;
  colorScheme?: ColorScheme | undefined;
  theme?: Theme | undefined;
  className?: string | undefined;
}

export interface RenderToastProps {
  notification: Notification;
  /** Acts as a click on the item (read + clicked, then its safe actionUrl or onNotificationClick) and closes the toast. */
  activate(): void;
  /** Runs an action as its button in the inbox would, and closes the toast. */
  runAction(action: NotificationAction): void;
  dismiss(): void;
}

export function Toaster(props: ToasterProps) {
  const { position = 'bottom-end', max = 3, duration = 6000, renderToast } = props;
  const client = useBelfry();
  const ui = useUi({ locale: props.locale, colorScheme: props.colorScheme });
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const { toasts, dismiss } = useToasts({ max, duration, paused: hovered || focused });

  // A stack that emptied under the pointer or focus gets no leave/blur: the next one starts unpaused.
  const empty = toasts.length === 0;
  useEffect(() => {
    if (!empty) return;
    setHovered(false);
    setFocused(false);
  }, [empty]);

  const newest = toasts[toasts.length - 1]?.notification;
  const announcement = newest ? format(ui.messages.announceNew, { title: newest.title }) : '';

  const onBlur = (event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
  };

  const onKeyDown = (id: string) => (event: KeyboardEvent<HTMLDivElement>) => {
    // An item menu closing on Escape has handled it already.
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // Focus moves to a neighbour rather than falling to the page's body.
    const toast = event.currentTarget;
    const next = (toast.nextElementSibling ?? toast.previousElementSibling)?.querySelector<HTMLElement>('[tabindex="0"]');
    if (next) next.focus();
    else setFocused(false);
    dismiss(id);
  };

  return (
    <Root ui={ui} theme={props.theme} className={props.className ? `belfry-toaster ${props.className}` : 'belfry-toaster'}>
      <style>{toasterStyles}</style>
      <div className="belfry-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {empty ? null : (
        <section
          className="belfry-toasts"
          data-position={position}
          aria-label={ui.messages.inboxTitle}
          onPointerEnter={() => setHovered(true)}
          onPointerLeave={() => setHovered(false)}
          onFocus={() => setFocused(true)}
          onBlur={onBlur}
        >
          {toasts.map(({ notification: n }) => {
            const view: RenderToastProps = {
              notification: n,
              dismiss: () => dismiss(n.id),
              activate: () => {
                dismiss(n.id);
                void activateNotification(client, n, props.onNotificationClick)?.catch(() => undefined);
              },
              runAction: (action) => {
                dismiss(n.id);
                void activateAction(client, n, action, props.onAction)?.catch(() => undefined);
              },
            };
            return (
              <div key={n.id} className="belfry-toast" {...part('toast')} data-id={n.id} onKeyDown={onKeyDown(n.id)}>
                {renderToast ? (
                  renderToast(view)
                ) : (
                  <>
                    {/* The inbox's own row, so a toast looks and acts like the item it is. */}
                    <div role="list">
                      <NotificationItem
                        notification={n}
                        onNotificationClick={(x) => {
                          dismiss(n.id);
                          return props.onNotificationClick ? props.onNotificationClick(x) : true;
                        }}
                        onAction={(x, action) => {
                          dismiss(n.id);
                          props.onAction?.(x, action);
                        }}
                      />
                    </div>
                    <button type="button" className="belfry-icon-button belfry-toast-close" aria-label={ui.messages.close} onClick={view.dismiss}>
                      <span aria-hidden="true">×</span>
                    </button>
                  </>
                )}
              </div>
            );
          })}
        </section>
      )}
    </Root>
  );
}
