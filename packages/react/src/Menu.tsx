// A WAI-ARIA menu button: the popup opens in the top layer below its button, arrows move, Escape
// closes and returns focus, Tab leaves. The item menu and the tab row's "More" menu are both one.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { activeElementOf, keyIndex } from './dom.js';
import { useOutsidePointer } from './useOutsidePointer.js';
import { useFloating } from './useFloating.js';

export interface MenuProps<K extends string> {
  /** Accessible name of the button and the menu. */
  label: string;
  entries: Array<[K, ReactNode]>;
  onSelect(key: K): void;
  /** The button's content. */
  children: ReactNode;
  className: string;
  /** Whether the button is in the tab order. */
  tabbable?: boolean;
  /** Set when the button shows its name as text (no aria-label needed). */
  labelled?: boolean;
}

export function Menu<K extends string>({ label, entries, onSelect, children, className, tabbable = true, labelled }: MenuProps<K>) {
  const [open, setOpen] = useState(false);
  const [button, setButton] = useState<HTMLButtonElement | null>(null);
  const [menu, setMenu] = useState<HTMLDivElement | null>(null);
  useFloating(button, menu, open, 'bottom-end');
  const menuId = useId();
  const focusFirst = useRef(true);

  useOutsidePointer(open && !!menu, () => [menu, button], () => setOpen(false));

  useEffect(() => {
    if (!open || !menu) return;
    const items = menu.querySelectorAll<HTMLElement>('[role="menuitem"]');
    items[focusFirst.current ? 0 : items.length - 1]?.focus({ preventScroll: true });
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
        className={className}
        aria-label={labelled ? undefined : label}
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
        {children}
      </button>
      {open ? (
        <div
          ref={setMenu}
          id={menuId}
          role="menu"
          aria-label={label}
          className="belfry-menu"
          popover="manual"
          onKeyDown={onMenuKeyDown}
          onClick={(event) => event.stopPropagation()}
        >
          {entries.map(([key, text]) => (
            <button
              key={key}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="belfry-menu-item"
              data-command={key}
              onClick={() => {
                close(true);
                onSelect(key);
              }}
            >
              {text}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
