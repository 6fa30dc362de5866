// WAI-ARIA tabs: one tab stop, arrows move and activate (mirrored in RTL), Home/End jump. Tabs after
// the first `fixed` ones move into a "More" menu when the row has no room for them (the selected tab
// always stays in the row); a row that still overflows scrolls, with faded edges saying so.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { badgeText } from './badge.js';
import { keyIndex } from './dom.js';
import { Menu } from './Menu.js';
import { useIsoLayoutEffect } from './useIsoLayoutEffect.js';
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
  /** How many leading tabs never move into the "More" menu (default: all of them). */
  fixed?: number;
  /** The panel of the selected tab. */
  children?: ReactNode;
}

const px = (value: string) => parseFloat(value) || 0;

function TabLabel({ tab }: { tab: Pick<TabItem, 'label' | 'count'> }) {
  const count = badgeText(tab.count ?? 0);
  return (
    <>
      <span className="belfry-tab-label">{tab.label}</span>
      {count ? <span className="belfry-tab-count">{count}</span> : null}
    </>
  );
}

export function Tabs({ tabs, selected, onSelect, label, fixed = tabs.length, children }: TabsProps) {
  const { dir, messages } = useUi();
  const baseId = useId();
  const rowRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const focusSelected = useRef(false);
  const [collapsed, setCollapsed] = useState('');
  const tabId = (key: string) => `${baseId}-tab-${key}`;
  const panelId = `${baseId}-panel`;
  const collapsedKeys = collapsed.split('\n');
  const isCollapsed = (key: string) => collapsedKeys.includes(key);
  const shown = tabs.filter((tab) => !isCollapsed(tab.key));
  const hidden = tabs.filter((tab) => isCollapsed(tab.key));

  const fade = () => {
    const list = listRef.current;
    if (!list) return;
    const pos = Math.abs(list.scrollLeft);
    list.setAttribute('data-fade', `${pos > 1 ? 'start ' : ''}${pos < list.scrollWidth - list.clientWidth - 1 ? 'end' : ''}`);
  };

  // Collapsed tabs stay rendered (hidden, out of flow), so every tab's width is known here.
  const layout = () => {
    const row = rowRef.current;
    const list = listRef.current;
    if (!row || !list) return;
    const css = getComputedStyle(list);
    const gap = px(css.columnGap);
    const width = new Map(Array.from(list.children, (el) => [el.getAttribute('data-tab'), (el as HTMLElement).offsetWidth + gap]));
    const w = (tab: TabItem) => width.get(tab.key) ?? 0;
    let room = row.clientWidth - px(css.paddingInlineStart) - px(css.paddingInlineEnd);
    const next: string[] = [];
    if (tabs.reduce((sum, tab) => sum + w(tab), 0) > room) {
      room -= (row.lastElementChild as HTMLElement | null)?.offsetWidth ?? 0;
      let used = tabs.reduce((sum, tab, i) => (i < fixed || tab.key === selected ? sum + w(tab) : sum), 0);
      for (const tab of tabs.slice(fixed)) {
        if (tab.key === selected) continue;
        used += w(tab);
        if (next.length || used > room) next.push(tab.key);
      }
    }
    setCollapsed(next.join('\n'));
    fade();
  };

  useIsoLayoutEffect(layout);
  const relayout = useRef(layout);
  relayout.current = layout;

  useEffect(() => {
    const row = rowRef.current;
    if (!row || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => relayout.current());
    observer.observe(row);
    return () => observer.disconnect();
  }, []);

  // Keep the selected tab in view inside a scrolling row; focus it when it was picked from "More"
  // (once the row has made room for it: until then it is hidden).
  useIsoLayoutEffect(() => {
    const tab = listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]:not(.belfry-collapsed)');
    tab?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    if (tab && focusSelected.current) {
      tab.focus();
      focusSelected.current = false;
    }
  }, [selected, collapsed]);

  const move = (index: number) => {
    const wrapped = (index + shown.length) % shown.length;
    const next = shown[wrapped];
    if (!next) return;
    onSelect(next.key);
    listRef.current?.querySelectorAll<HTMLElement>('[role="tab"]')[wrapped]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Arrow keys follow the reading direction.
    const rtl = dir === 'rtl';
    const current = shown.findIndex((tab) => tab.key === selected);
    const next = keyIndex(event.key, current, shown.length, rtl ? 'ArrowRight' : 'ArrowLeft', rtl ? 'ArrowLeft' : 'ArrowRight');
    if (next === undefined) return;
    event.preventDefault();
    move(next);
  };

  return (
    <>
      <div className="belfry-tabrow" ref={rowRef}>
        <div className="belfry-tabs" role="tablist" aria-label={label} ref={listRef} onKeyDown={onKeyDown} onScroll={fade} part="tabs">
          {[...shown, ...hidden].map((tab) => {
            const active = tab.key === selected;
            const out = isCollapsed(tab.key);
            return (
              <button
                key={tab.key}
                type="button"
                role="tab"
                id={tabId(tab.key)}
                data-tab={tab.key}
                className={out ? 'belfry-tab belfry-collapsed' : 'belfry-tab'}
                aria-selected={active}
                aria-controls={active ? panelId : undefined}
                tabIndex={active ? 0 : -1}
                onClick={() => onSelect(tab.key)}
              >
                <TabLabel tab={tab} />
              </button>
            );
          })}
        </div>
        {tabs.length > fixed ? (
          <div className={hidden.length ? 'belfry-more' : 'belfry-more belfry-collapsed'}>
            <Menu
              label={messages.tabsMore}
              labelled
              className="belfry-tab belfry-more-button"
              tabbable={hidden.length > 0}
              entries={hidden.map((tab) => [tab.key, <TabLabel key={tab.key} tab={tab} />])}
              onSelect={(key) => {
                focusSelected.current = true;
                onSelect(key);
              }}
            >
              <TabLabel tab={{ label: messages.tabsMore, count: hidden.reduce((sum, tab) => sum + (tab.count ?? 0), 0) }} />
            </Menu>
          </div>
        ) : null}
      </div>
      <div className="belfry-tabpanel" role="tabpanel" id={panelId} aria-labelledby={tabId(selected)}>
        {children}
      </div>
    </>
  );
}
