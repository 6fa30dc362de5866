// WAI-ARIA tabs: one tab stop, arrows move and activate (mirrored in RTL), Home/End jump.
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { part } from './dom.js';
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
    const current = tabs.findIndex((tab) => tab.key === selected);
    const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    let handled = true;
    if (event.key === forward) move(current + 1);
    else if (event.key === backward) move(current - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(tabs.length - 1);
    else handled = false;
    if (handled) event.preventDefault();
  };

  return (
    <>
      <div className="belfry-tabs" role="tablist" aria-label={label} ref={listRef} onKeyDown={onKeyDown} {...part('tabs')}>
        {tabs.map((tab) => {
          const active = tab.key === selected;
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
              {tab.count !== undefined && tab.count > 0 ? (
                <span className="belfry-tab-count">{tab.count > 99 ? '99+' : tab.count}</span>
              ) : null}
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
