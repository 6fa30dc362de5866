// WAI-ARIA tabs: one tab stop, arrows move and activate (mirrored in RTL), Home/End jump.
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { badgeText } from './badge.js';
import { keyIndex } from './dom.js';
import { useUi } from './useUi.js';

export interface TabItem {
  key: string;
  label: string;
  count?: number | undefined;
}

export interface TabsProps {
  tabs: TabItem[];
  selected: string;
  onSelect(key: string): void;
  label: string;
  /** The panel of the selected tab. */
  children?: ReactNode;
}

export function Tabs({ tabs, selected, onSelect, label, children }: TabsProps) {
  const { dir } = useUi();
  const baseId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const tabId = (key: string) => `${baseId}-tab-${key}`;
  const panelId = `${baseId}-panel`;

  const move = (index: number) => {
    const wrapped = (index + tabs.length) % tabs.length;
    const next = tabs[wrapped];
    if (!next) return;
    onSelect(next.key);
    listRef.current?.querySelectorAll<HTMLElement>('[role="tab"]')[wrapped]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Arrow keys follow the reading direction.
    const rtl = dir === 'rtl';
    const current = tabs.findIndex((tab) => tab.key === selected);
    const next = keyIndex(event.key, current, tabs.length, rtl ? 'ArrowRight' : 'ArrowLeft', rtl ? 'ArrowLeft' : 'ArrowRight');
    if (next === undefined) return;
    event.preventDefault();
    move(next);
  };

  return (
    <>
      <div className="belfry-tabs" role="tablist" aria-label={label} ref={listRef} onKeyDown={onKeyDown} part="tabs">
        {tabs.map((tab) => {
          const active = tab.key === selected;
          const count = badgeText(tab.count ?? 0);
          return (
            <button
              key={tab.key}
              type="button"
              role="tab"
              id={tabId(tab.key)}
              data-tab={tab.key}
              className="belfry-tab"
              aria-selected={active}
              aria-controls={active ? panelId : undefined}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(tab.key)}
            >
              <span className="belfry-tab-label">{tab.label}</span>
              {count ? <span className="belfry-tab-count">{count}</span> : null}
            </button>
          );
        })}
      </div>
      <div className="belfry-tabpanel" role="tabpanel" id={panelId} aria-labelledby={tabId(selected)}>
        {children}
      </div>
    </>
  );
}
