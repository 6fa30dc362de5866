// Dialog focus management: focus moves in on open, Tab cycles inside, focus returns on close.
import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import { activeElementOf } from './dom.js';

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

function focusables(container: HTMLElement): HTMLElement[] {
  // The filter drops disabled controls and tabindex="-1".
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.hasAttribute('disabled') && el.getAttribute('aria-hidden') !== 'true' && el.tabIndex >= 0,
  );
}

export function useDialogFocus(open: boolean, dialog: RefObject<HTMLElement | null>, returnTo: RefObject<HTMLElement | null>) {
  useEffect(() => {
    if (!open) return undefined;
    const el = dialog.current;
    if (el && !el.contains(activeElementOf(el))) {
      (focusables(el)[0] ?? el).focus({ preventScroll: true });
    }
    const restore = returnTo.current;
    return () => {
      // Only take focus back when it was inside the dialog (or lost to <body>), not when the user clicked elsewhere.
      const active = activeElementOf(restore);
      if (restore && (!active || active === document.body || el?.contains(active) || !active.isConnected)) {
        restore.focus();
      }
    };
  }, [open, dialog, returnTo]);
}

/** onKeyDown for the dialog: keeps Tab inside it. */
export function trapTab(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'Tab') return;
  const list = focusables(event.currentTarget);
  const first = list[0];
  const last = list[list.length - 1];
  const active = activeElementOf(event.currentTarget);
  // Past either end, focus wraps to the other; with nothing focusable it stays where it is.
  const wrapTo = event.shiftKey ? (active === first || active === event.currentTarget) && last : active === last && first;
  if (!first || wrapTo) {
    event.preventDefault();
    if (wrapTo) wrapTo.focus();
  }
}
