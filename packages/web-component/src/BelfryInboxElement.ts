// <belfry-inbox>: the bell with its popover (feed tabs, mark all read, preferences view).
import { createElement } from 'react';
import type { Placement } from '@floating-ui/core';
import { Inbox } from '@belfry/react';
import { setOrRemoveAttribute } from './BelfryElement.js';
import { BelfryListElement } from './BelfryListElement.js';
import { emit } from './events.js';

export type { Placement };
export type { ItemRenderContext } from './BelfryListElement.js';

export interface CategoryTab {
  key: string;
  label: string;
}

/** `categories="billing:Billing, comments:Comments"` or a JSON array of { key, label }. */
export function parseCategories(value: string | null): CategoryTab[] {
  if (!value) return [];
  const trimmed = value.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (!Array.isArray(parsed)) return [];
      return parsed
        .filter((c): c is CategoryTab => !!c && typeof c.key === 'string' && typeof c.label === 'string')
        .map(({ key, label }) => ({ key, label }));
    } catch {
      return [];
    }
  }
  return trimmed
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      return colon === -1 ? { key: part, label: part } : { key: part.slice(0, colon).trim(), label: part.slice(colon + 1).trim() };
    });
}

export class BelfryInboxElement extends BelfryListElement {
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'placement', 'badge', 'open', 'categories', 'hide-preferences'];
  }

  /** Popover placement relative to the bell (Floating UI placements, default bottom-end). */
  get placement(): Placement {
    return (this.getAttribute('placement') as Placement | null) ?? 'bottom-end';
  }
  set placement(value: Placement | null) {
    setOrRemoveAttribute(this, 'placement', value || null);
  }

  /** Which count the badge shows: 'unread' (default) or 'unseen'. */
  get badge(): 'unread' | 'unseen' {
    return this.getAttribute('badge') === 'unseen' ? 'unseen' : 'unread';
  }
  set badge(value: 'unread' | 'unseen' | null) {
    setOrRemoveAttribute(this, 'badge', value || null);
  }

  /** Reflects the popover's state; set it (or the `open` attribute) to open or close it. */
  get open(): boolean {
    return this.hasAttribute('open');
  }
  set open(value: boolean) {
    this.toggleAttribute('open', !!value);
  }

  #onOpenChange = (open: boolean): void => {
    if (open === this.open) return;
    this.open = open;
    emit(this, 'belfry:open-change', { open });
  };

  protected renderContent(): unknown {
    return createElement(Inbox, {
      ...this.listProps(),
      open: this.open,
      onOpenChange: this.#onOpenChange,
      placement: this.placement,
      badge: this.badge,
      categories: parseCategories(this.getAttribute('categories')),
      showPreferences: !this.hasAttribute('hide-preferences'),
    });
  }
}
